// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Inverse stability analysis: which preferences of some parties (the "varied" ones) would make a
/// chosen target state an equilibrium, the others' preferences held fixed; how many strict
/// rankings do, and which ranking is closest to what each varied party prefers today.
///
/// Under Nash, GMR, SMR and SEQ whether the target is stable for a varied party depends only on
/// which states that party ranks above the target. The conditions therefore become constraints on
/// an "above the target" set, which are counted exactly (inclusion-exclusion over the party's own
/// moves, or enumeration of the few states that matter) and minimised exactly with Z3. See
/// docs/inverse.md for the derivations.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/analysis/concepts.hpp"
#include "parley/analysis/run_control.hpp"
#include "parley/core/model.hpp"

namespace parley {

struct InverseOptions {
  StateIndex target = 0;
  std::vector<int> vary;  ///< party indices, each at most once
  std::vector<Concept> concepts = basic_concepts();
  /// Per varied party and concept, how long the exact least-change search may take.
  std::chrono::milliseconds least_change_time_limit{20000};
  /// Find the least change as weighted MaxSAT with Z3 (the former method) instead of the exact
  /// branch and bound: for cross-checks and benchmarks; both are exact.
  bool least_change_by_maxsat = false;
};

/// One way a varied party's improvement from the target is held back: the party must rank the
/// target above `improvement`, or above one of `sanctions` (states the others can force in reply).
struct InverseCondition {
  int party = 0;
  StateIndex improvement = 0;
  std::vector<StateIndex> sanctions;  ///< in state order; empty under Nash
};

/// The strict rankings closest to today's preferences that make the target an equilibrium.
struct LeastChange {
  /// Pairs of states whose strict order today is reversed, summed over the varied parties.
  std::uint64_t distance = 0;
  /// Per varied party (in InverseOptions::vary order): every state, most preferred first.
  std::vector<std::vector<StateIndex>> rankings;
};

struct ConceptInverse {
  Concept solution = Concept::Nash;
  /// The fraction of all combinations of strict rankings that make the target an equilibrium;
  /// nullopt where the count is out of reach (see count_note).
  std::optional<double> share;
  /// The exact number of such combinations, where it fits in 64 bits.
  std::optional<std::uint64_t> count;
  std::string count_note;  ///< why the count or share is missing, if it is
  /// Whether least_change was computed; if so, nullopt in it means no ranking does it (only when a
  /// fixed party is unstable at the target: a varied party can always rank the target first).
  bool least_change_computed = false;
  std::optional<LeastChange> least_change;
  std::string least_change_note;  ///< why it is missing or impossible
  /// The conditions in words' raw form: each improvement of a varied party and what deters it.
  std::vector<InverseCondition> conditions;
  /// Parties whose preferences are fixed and which are not stable at the target under this
  /// concept whatever the varied parties prefer: then no ranking works.
  std::vector<int> unstable_fixed_parties;
};

struct InverseResult {
  StateIndex target = 0;
  std::vector<int> vary;
  std::optional<std::uint64_t> rankings_considered;  ///< (state count)! per varied party, if it fits
  std::vector<ConceptInverse> concepts;
};

/// Throws std::invalid_argument for a model without options, an empty or repeated `vary`, or a
/// concept other than Nash, GMR, SMR, SEQ.
InverseResult analyze_inverse(const Model& model, const InverseOptions& options, const CancelToken& cancel);

/// How close an equilibrium is to breaking: the smallest change of one party's own preference
/// (Kendall distance) after which that party is no longer stable at the state.
struct StabilityMargin {
  StateIndex state = 0;
  /// nullopt when no party's own preference can break it (no party can move away) or when the
  /// search did not finish (see note).
  std::optional<std::uint64_t> distance;
  int party = -1;                   ///< whose change is smallest (the first such party)
  std::vector<StateIndex> ranking;  ///< that party's new ranking, most preferred first
  std::string note;
};

/// The margin of each of `states` under concept c (Nash, GMR, SMR or SEQ). Exact for Nash, GMR and
/// SMR, where a party's stability depends on its own preference only; under SEQ a change of a
/// sanctioning party's preference can also break a state, so the SEQ margin is an upper bound.
std::vector<StabilityMargin> stability_margins(const Model& model, Concept c, const std::vector<StateIndex>& states,
                                               const CancelToken& cancel,
                                               std::chrono::milliseconds time_limit = std::chrono::seconds(20));

/// Kendall distance from a preference to a strict ranking (best first): the pairs ordered strictly
/// by the preference and the other way round by the ranking. Pairs tied in the preference never count.
std::uint64_t kendall_distance(const Preference& preference, const std::vector<StateIndex>& ranking);
/// The same between two preferences: pairs of states ordered strictly by `before` and strictly the
/// other way by `after`. Ties on either side never count.
std::uint64_t kendall_distance(const Preference& before, const Preference& after);

}  // namespace parley
