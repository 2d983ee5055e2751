// SPDX-License-Identifier: Apache-2.0
#include "parley/io/explain_output.hpp"

#include <fmt/format.h>

#include <charconv>

namespace parley {

std::optional<StateIndex> find_state(const Model& model, const std::string& name, std::string& why) {
  if (!model.has_options()) {
    why = "the model has no options, so no states";
    return std::nullopt;
  }
  std::uint64_t number = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
  if (error == std::errc() && end == name.data() + name.size()) {
    if (number >= 1 && number <= model.states->size()) return static_cast<StateIndex>(number - 1);
    why = fmt::format("there is no state {}: states are numbered 1 to {}", name, model.states->size());
    return std::nullopt;
  }
  if (auto problem = check_pattern(name, model.option_count()); !problem.empty()) {
    why = fmt::format("'{}' is neither a state number nor a pattern: it {}", name, problem);
    return std::nullopt;
  }
  if (auto s = model.states->index_of(pattern_bits(name))) return s;
  why = fmt::format("the state {} is infeasible", name);
  return std::nullopt;
}

namespace {

std::string state_name(const Model& model, StateIndex s) {
  return fmt::format("{} ({})", s + 1, model.pattern(s));
}

/// "B moves to 3 (NYN), then C moves to 4 (NNY)"; `joiner` ", then " for a sequence, " and " for
/// moves made at the same moment.
std::string moves_text(const Model& model, const std::vector<Move>& moves, const char* joiner = ", then ") {
  std::vector<std::string> steps;
  steps.reserve(moves.size());
  for (const Move& m : moves)
    steps.push_back(
        fmt::format("{} moves to {}", model.parties[static_cast<std::size_t>(m.party)].id, state_name(model, m.to)));
  return fmt::format("{}", fmt::join(steps, joiner));
}

/// One sentence on how an improvement fares under a concept.
std::string verdict_text(const Model& model, const std::string& party, StateIndex from, Concept c,
                         const ImprovementVerdict& v) {
  const std::string start = state_name(model, from);
  if (c == Concept::Nash) return fmt::format("not stable: {} prefers {} to {}", party, state_name(model, v.to), start);
  if (v.deterred && c == Concept::SIM)
    return fmt::format(
        "deterred: if at the same time {}, the moves together lead to {}, which {} likes no better than {}",
        moves_text(model, v.sanction, " and "), state_name(model, *v.outcome), party, start);
  if (v.deterred) {
    const std::string end = state_name(model, v.sanction.back().to);
    std::string out = fmt::format("deterred: {} in answer; {} likes the result no better than {}",
                                  moves_text(model, v.sanction), party, start);
    if (c == Concept::SMR) out += fmt::format(", and cannot escape from {} to anything better", end);
    return out;
  }
  if (c == Concept::SMR && v.escape)
    return fmt::format("not deterred: after the sanction ({}), {} escapes to {}, which it prefers to {}",
                       moves_text(model, v.escaped_sanction), party, state_name(model, *v.escape), start);
  switch (c) {
    case Concept::SEQ:
      return fmt::format("not deterred: no sequence of the others' own improvements leaves {} no better off than at {}",
                         party, start);
    case Concept::SIM:
      return fmt::format("not deterred: no improvement another party could make at the same time hurts {}", party);
    default: return fmt::format("not deterred: whatever the others do, {} stays better off than at {}", party, start);
  }
}

}  // namespace

Json json_explanation(const Model& model, const Explanation& explanation) {
  Json parties = Json::object();
  for (const PartyExplanation& p : explanation.parties) {
    Json concepts = Json::object();
    for (const ConceptVerdict& cv : p.concepts) {
      Json improvements = Json::array();
      for (const ImprovementVerdict& v : cv.improvements) {
        Json item = {{"to", model.pattern(v.to)}, {"deterred", v.deterred}};
        if (cv.concept_ != Concept::Nash) item["sanction"] = v.deterred ? json_moves(model, v.sanction) : Json(nullptr);
        if (v.outcome) item["outcome"] = model.pattern(*v.outcome);
        if (v.escape) {
          item["escaped_sanction"] = json_moves(model, v.escaped_sanction);
          item["escape"] = model.pattern(*v.escape);
        }
        improvements.push_back(std::move(item));
      }
      concepts[std::string(concept_key(cv.concept_))] = {{"stable", cv.stable},
                                                         {"improvements", std::move(improvements)}};
    }
    parties[model.parties[static_cast<std::size_t>(p.party)].id] = std::move(concepts);
  }
  Json out = json_header(model);
  out["state"] = {{"id", explanation.state + 1}, {"pattern", model.pattern(explanation.state)}};
  out["parties"] = std::move(parties);
  return out;
}

std::string text_explanation(const Model& model, const Explanation& explanation) {
  const StateIndex s = explanation.state;
  std::string out = fmt::format("State {} of {}\n", state_name(model, s), model.name);
  std::vector<std::string> equilibrium, not_equilibrium;
  if (!explanation.parties.empty()) {
    for (std::size_t k = 0; k < explanation.parties[0].concepts.size(); ++k) {
      bool all = true;
      for (const auto& p : explanation.parties)
        all = all && p.concepts[k].stable;
      (all ? equilibrium : not_equilibrium).emplace_back(concept_label(explanation.parties[0].concepts[k].concept_));
    }
  }
  if (!equilibrium.empty()) out += fmt::format("  an equilibrium under {}\n", fmt::join(equilibrium, ", "));
  if (!not_equilibrium.empty()) out += fmt::format("  not an equilibrium under {}\n", fmt::join(not_equilibrium, ", "));
  for (const PartyExplanation& p : explanation.parties) {
    const std::string& party = model.parties[static_cast<std::size_t>(p.party)].id;
    out += fmt::format("\n{}\n", party);
    if (p.concepts.empty() || p.concepts[0].improvements.empty()) {
      out += "  no unilateral improvement from here: stable under every concept\n";
      continue;
    }
    for (std::size_t k = 0; k < p.concepts[0].improvements.size(); ++k) {
      out += fmt::format("  improvement to {}\n", state_name(model, p.concepts[0].improvements[k].to));
      for (const ConceptVerdict& cv : p.concepts)
        out += fmt::format("    {:<5} {}\n", concept_label(cv.concept_),
                           verdict_text(model, party, s, cv.concept_, cv.improvements[k]));
    }
    std::vector<std::string> stable;
    for (const ConceptVerdict& cv : p.concepts)
      if (cv.stable) stable.emplace_back(concept_label(cv.concept_));
    out += fmt::format("  stable for {} under: {}\n", party,
                       stable.empty() ? "none" : fmt::format("{}", fmt::join(stable, ", ")));
  }
  return out;
}

}  // namespace parley
