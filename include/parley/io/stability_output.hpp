// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Stability results as the contract's JSON and as tables for a terminal.

#include <string>

#include "parley/analysis/coalitions.hpp"
#include "parley/analysis/limited_move.hpp"
#include "parley/analysis/stability.hpp"
#include "parley/io/json_output.hpp"

namespace parley {

/// Patterns of the states in `set`, in state-number order.
Json json_state_list(const Model& model, const StateSet& set);
/// `stability`: {concept: {party: [patterns]}}.
Json json_stability(const Model& model, const StabilityResult& result);
/// `equilibria`: {concept: [patterns]}.
Json json_equilibria(const Model& model, const StabilityResult& result);

/// `equilibria_per_party`: {"concepts": {party: concept}, "states": [patterns]}.
Json json_per_party_equilibria(const Model& model, const StabilityResult& result, const std::vector<Concept>& by_party);
std::string text_per_party_equilibria(const Model& model, const StabilityResult& result,
                                      const std::vector<Concept>& by_party);

/// `coalition_stability`: {"cnash": {"A+B": [patterns]}}, and `coalition_equilibria`: {"cnash":
/// [states stable for every party under Nash and for every analysed coalition under CNash]}.
Json json_coalition_stability(const Model& model, const CoalitionStability& coalitions);
Json json_coalition_equilibria(const Model& model, const StabilityResult& result, const CoalitionStability& coalitions);
/// `coalition_effects`: {"cnash": {"A+B": {"destroyed": [{"state", "by": [{"to", "moves"}]}],
/// "created": [{"state", "member", "forgone"}]}}}: what each coalition acting as one does to the
/// equilibria (docs/coalitions.md, "The coalition report").
Json json_coalition_effects(const Model& model, const CoalitionReport& report);
/// `coalition_structure`: {"coalitions": [[ids]], "equilibria": {"cnash": [patterns]}} for the
/// coalition structure analysed (the model's declared coalitions).
Json json_coalition_structure(const Model& model, const CoalitionReport& report);
/// Equilibria with the coalitions, the individual equilibria each coalition unsettles (with the
/// joint move) and those it creates, and the equilibria of the model's coalition structure.
std::string text_coalition_report(const Model& model, const StabilityResult& result, const CoalitionReport& report);

/// `limited_move`: {"L1": [equilibria], ..., "nonmyopic": [equilibria]}, as the catalog lists them.
Json json_limited_move(const Model& model, const LimitedMoveResult& result);
/// The same as lines of text, with each party's own stable states.
std::string text_limited_move(const Model& model, const LimitedMoveResult& result);

/// The tabular form with, per concept, a row per party (+ stable, - not) and the equilibria (E),
/// then the equilibria of each concept listed by number and pattern.
std::string text_stability(const Model& model, const StabilityResult& result, std::size_t max_columns = 64);

}  // namespace parley
