// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Counting and listing the states that satisfy every feasibility rule, without visiting the
/// 2^options combinations one by one: options are decided from the highest down and a branch is
/// cut as soon as the rules are decided on it (violated: nothing; all satisfied: 2^rest states).

#include <cstdint>
#include <vector>

#include "parley/core/model.hpp"

namespace parley::detail {

struct FeasibleCount {
  std::uint64_t count = 0;  ///< exact if `exact`, else a lower bound above the cap
  bool exact = true;
  bool budget_exhausted = false;  ///< the rules were too intricate to count within kNodeBudget
};

/// The most partial states the counting walk visits before giving up.
inline constexpr std::uint64_t kNodeBudget = std::uint64_t{1} << 27;

/// Counts feasible states, stopping early once the count exceeds `cap`.
FeasibleCount count_feasible_states(int option_count, const std::vector<FeasibilityRule>& rules, std::uint64_t cap);

/// The feasible states in increasing order (the caller has checked the count).
std::vector<StateBits> list_feasible_states(int option_count, const std::vector<FeasibilityRule>& rules);

/// The index of the first rule the state violates, or -1.
int first_violated_rule(StateBits state, const std::vector<FeasibilityRule>& rules);

}  // namespace parley::detail
