// SPDX-License-Identifier: Apache-2.0
#include "parley/io/stability_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "parley/io/text_output.hpp"

namespace parley {

Json json_state_list(const Model& model, const StateSet& set) {
  Json out = Json::array();
  for (StateIndex s = 0; s < set.size(); ++s)
    if (set[s]) out.push_back(model.pattern(s));
  return out;
}

Json json_stability(const Model& model, const StabilityResult& result) {
  Json out = Json::object();
  for (Concept c : result.concepts()) {
    Json by_party = Json::object();
    for (std::size_t i = 0; i < model.parties.size(); ++i)
      by_party[model.parties[i].id] = json_state_list(model, result.stable(c, static_cast<int>(i)));
    out[std::string(concept_key(c))] = std::move(by_party);
  }
  return out;
}

Json json_equilibria(const Model& model, const StabilityResult& result) {
  Json out = Json::object();
  for (Concept c : result.concepts())
    out[std::string(concept_key(c))] = json_state_list(model, result.equilibria(c));
  return out;
}

namespace {
StateSet stable_for_both(const std::vector<StateSet>& by_party) {
  StateSet out = by_party[0];
  for (std::size_t s = 0; s < out.size(); ++s)
    out[s] = by_party[0][s] && by_party[1][s];
  return out;
}

std::string numbered(const Model& model, const StateSet& set) {
  std::vector<std::string> listed;
  for (StateIndex s = 0; s < set.size(); ++s)
    if (set[s]) listed.push_back(fmt::format("{} {}", s + 1, model.pattern(s)));
  return listed.empty() ? "none" : fmt::format("{}", fmt::join(listed, ", "));
}
}  // namespace

Json json_per_party_equilibria(const Model& model, const StabilityResult& result,
                               const std::vector<Concept>& by_party) {
  Json concepts = Json::object();
  for (std::size_t i = 0; i < by_party.size(); ++i)
    concepts[model.parties[i].id] = std::string(concept_key(by_party[i]));
  return {{"concepts", std::move(concepts)}, {"states", json_state_list(model, result.equilibria(by_party))}};
}

std::string text_per_party_equilibria(const Model& model, const StabilityResult& result,
                                      const std::vector<Concept>& by_party) {
  std::vector<std::string> who;
  for (std::size_t i = 0; i < by_party.size(); ++i)
    who.push_back(fmt::format("{} {}", model.parties[i].id, concept_label(by_party[i])));
  return fmt::format("  each party under its own concept ({}): {}\n", fmt::join(who, ", "),
                     numbered(model, result.equilibria(by_party)));
}

namespace {
std::string lower(std::string_view label) {
  std::string key(label);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return key;
}

/// "MoE+UR together; LG alone".
std::string structure_text(const Model& model, const std::vector<Coalition>& blocks) {
  std::vector<std::string> parts;
  Coalition grouped = 0;
  for (Coalition h : blocks) {
    parts.push_back(coalition_name(model, h) + " together");
    grouped |= h;
  }
  std::vector<std::string> alone;
  for (std::size_t i = 0; i < model.parties.size(); ++i)
    if (i >= 32 || ((grouped >> i) & 1U) == 0) alone.push_back(model.parties[i].id);
  if (!alone.empty()) parts.push_back(fmt::format("{} alone", fmt::join(alone, ", ")));
  return fmt::format("{}", fmt::join(parts, "; "));
}

StateSet coalition_equilibria(const StabilityResult& result, const CoalitionStability& coalitions, std::size_t k) {
  StateSet out = result.equilibria(individual_concept(coalitions.concepts[k]));
  for (const StateSet& stable : coalitions.stable[k])
    for (std::size_t s = 0; s < out.size(); ++s)
      out[s] = out[s] && stable[s];
  return out;
}

std::string joint_move_text(const Model& model, const JointMove& jm) {
  std::vector<std::string> steps;
  for (const Move& m : jm.steps)
    steps.push_back(fmt::format("{} moves to {} {}", model.parties[static_cast<std::size_t>(m.party)].id, m.to + 1,
                                model.pattern(m.to)));
  return fmt::format("{}", fmt::join(steps, ", then "));
}
}  // namespace

Json json_coalition_stability(const Model& model, const CoalitionStability& coalitions) {
  Json out = Json::object();
  for (std::size_t k = 0; k < coalitions.concepts.size(); ++k) {
    Json by_coalition = Json::object();
    for (std::size_t h = 0; h < coalitions.coalitions.size(); ++h)
      by_coalition[coalition_name(model, coalitions.coalitions[h])] = json_state_list(model, coalitions.stable[k][h]);
    out[lower(coalition_concept_label(coalitions.concepts[k]))] = std::move(by_coalition);
  }
  return out;
}

Json json_coalition_equilibria(const Model& model, const StabilityResult& result,
                               const CoalitionStability& coalitions) {
  Json out = Json::object();
  for (std::size_t k = 0; k < coalitions.concepts.size(); ++k) {
    out[lower(coalition_concept_label(coalitions.concepts[k]))] =
        json_state_list(model, coalition_equilibria(result, coalitions, k));
  }
  return out;
}

Json json_coalition_effects(const Model& model, const CoalitionReport& report) {
  Json out = Json::object();
  for (std::size_t k = 0; k < report.effects.size(); ++k) {
    Json by_coalition = Json::object();
    for (const CoalitionEffect& effect : report.effects[k]) {
      Json destroyed = Json::array();
      for (const auto& [s, moves] : effect.destroyed) {
        Json by = Json::array();
        for (const JointMove& jm : moves)
          by.push_back({{"to", model.pattern(jm.to)}, {"moves", json_moves(model, jm.steps)}});
        destroyed.push_back({{"state", model.pattern(s)}, {"by", std::move(by)}});
      }
      Json created = Json::array();
      for (const CreatedEquilibrium& c : effect.created)
        created.push_back({{"state", model.pattern(c.state)},
                           {"member", model.parties[static_cast<std::size_t>(c.member)].id},
                           {"forgone", model.pattern(c.forgone)}});
      by_coalition[coalition_name(model, effect.coalition)] = {{"destroyed", std::move(destroyed)},
                                                               {"created", std::move(created)}};
    }
    out[lower(coalition_concept_label(report.stability.concepts[k]))] = std::move(by_coalition);
  }
  return out;
}

Json json_coalition_structure(const Model& model, const CoalitionReport& report) {
  Json blocks = Json::array();
  for (Coalition h : report.blocks) {
    Json members = Json::array();
    for (std::size_t i = 0; i < model.parties.size() && i < 32; ++i)
      if ((h >> i) & 1U) members.push_back(model.parties[i].id);
    blocks.push_back(std::move(members));
  }
  Json equilibria = Json::object();
  for (std::size_t k = 0; k < report.structure.size(); ++k)
    equilibria[lower(coalition_concept_label(report.stability.concepts[k]))] =
        json_state_list(model, report.structure[k]);
  return {{"coalitions", std::move(blocks)}, {"equilibria", std::move(equilibria)}};
}

std::string text_coalition_report(const Model& model, const StabilityResult& result, const CoalitionReport& report) {
  const CoalitionStability& coalitions = report.stability;
  std::vector<std::string> names;
  for (Coalition h : coalitions.coalitions)
    names.push_back(coalition_name(model, h));
  std::string out = fmt::format("\nCoalitions acting together: {}\n", fmt::join(names, ", "));
  for (std::size_t k = 0; k < coalitions.concepts.size(); ++k) {
    const CoalitionConcept c = coalitions.concepts[k];
    out += fmt::format("  {:<6} equilibria: {}\n", coalition_concept_label(c),
                       numbered(model, coalition_equilibria(result, coalitions, k)));
    for (std::size_t h = 0; h < coalitions.coalitions.size(); ++h) {
      const CoalitionEffect& effect = report.effects[k][h];
      for (const auto& [s, moves] : effect.destroyed)
        out +=
            fmt::format("         {} {} is no longer stable if {} act together: {} (each of them prefers {})\n", s + 1,
                        model.pattern(s), names[h], joint_move_text(model, moves.front()), moves.front().to + 1);
      for (const CreatedEquilibrium& created : effect.created)
        out += fmt::format(
            "         {} {} becomes stable if {} act together: {} alone would move to {} {}, a move the coalition "
            "does not make\n",
            created.state + 1, model.pattern(created.state), names[h],
            model.parties[static_cast<std::size_t>(created.member)].id, created.forgone + 1,
            model.pattern(created.forgone));
    }
  }
  if (!report.structure.empty()) {
    out += fmt::format("\nThe model's coalition structure ({})\n", structure_text(model, report.blocks));
    for (std::size_t k = 0; k < report.structure.size(); ++k)
      out += fmt::format("  {:<6} equilibria: {}\n", coalition_concept_label(coalitions.concepts[k]),
                         numbered(model, report.structure[k]));
  }
  return out;
}

Json json_limited_move(const Model& model, const LimitedMoveResult& result) {
  Json out = Json::object();
  for (std::size_t h = 0; h < result.stable.size(); ++h)
    out["L" + std::to_string(h + 1)] = json_state_list(model, stable_for_both(result.stable[h]));
  if (!result.nonmyopic.empty()) out["nonmyopic"] = json_state_list(model, stable_for_both(result.nonmyopic));
  return out;
}

std::string text_limited_move(const Model& model, const LimitedMoveResult& result) {
  std::string out = "Limited-move stability (equilibria; each party looks h moves ahead)\n";
  auto line = [&](const std::string& label, const std::vector<StateSet>& by_party) {
    out += fmt::format("  {:<10} {}\n", label, numbered(model, stable_for_both(by_party)));
    for (std::size_t i = 0; i < 2; ++i)
      out += fmt::format("  {:<10}   stable for {}: {}\n", "", model.parties[i].id, numbered(model, by_party[i]));
  };
  for (std::size_t h = 0; h < result.stable.size(); ++h)
    line("L" + std::to_string(h + 1), result.stable[h]);
  if (!result.nonmyopic.empty()) line("non-myopic", result.nonmyopic);
  return out;
}

std::string text_stability(const Model& model, const StabilityResult& result, std::size_t max_columns) {
  std::vector<TableRow> rows;
  for (Concept c : result.concepts()) {
    const std::string label(concept_label(c));
    for (std::size_t i = 0; i < model.parties.size(); ++i) {
      const StateSet* stable = &result.stable(c, static_cast<int>(i));
      rows.push_back({fmt::format("{:<5}{}", i == 0 ? label : "", model.parties[i].id),
                      [stable](StateIndex s) { return (*stable)[s] ? '+' : '-'; }, i == 0});
    }
    auto equilibria = std::make_shared<StateSet>(result.equilibria(c));
    rows.push_back({"     equilibrium", [equilibria](StateIndex s) { return (*equilibria)[s] ? 'E' : ' '; }});
  }
  std::string out = text_state_table(model, rows, max_columns);
  out += "(+ stable for the party, - not stable, E equilibrium)\n\nEquilibria\n";
  for (Concept c : result.concepts()) {
    const StateSet equilibria = result.equilibria(c);
    std::vector<std::string> listed;
    for (StateIndex s = 0; s < equilibria.size(); ++s)
      if (equilibria[s]) listed.push_back(fmt::format("{} {}", s + 1, model.pattern(s)));
    out += fmt::format("  {:<5} {}\n", concept_label(c),
                       listed.empty() ? "none" : fmt::format("{}", fmt::join(listed, ", ")));
  }
  return out;
}

}  // namespace parley
