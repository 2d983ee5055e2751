// SPDX-License-Identifier: Apache-2.0
/// The contract's model format read with yaml-cpp (which reads JSON too) into a ModelDraft.
/// Every key and type is checked here; meaning (references, states) is checked by build_model.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "parley/io/gmcr_reader.hpp"
#include "parley/io/model_reader.hpp"
#include "spatial_csv_reader.hpp"
#include "text_checks.hpp"

namespace parley {

namespace {

using Keys = std::vector<std::string>;

const Keys kTopKeys = {"parley",       "name",       "description", "source",
                       "parties",      "issues",     "infeasible",  "mutually_exclusive",
                       "at_least_one", "status_quo", "coalitions"};
const Keys kPartyKeys = {"id",      "name",       "description", "options",  "priorities", "ranking",
                         "payoffs", "capability", "positions",   "salience", "red_lines",  "uncertainty"};
const Keys kUncertaintyKeys = {"capability", "positions", "salience", "red_line_low", "red_line_high"};
const Keys kAnyOrderKeys = {"any_order"};
const Keys kPriorityItemKeys = {"any_order", "maybe"};
const Keys kOptionKeys = {"id", "name", "description", "direction"};
const Keys kIssueKeys = {"id", "name", "description", "range", "status_quo"};

/// Reads one document; counts the values it visits so that aliases cannot make it explode.
class DraftReader {
 public:
  DraftReader(std::string_view text, Diagnostics& diagnostics)
      : max_values_(text.size() + 10'000), text_(text), text_columns_(text), diagnostics_(diagnostics) {}

  ModelDraft read(const YAML::Node& root, const std::string& default_name) {
    ModelDraft draft;
    draft.name = default_name;
    if (!root.IsMap()) {
      error(root, "the file is not a model: its top level is not a mapping of keys",
            "a model starts with `parley: 1` followed by `name:`, `parties:` ...");
      return draft;
    }
    check_keys(root, &kTopKeys, "the model");
    read_version(root);
    if (auto n = root["name"]) draft.name = string(n, "name").value;
    if (auto n = root["description"]) draft.description = string(n, "description").value;
    if (auto n = root["source"]) draft.source = string(n, "source").value;
    draft.parties_where = where(root);
    if (auto n = root["parties"]) {
      draft.parties_where = where(n);
      for_each_item(n, "parties", [&](const YAML::Node& p) { draft.parties.push_back(party(p)); });
    } else {
      error(root, "missing key `parties`", "add `parties:`, the list of parties with their options and preferences");
    }
    if (auto n = root["issues"])
      for_each_item(n, "issues", [&](const YAML::Node& i) { draft.issues.push_back(issue(i)); });
    if (auto n = root["infeasible"]) draft.infeasible = strings(n, "infeasible");
    if (auto n = root["mutually_exclusive"]) draft.mutually_exclusive = groups(n, "mutually_exclusive");
    if (auto n = root["at_least_one"]) draft.at_least_one = groups(n, "at_least_one");
    if (auto n = root["status_quo"]) {
      draft.status_quo_where = where(n);
      draft.status_quo = strings(n, "status_quo");
    }
    if (auto n = root["coalitions"]) draft.coalitions = groups(n, "coalitions", false);
    return draft;
  }

 private:
  /// Values visited at most: one per character of the file and some to spare. A file without
  /// aliases never comes near it; one whose aliases multiply its values is stopped early.
  std::size_t max_values_ = 0;

  SourceLocation where(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return {};
    // yaml-cpp counts columns in bytes; report characters, as an editor shows them.
    SourceLocation at = text_columns_.at(static_cast<std::size_t>(mark.pos));
    // Point inside quotes, so that columns of expression tokens line up with the text.
    const std::size_t pos = static_cast<std::size_t>(mark.pos);
    if (node.IsScalar() && pos < text_.size() && (text_[pos] == '"' || text_[pos] == '\'')) at.column += 1;
    return at;
  }

  void error(const YAML::Node& node, std::string message, std::string help = {}) {
    diagnostics_.error(where(node), std::move(message), std::move(help));
  }

  bool budget() {
    if (++visited_ <= max_values_) return true;
    if (!exhausted_)
      diagnostics_.error({1, 1}, fmt::format("the file expands to more than {} values", max_values_),
                         "remove repeated aliases (*name); a model never needs that many values");
    exhausted_ = true;
    return false;
  }

  static std::string kind_name(const YAML::Node& node) {
    if (node.IsMap()) return "a mapping";
    if (node.IsSequence()) return "a list";
    if (node.IsNull()) return "nothing";
    return "'" + node.Scalar() + "'";
  }

  /// Unknown and duplicate keys of a mapping; `x-` keys are the users' own and ignored.
  /// Without `allowed`, every key is data and only duplicates are errors.
  void check_keys(const YAML::Node& map, const Keys* allowed, const std::string& owner) {
    std::map<std::string, SourceLocation> seen;
    for (const auto& entry : map) {
      if (!budget()) return;
      if (!entry.first.IsScalar()) {
        error(entry.first, fmt::format("a key of {} is not a plain name", owner), "write keys as plain words");
        continue;
      }
      const std::string key = entry.first.Scalar();
      auto [it, inserted] = seen.emplace(key, where(entry.first));
      if (!inserted) {
        error(entry.first, fmt::format("duplicate key '{}' in {}", key, owner),
              fmt::format("it is already given at line {}; keep one", it->second.line));
        continue;
      }
      if (!allowed || key.rfind("x-", 0) == 0 || std::find(allowed->begin(), allowed->end(), key) != allowed->end())
        continue;
      const std::string guess = closest_match(key, *allowed);
      error(entry.first, fmt::format("unknown key '{}' in {}", key, owner),
            guess.empty() ? fmt::format("allowed keys: {} (prefix your own notes with 'x-')", fmt::join(*allowed, ", "))
                          : fmt::format("did you mean '{}'? (prefix your own notes with 'x-')", guess));
    }
  }

  void read_version(const YAML::Node& root) {
    const YAML::Node v = root["parley"];
    if (!v) {
      error(root, "missing key `parley`, the format version", "add `parley: 1` as the first line");
      return;
    }
    if (!v.IsScalar() || v.Scalar() != "1")
      error(v, fmt::format("unsupported format version {}", kind_name(v)),
            "this parley reads format version 1: `parley: 1`");
  }

  Located<std::string> string(const YAML::Node& node, const std::string& field) {
    if (!node.IsScalar()) {
      error(node, fmt::format("`{}` should be text, not {}", field, kind_name(node)),
            "write it as a plain or quoted string");
      return {{}, where(node)};
    }
    return {node.Scalar(), where(node)};
  }

  /// The number, or nullopt after reporting that it is none (callers then leave the value out,
  /// so that one mistake is reported once and not again as an out-of-range zero).
  std::optional<Located<double>> number(const YAML::Node& node, const std::string& field) {
    double value = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value)) {
      error(node, fmt::format("`{}` should be a number, not {}", field, kind_name(node)),
            "write a number such as 0.5 or 25");
      return std::nullopt;
    }
    return Located<double>{value, where(node)};
  }

  template <class Visit>
  void for_each_item(const YAML::Node& node, const std::string& field, Visit&& visit) {
    if (!node.IsSequence()) {
      error(node, fmt::format("`{}` should be a list, not {}", field, kind_name(node)),
            fmt::format("write `{}:` followed by items on lines starting with '- ', or [a, b]", field));
      return;
    }
    for (const auto& item : node) {
      if (!budget()) return;
      visit(item);
    }
  }

  template <class Visit>
  void for_each_entry(const YAML::Node& node, const std::string& field, Visit&& visit) {
    if (!node.IsMap()) {
      error(node, fmt::format("`{}` should be a mapping, not {}", field, kind_name(node)),
            fmt::format("write `{}: {{key: value, ...}}`", field));
      return;
    }
    check_keys(node, nullptr, "`" + field + "`");
    for (const auto& entry : node) {
      if (!budget()) return;
      if (entry.first.IsScalar() && entry.first.Scalar().rfind("x-", 0) == 0) continue;  // the user's note
      visit(entry.first, entry.second);
    }
  }

  std::vector<Located<std::string>> strings(const YAML::Node& node, const std::string& field) {
    std::vector<Located<std::string>> out;
    for_each_item(node, field, [&](const YAML::Node& item) { out.push_back(string(item, field + " item")); });
    return out;
  }

  /// A list of lists of names; a group of fewer than two options is reported here unless
  /// `options` is false (the builder checks the groups of parties, which may come from elsewhere).
  std::vector<std::vector<Located<std::string>>> groups(const YAML::Node& node, const std::string& field,
                                                        bool options = true) {
    std::vector<std::vector<Located<std::string>>> out;
    for_each_item(node, field, [&](const YAML::Node& group) {
      auto names = strings(group, field + " group");
      if (!group.IsSequence()) return;  // reported by strings()
      out.push_back(std::move(names));
      if (options && group.size() < 2)
        error(group, fmt::format("{} group with fewer than two options", field),
              "list two or more options in each group");
    });
    return out;
  }

  LocatedMap<double> numbers_by_key(const YAML::Node& node, const std::string& field) {
    LocatedMap<double> out;
    for_each_entry(node, field, [&](const YAML::Node& key, const YAML::Node& value) {
      auto name = string(key, field + " key");
      if (auto n = number(value, field)) out.emplace_back(std::move(name), *n);
    });
    return out;
  }

  /// `uncertainty: {capability: [lo, hi], positions: {issue: [lo, hi]}, salience: {issue: [lo, hi]},
  /// red_line_low: {issue: [lo, hi]}, red_line_high: {issue: [lo, hi]}}`
  void uncertainty(const YAML::Node& node, PartyDraft& p) {
    if (!node.IsMap()) {
      error(node, fmt::format("`uncertainty` should be a mapping, not {}", kind_name(node)),
            "write e.g. `uncertainty: {capability: [0.8, 1.2], positions: {territory: [40, 60]}}`");
      return;
    }
    check_keys(node, &kUncertaintyKeys, "uncertainty");
    if (auto n = node["capability"])
      if (auto i = interval(n, "uncertainty.capability")) p.capability_range = Located<IntervalDraft>{*i, where(n)};
    const auto ranges = [&](const char* key, LocatedMap<IntervalDraft>& out) {
      if (auto n = node[key])
        for_each_entry(n, fmt::format("uncertainty.{}", key), [&](const YAML::Node& k, const YAML::Node& value) {
          auto name = string(k, fmt::format("uncertainty.{} key", key));
          if (auto i = interval(value, fmt::format("uncertainty.{}", key)))
            out.emplace_back(std::move(name), Located<IntervalDraft>{*i, where(value)});
        });
    };
    ranges("positions", p.position_ranges);
    ranges("salience", p.salience_ranges);
    ranges("red_line_low", p.red_line_low_ranges);
    ranges("red_line_high", p.red_line_high_ranges);
  }

  std::optional<IntervalDraft> interval(const YAML::Node& node, const std::string& field) {
    if (!node.IsSequence() || node.size() != 2) {
      error(node, fmt::format("`{}` should be an interval [low, high], not {}", field, kind_name(node)),
            "write two numbers in brackets, e.g. [0, 100]");
      return std::nullopt;
    }
    auto low = number(node[0], field);
    auto high = number(node[1], field);
    if (!low || !high) return std::nullopt;
    return IntervalDraft{*low, *high};
  }

  OptionDraft option(const YAML::Node& node) {
    OptionDraft o;
    if (node.IsScalar()) {  // shorthand: a bare id
      o.id = string(node, "option");
      return o;
    }
    if (!node.IsMap()) {
      error(node, fmt::format("an option should be a mapping with an id, not {}", kind_name(node)),
            "write `- {id: ceasefire, name: ..., direction: both}`");
      return o;
    }
    check_keys(node, &kOptionKeys, "an option");
    o.id = node["id"] ? string(node["id"], "id") : Located<std::string>{{}, where(node)};
    if (auto n = node["name"]) o.name = string(n, "name").value;
    if (auto n = node["direction"]) o.direction = string(n, "direction");
    return o;
  }

  /// The list of `{any_order: [...]}` (keys checked), or nothing after reporting what is wrong.
  std::optional<YAML::Node> any_order_list(const YAML::Node& map, const std::string& field) {
    const std::size_t before = diagnostics_.size();
    check_keys(map, field == "ranking" ? &kAnyOrderKeys : &kPriorityItemKeys, fmt::format("a {} item", field));
    const YAML::Node list = map["any_order"];
    if (!list) {
      if (diagnostics_.size() == before)
        error(map,
              fmt::format("a mapping in `{}` should be `{{any_order: [...]}}`{}", field,
                          field == "ranking" ? "" : " or `{maybe: STATEMENT}`"),
              fmt::format("list in `any_order` the {} whose order is unknown",
                          field == "ranking" ? "states" : "statements"));
      return std::nullopt;
    }
    if (!list.IsSequence()) {
      error(list, fmt::format("`any_order` should be a list, not {}", kind_name(list)),
            "write `{any_order: [A, B]}`: these take consecutive places in an unknown order");
      return std::nullopt;
    }
    if (list.size() == 0) {
      error(list, fmt::format("empty any_order group in {}", field),
            "list the two or more items whose order is unknown, or remove the group");
      return std::nullopt;
    }
    return list;
  }

  /// A ranking; `{any_order: [patterns]}` items become one level per state, recorded as a run.
  RankingDraft ranking(const YAML::Node& node, PartyDraft& p) {
    RankingDraft out;
    for_each_item(node, "ranking", [&](const YAML::Node& level) {
      if (level.IsSequence()) {
        out.push_back(strings(level, "ranking tie"));
      } else if (level.IsMap()) {
        const auto list = any_order_list(level, "ranking");
        if (!list) return;
        AnyOrderDraft run{out.size(), 0, where(*list)};
        for_each_item(*list, "any_order", [&](const YAML::Node& item) {
          if (item.IsSequence())
            error(item, "a tie inside an any_order group",
                  "list single states in `any_order`: they take distinct places in an unknown order");
          else if (auto pattern = string(item, "any_order item"); item.IsScalar())
            out.push_back({pattern});
        });
        run.count = out.size() - run.first;
        p.ranking_any_order.push_back(run);
      } else {
        out.push_back({string(level, "ranking item")});
      }
    });
    return out;
  }

  /// One statement of `priorities`, plain or `{maybe: STATEMENT}`, appended to `out`; inside an
  /// any_order group another group is refused.
  void priority(const YAML::Node& item, std::vector<Located<std::string>>& out, PartyDraft& p, bool in_group) {
    if (!item.IsMap()) {
      out.push_back(string(item, "priorities item"));
      return;
    }
    if (item["maybe"] && item["any_order"]) {
      error(item, "a priorities item with both `any_order` and `maybe`",
            "write `{maybe: STATEMENT}` inside the list of `{any_order: [...]}`");
      return;
    }
    if (item["maybe"]) {
      check_keys(item, &kPriorityItemKeys, "a priorities item");
      const auto statement = string(item["maybe"], "maybe");
      if (!item["maybe"].IsScalar()) return;  // reported; no statement to parse
      p.priorities_maybe.push_back({out.size(), where(item)});
      out.push_back(statement);
      return;
    }
    if (in_group) {
      const std::size_t before = diagnostics_.size();
      check_keys(item, &kPriorityItemKeys, "a priorities item");
      if (item["any_order"])
        error(item, "an any_order group inside another",
              "merge the two groups into one, or write them one after the other");
      else if (diagnostics_.size() == before)
        error(item, "a mapping inside an any_order group should be `{maybe: STATEMENT}`",
              "write the statement itself, or `{maybe: STATEMENT}` if the party may not hold it");
      return;
    }
    const auto list = any_order_list(item, "priorities");
    if (!list) return;
    AnyOrderDraft run{out.size(), 0, where(*list)};
    for_each_item(*list, "any_order", [&](const YAML::Node& statement) { priority(statement, out, p, true); });
    run.count = out.size() - run.first;
    p.priorities_any_order.push_back(run);
  }

  PartyDraft party(const YAML::Node& node) {
    PartyDraft p;
    if (!node.IsMap()) {
      error(node, fmt::format("a party should be a mapping, not {}", kind_name(node)),
            "write `- id: UKR` followed by the party's options and preference");
      return p;
    }
    check_keys(node, &kPartyKeys, "a party");
    p.id = node["id"] ? string(node["id"], "id") : Located<std::string>{{}, where(node)};
    const std::string owner = "party '" + p.id.value + "'";
    if (auto n = node["name"]) p.name = string(n, "name").value;
    if (auto n = node["options"]) {
      p.options_where = where(n);
      for_each_item(n, "options", [&](const YAML::Node& o) { p.options.push_back(option(o)); });
    }
    if (auto n = node["priorities"]) {
      p.priorities_where = where(n);
      p.priorities.emplace();
      for_each_item(n, "priorities", [&](const YAML::Node& item) { priority(item, *p.priorities, p, false); });
      if (n.IsSequence() && n.size() == 0)
        error(n, "empty priorities", "list at least one statement, most important first, e.g. `- not escalate`");
    }
    if (auto n = node["ranking"]) {
      p.ranking_where = where(n);
      p.ranking = ranking(n, p);
    }
    if (auto n = node["payoffs"]) {
      p.payoffs_where = where(n);
      p.payoffs = numbers_by_key(n, "payoffs");
    }
    if (auto n = node["capability"]) p.capability = number(n, "capability");  // nullopt if invalid
    if (auto n = node["positions"]) p.positions = numbers_by_key(n, "positions");
    if (auto n = node["salience"]) p.salience = numbers_by_key(n, "salience");
    if (auto n = node["uncertainty"]) uncertainty(n, p);
    if (auto n = node["red_lines"]) {
      for_each_entry(n, "red_lines", [&](const YAML::Node& key, const YAML::Node& value) {
        auto name = string(key, "red_lines key");
        if (auto i = interval(value, "red_lines"))
          p.red_lines.emplace_back(std::move(name), Located<IntervalDraft>{*i, where(value)});
      });
    }
    return p;
  }

  IssueDraft issue(const YAML::Node& node) {
    IssueDraft i;
    i.where = where(node);
    if (!node.IsMap()) {
      error(node, fmt::format("an issue should be a mapping, not {}", kind_name(node)),
            "write `- {id: territory, name: ..., range: [0, 100]}`");
      return i;
    }
    check_keys(node, &kIssueKeys, "an issue");
    i.id = node["id"] ? string(node["id"], "id") : Located<std::string>{{}, where(node)};
    if (auto n = node["name"]) i.name = string(n, "name").value;
    if (auto n = node["range"]) {
      i.range = interval(n, "range");
      i.range_given = true;
    }
    if (auto n = node["status_quo"]) i.status_quo = number(n, "status_quo");
    return i;
  }

  std::string_view text_;
  detail::LineIndex text_columns_;
  Diagnostics& diagnostics_;
  std::size_t visited_ = 0;
  bool exhausted_ = false;
};

/// Files above the limit are refused before anything reads them.
bool file_size_ok(std::size_t size, const ReadOptions& options, Diagnostics& diagnostics) {
  if (size <= options.max_file_bytes) return true;
  diagnostics.error({1, 1},
                    fmt::format("the file has {} bytes, more than the limit of {}", size, options.max_file_bytes),
                    "a model file is text of a few kilobytes; check that this is the right file");
  return false;
}

std::string file_stem(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  if (auto dot = name.find('.'); dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

}  // namespace

ModelDraft parse_model_text(std::string_view text, const std::string& default_name, Diagnostics& diagnostics,
                            const ReadOptions& options) {
  if (!file_size_ok(text.size(), options, diagnostics)) return {};
  if (!detail::check_text(text, diagnostics)) return {};
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    const SourceLocation at =
        e.mark.is_null() ? SourceLocation{1, 1} : SourceLocation{e.mark.line + 1, e.mark.column + 1};
    diagnostics.error(at, fmt::format("not valid YAML or JSON: {}", e.msg),
                      "fix the syntax at this place (indentation, brackets, quotes, ':' after keys)");
    return {};
  }
  DraftReader reader(text, diagnostics);
  return reader.read(root, default_name);
}

ReadResult read_model_text(std::string_view text, const std::string& default_name, const ReadOptions& options) {
  ReadResult result;
  if (looks_like_gmcr(text)) {
    // A GMCR+ save file: its reader leaves an incomplete draft after any error, so stop there.
    if (!file_size_ok(text.size(), options, result.diagnostics)) return result;
    result.draft = parse_gmcr_text(text, default_name, result.diagnostics);
    if (result.diagnostics.empty()) result.model = build_model(result.draft, options.build, result.diagnostics);
    if (!result.diagnostics.empty()) result.model = nullptr;
    return result;
  }
  if (detail::looks_like_spatial_csv(text)) {
    if (!file_size_ok(text.size(), options, result.diagnostics)) return result;
    result.draft = detail::parse_spatial_csv(text, default_name, result.diagnostics);
    if (result.diagnostics.empty()) result.model = build_model(result.draft, options.build, result.diagnostics);
    if (!result.diagnostics.empty()) result.model = nullptr;
    return result;
  }
  result.draft = parse_model_text(text, default_name, result.diagnostics, options);
  if (!result.diagnostics.empty() && result.draft.parties.empty()) return result;
  // Structural errors do not stop validation: every error of the file is reported at once.
  auto model = build_model(result.draft, options.build, result.diagnostics);
  if (result.diagnostics.empty()) result.model = std::move(model);
  return result;
}

ReadResult read_model_file(const std::string& path, const ReadOptions& options) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    ReadResult result;
    result.diagnostics.error({}, "this is a directory, not a model file",
                             "give the path of a .yaml, .json, .gmcr or .csv file");
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ReadResult result;
    result.diagnostics.error({}, "cannot open the file", "check the path and that the file is readable");
    return result;
  }
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0));
  if (ReadResult result; !file_size_ok(size, options, result.diagnostics)) return result;
  in.seekg(0);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return read_model_text(buffer.str(), file_stem(path), options);
}

}  // namespace parley
