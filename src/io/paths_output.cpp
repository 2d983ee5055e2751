// SPDX-License-Identifier: Apache-2.0
#include "parley/io/paths_output.hpp"

#include <fmt/format.h>

#include <map>

namespace parley {

namespace {

Json json_path(const Model& model, const std::vector<PathStep>& steps) {
  Json out = Json::array();
  for (const PathStep& step : steps) {
    if (step.coalition == 0) {
      out.push_back(
          {{"party", model.parties[static_cast<std::size_t>(step.party)].id}, {"to", model.pattern(step.to)}});
      continue;
    }
    Json members = Json::array();
    for (std::size_t i = 0; i < model.parties.size(); ++i)
      if ((step.coalition >> i) & 1U) members.push_back(model.parties[i].id);
    out.push_back(
        {{"coalition", std::move(members)}, {"to", model.pattern(step.to)}, {"moves", json_moves(model, step.joint)}});
  }
  return out;
}

/// Who made a step: "LG", or "MoE+UR" for a coalition.
std::string mover_id(const Model& model, const PathStep& step) {
  return step.coalition == 0 ? model.parties[static_cast<std::size_t>(step.party)].id
                             : coalition_name(model, step.coalition);
}

/// Who made a step, e.g. "LG moves" or "MoE+UR move together".
std::string mover_text(const Model& model, const PathStep& step) {
  return mover_id(model, step) + (step.coalition == 0 ? " moves" : " move together");
}

std::string equilibrium_note(const StabilityResult& stability, StateIndex s) {
  std::vector<std::string> under;
  for (Concept c : stability.concepts())
    if (stability.equilibria(c)[s]) under.emplace_back(concept_label(c));
  return under.empty() ? "" : fmt::format("  [equilibrium: {}]", fmt::join(under, ", "));
}

}  // namespace

Json json_paths(const Model& model, const PathsResult& paths) {
  Json reachable = Json::array();
  for (const ReachableState& r : paths.reachable)
    reachable.push_back({{"pattern", model.pattern(r.state)}, {"moves", r.moves}, {"path", json_path(model, r.path)}});
  return {{"from", model.pattern(paths.from)}, {"reachable", std::move(reachable)}};
}

Json json_shortest_paths(const Model& model, StateIndex to, const AllShortestPaths& paths) {
  Json list = Json::array();
  for (const auto& p : paths.paths)
    list.push_back(json_path(model, p));
  return {{"pattern", model.pattern(to)},
          {"moves", paths.moves < 0 ? Json(nullptr) : Json(paths.moves)},
          {"paths", std::move(list)},
          {"truncated", paths.truncated}};
}

std::string text_paths(const Model& model, const PathsResult& paths, const StabilityResult& stability,
                       std::size_t max_lines) {
  // The first-found shortest paths form a tree rooted at the start.
  std::map<StateIndex, std::vector<const ReachableState*>> children;
  for (const ReachableState& r : paths.reachable)
    if (!r.path.empty()) children[r.path.size() == 1 ? paths.from : r.path[r.path.size() - 2].to].push_back(&r);
  std::string out = fmt::format("{} {} (start){}\n", paths.from + 1, model.pattern(paths.from),
                                equilibrium_note(stability, paths.from));
  std::size_t lines = 1;
  auto draw = [&](auto& self, StateIndex at, const std::string& indent) -> void {
    const auto it = children.find(at);
    if (it == children.end()) return;
    for (std::size_t k = 0; k < it->second.size(); ++k) {
      if (++lines > max_lines) return;
      const ReachableState& r = *it->second[k];
      const bool last = k + 1 == it->second.size();
      out += fmt::format("{}{} {} to {} {}{}\n", indent, last ? "└─" : "├─", mover_text(model, r.path.back()),
                         r.state + 1, model.pattern(r.state), equilibrium_note(stability, r.state));
      self(self, r.state, indent + (last ? "   " : "│  "));
    }
  };
  draw(draw, paths.from, "");
  if (lines > max_lines)
    out += fmt::format("... {} states reachable in all; use --json for every one of them\n", paths.reachable.size());
  out += fmt::format("{} state{} reachable (the start included)\n", paths.reachable.size(),
                     paths.reachable.size() == 1 ? "" : "s");
  return out;
}

std::string text_shortest_paths(const Model& model, StateIndex from, StateIndex to, const AllShortestPaths& paths,
                                bool with_coalitions) {
  if (paths.moves < 0)
    return fmt::format("{} {} cannot be reached from {} {} by {}\n", to + 1, model.pattern(to), from + 1,
                       model.pattern(from),
                       with_coalitions ? "unilateral or coalitional improvements" : "unilateral improvements");
  std::string out = fmt::format("Shortest paths from {} {} to {} {}: {} move{}\n", from + 1, model.pattern(from),
                                to + 1, model.pattern(to), paths.moves, paths.moves == 1 ? "" : "s");
  for (const auto& p : paths.paths) {
    std::string line = fmt::format("  {}", from + 1);
    for (const PathStep& step : p)
      line += fmt::format(" -({})-> {}", mover_id(model, step), step.to + 1);
    out += line + "\n";
  }
  if (paths.truncated) out += "  ... more paths not listed\n";
  return out;
}

}  // namespace parley
