// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The conditions under which a target state is stable for one varied party, written over the
/// states that party ranks above the target (its "above set" A). Shared by counting
/// (inverse.cpp) and minimising (least_change.cpp).
///
/// Every concept says the same for each move t -> s of the party: either s is not in A (not an
/// improvement), or some sanction s' the others can reach from s is "safe": s' is not in A and,
/// under SMR only, neither is any state the party can escape to from s'. The target itself is never
/// in A (a party is indifferent between the target and itself).

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include "parley/core/model.hpp"

namespace parley::detail {

struct Sanction {
  StateIndex state = 0;
  /// Under SMR: the states the party can move to from `state`, which must not be in A either.
  std::vector<StateIndex> escapes;
};

struct MoveCondition {
  StateIndex improvement = 0;
  std::vector<Sanction> sanctions;
};

struct PartyConditions {
  int party = 0;
  std::vector<MoveCondition> moves;
  /// States that must not be in A for the sanction or escape to hold, other than the target.
  [[nodiscard]] std::vector<StateIndex> relevant_states(StateIndex target) const;
};

/// A set of states ranked above the target (one flag per state) and the Kendall distance of the
/// closest ranking with it from today's preference.
struct AboveSet {
  std::vector<bool> above;
  std::uint64_t distance = 0;
};

/// Least changes of one party's preference (least_change.cpp): stabilising by an exact branch and
/// bound, destabilising under SMR with Z3 as weighted MaxSAT. Each returns the above set and its
/// Kendall distance from `preference`, or nullopt if no optimum was proved within the time limit.
/// `above` has one flag per state.
class LeastChangeSolver {
 public:
  LeastChangeSolver();
  ~LeastChangeSolver();
  LeastChangeSolver(const LeastChangeSolver&) = delete;
  LeastChangeSolver& operator=(const LeastChangeSolver&) = delete;
  /// The closest above set that satisfies every condition (one always exists: the target first).
  /// `by_maxsat`: with Z3 instead, the former method, kept to cross-check the search.
  std::optional<AboveSet> stabilize(const PartyConditions& conditions, const Preference& preference, StateIndex target,
                                    std::size_t state_count, std::chrono::milliseconds time_limit,
                                    bool by_maxsat = false);
  /// The closest above set that breaks some condition; nullopt also if the party has no move.
  std::optional<AboveSet> destabilize(const PartyConditions& conditions, const Preference& preference,
                                      StateIndex target, std::size_t state_count, std::chrono::milliseconds time_limit);

 private:
  std::optional<AboveSet> search(const PartyConditions& conditions, const Preference& preference, StateIndex target,
                                 std::size_t state_count, std::chrono::milliseconds time_limit, bool stable,
                                 bool by_maxsat);
  struct Context;  // Z3's, made once: creating one costs milliseconds, more than most problems
  std::unique_ptr<Context> z3_;
};

/// The strict ranking (best first) that puts `above` over the target and the rest under it,
/// keeping today's order inside each group, ties by state number.
std::vector<StateIndex> ranking_from_above_set(const std::vector<bool>& above, const Preference& preference,
                                               StateIndex target);

}  // namespace parley::detail
