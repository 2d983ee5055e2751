// SPDX-License-Identifier: Apache-2.0
#include "parley/io/json_output.hpp"

#include "parley/version.hpp"

namespace parley {

Json json_header(const Model& model) {
  Json out;
  out["parley"] = kVersion;
  out["model"] = model.name;
  Json options = Json::array();
  for (int k = 0; k < model.option_count(); ++k)
    options.push_back(model.qualified_option(k));
  out["options"] = std::move(options);
  out["status_quo"] = model.status_quo ? Json(model.pattern(*model.status_quo)) : Json(nullptr);
  return out;
}

Json json_states(const Model& model) {
  Json states = Json::array();
  if (!model.states) return states;
  for (StateIndex s = 0; s < model.states->size(); ++s)
    states.push_back({{"id", s + 1}, {"pattern", model.pattern(s)}});
  return states;
}

Json json_preferences(const Model& model) {
  Json out = Json::object();
  for (std::size_t i = 0; i < model.parties.size(); ++i) {
    const Preference& p = model.preferences[i];
    if (p.levels().empty()) continue;
    Json ranking = Json::array();
    for (const auto& group : p.ranking()) {
      Json tied = Json::array();
      for (StateIndex s : group)
        tied.push_back(model.pattern(s));
      ranking.push_back(group.size() == 1 ? tied[0] : tied);
    }
    out[model.parties[i].id] = std::move(ranking);
  }
  return out;
}

Json json_moves(const Model& model, const std::vector<Move>& moves) {
  Json out = Json::array();
  for (const Move& m : moves)
    out.push_back({{"party", model.parties[static_cast<std::size_t>(m.party)].id}, {"to", model.pattern(m.to)}});
  return out;
}

Json json_spatial(const Model& model) {
  Json issues = Json::array();
  for (const Issue& issue : model.issues) {
    Json positions = Json::object();
    for (const Party& party : model.parties) {
      for (const IssueStance& s : party.stances) {
        if (model.issues[static_cast<std::size_t>(s.issue)].id != issue.id) continue;
        Json stance = {
            {"capability", party.capability.value_or(0.0)}, {"position", s.position}, {"salience", s.salience}};
        stance["red_line"] = s.red_line ? Json::array({s.red_line->low, s.red_line->high}) : Json(nullptr);
        positions[party.id] = std::move(stance);
      }
    }
    issues.push_back({{"id", issue.id},
                      {"name", issue.name},
                      {"range", {issue.range.low, issue.range.high}},
                      {"parties", std::move(positions)}});
  }
  return issues;
}

}  // namespace parley
