// SPDX-License-Identifier: Apache-2.0
#include "parley/io/model_writer.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace parley {

namespace {

template <class T>
Json values(const std::vector<Located<T>>& items) {
  Json out = Json::array();
  for (const auto& item : items)
    out.push_back(item.value);
  return out;
}

template <class T>
Json keyed(const LocatedMap<T>& entries) {
  Json out = Json::object();
  for (const auto& [key, value] : entries)
    out[key.value] = value.value;
  return out;
}

/// Items of a list (ranking levels or statements), `{any_order: [...]}` groups written back around
/// their runs; `item(k)` writes item k.
template <class Item>
Json with_groups(std::size_t items, const std::vector<AnyOrderDraft>& groups, Item&& item) {
  Json out = Json::array();
  for (std::size_t k = 0; k < items;) {
    const auto group =
        std::find_if(groups.begin(), groups.end(), [&](const AnyOrderDraft& g) { return g.first == k && g.count > 0; });
    if (group == groups.end()) {
      out.push_back(item(k++));
      continue;
    }
    Json members = Json::array();
    for (std::size_t end = std::min(items, k + group->count); k < end; ++k)
      members.push_back(item(k));
    out.push_back({{"any_order", std::move(members)}});
  }
  return out;
}

Json priorities_json(const PartyDraft& p) {
  return with_groups(p.priorities->size(), p.priorities_any_order, [&](std::size_t k) {
    const std::string& statement = (*p.priorities)[k].value;
    const bool maybe = std::any_of(p.priorities_maybe.begin(), p.priorities_maybe.end(),
                                   [&](const Located<std::size_t>& m) { return m.value == k; });
    return maybe ? Json{{"maybe", statement}} : Json(statement);
  });
}

Json party_json(const PartyDraft& p) {
  Json out = {{"id", p.id.value}};
  if (!p.name.empty() && p.name != p.id.value) out["name"] = p.name;
  if (!p.options.empty()) {
    Json options = Json::array();
    for (const auto& o : p.options) {
      Json option = {{"id", o.id.value}};
      if (!o.name.empty() && o.name != o.id.value) option["name"] = o.name;
      if (o.direction && o.direction->value != "both") option["direction"] = o.direction->value;
      options.push_back(std::move(option));
    }
    out["options"] = std::move(options);
  }
  if (p.priorities) out["priorities"] = priorities_json(p);
  if (p.ranking) {
    const RankingDraft& levels = *p.ranking;
    out["ranking"] = with_groups(levels.size(), p.ranking_any_order, [&](std::size_t k) {
      return levels[k].size() == 1 ? Json(levels[k][0].value) : values(levels[k]);
    });
  }
  if (p.payoffs) out["payoffs"] = keyed(*p.payoffs);
  if (p.capability) out["capability"] = p.capability->value;
  if (!p.positions.empty()) out["positions"] = keyed(p.positions);
  if (!p.salience.empty()) out["salience"] = keyed(p.salience);
  if (!p.red_lines.empty()) {
    Json red_lines = Json::object();
    for (const auto& [issue, interval] : p.red_lines)
      red_lines[issue.value] = {interval.value.low.value, interval.value.high.value};
    out["red_lines"] = std::move(red_lines);
  }
  const auto pair = [](const IntervalDraft& i) { return Json::array({i.low.value, i.high.value}); };
  Json uncertainty = Json::object();
  if (p.capability_range) uncertainty["capability"] = pair(p.capability_range->value);
  for (const auto& [key, ranges] :
       {std::pair{"positions", &p.position_ranges}, std::pair{"salience", &p.salience_ranges},
        std::pair{"red_line_low", &p.red_line_low_ranges}, std::pair{"red_line_high", &p.red_line_high_ranges}}) {
    if (ranges->empty()) continue;
    Json by_issue = Json::object();
    for (const auto& [issue, interval] : *ranges)
      by_issue[issue.value] = pair(interval.value);
    uncertainty[key] = std::move(by_issue);
  }
  if (!uncertainty.empty()) out["uncertainty"] = std::move(uncertainty);
  return out;
}

/// Emits any JSON value as YAML: short lists of scalars in flow style, the rest in block style.
void emit(YAML::Emitter& out, const Json& value) {
  if (value.is_object()) {
    out << YAML::BeginMap;
    for (const auto& [key, item] : value.items()) {
      out << YAML::Key << key << YAML::Value;
      emit(out, item);
    }
    out << YAML::EndMap;
  } else if (value.is_array()) {
    const bool flat = std::none_of(value.begin(), value.end(), [](const Json& v) { return v.is_structured(); });
    out << (flat && value.size() <= 12 ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
    for (const auto& item : value)
      emit(out, item);
    out << YAML::EndSeq;
  } else if (value.is_string()) {
    out << value.get<std::string>();
  } else if (value.is_number_integer()) {
    out << value.get<long long>();
  } else if (value.is_number()) {
    out << fmt::format("{}", value.get<double>());  // the shortest text that reads back the same number
  } else if (value.is_boolean()) {
    out << value.get<bool>();
  } else {
    out << YAML::Null;
  }
}

}  // namespace

Json draft_to_json(const ModelDraft& draft) {
  Json out = {{"parley", 1}, {"name", draft.name}};
  if (!draft.description.empty()) out["description"] = draft.description;
  if (!draft.source.empty()) out["source"] = draft.source;
  if (!draft.issues.empty()) {
    Json issues = Json::array();
    for (const auto& i : draft.issues) {
      Json issue = {{"id", i.id.value}};
      if (!i.name.empty() && i.name != i.id.value) issue["name"] = i.name;
      if (i.range) issue["range"] = {i.range->low.value, i.range->high.value};
      if (i.status_quo) issue["status_quo"] = i.status_quo->value;
      issues.push_back(std::move(issue));
    }
    out["issues"] = std::move(issues);
  }
  Json parties = Json::array();
  for (const auto& p : draft.parties)
    parties.push_back(party_json(p));
  out["parties"] = std::move(parties);
  if (!draft.infeasible.empty()) out["infeasible"] = values(draft.infeasible);
  auto groups = [](const auto& list) {
    Json out_groups = Json::array();
    for (const auto& g : list)
      out_groups.push_back(values(g));
    return out_groups;
  };
  if (!draft.mutually_exclusive.empty()) out["mutually_exclusive"] = groups(draft.mutually_exclusive);
  if (!draft.at_least_one.empty()) out["at_least_one"] = groups(draft.at_least_one);
  if (draft.status_quo) out["status_quo"] = values(*draft.status_quo);
  if (!draft.coalitions.empty()) out["coalitions"] = groups(draft.coalitions);
  return out;
}

std::string draft_to_yaml(const ModelDraft& draft) {
  YAML::Emitter out;
  out.SetIndent(2);
  emit(out, draft_to_json(draft));
  return std::string(out.c_str()) + "\n";
}

std::string write_file_atomically(const std::string& path, const std::string& text, bool replace) {
  namespace fs = std::filesystem;
  // A temporary file of this process beside the target, written and synced to disk, then put in
  // place in one step: a rename (replacing) or a hard link (which fails if the target exists, so a
  // file that appeared meanwhile is never replaced).
  static std::atomic<unsigned> counter{0};
  const std::string temporary = fmt::format("{}.{}-{}.parley-tmp", path, ::getpid(), counter++);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) return fmt::format("cannot write {}: {}", temporary, std::strerror(errno));
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool ok = written == text.size() && ::fsync(fd) == 0;
  ::close(fd);
  std::error_code ec;
  if (!ok) {
    fs::remove(temporary, ec);
    return fmt::format("writing {} failed (disk full?)", path);
  }
  if (replace)
    fs::rename(temporary, path, ec);
  else
    fs::create_hard_link(temporary, path, ec);
  std::string problem = !ec                            ? std::string()
                        : ec == std::errc::file_exists ? fmt::format("{} exists; pass --force to replace it", path)
                                                       : fmt::format("cannot write {}: {}", path, ec.message());
  std::error_code ignored;
  if (!replace || ec) fs::remove(temporary, ignored);
  return problem;
}

}  // namespace parley
