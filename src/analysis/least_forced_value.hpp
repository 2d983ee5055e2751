// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The question all basic concepts reduce to: from a state s1, what is the least value (for the
/// focal party) of any state the other parties can reach by a legal sequence of their moves, in
/// which no party moves twice in a row (a party may move again later)?

#include <cstdint>
#include <limits>
#include <vector>

#include "parley/analysis/run_control.hpp"
#include "parley/core/model.hpp"
#include "parley/core/moves.hpp"

namespace parley::detail {

/// "No state reachable": larger than any value.
inline constexpr std::uint32_t kUnreachable = std::numeric_limits<std::uint32_t>::max();

struct ForcingRules {
  int focal = 0;                        ///< the party whose improvements are being sanctioned
  bool improving_only = false;          ///< each move must be a unilateral improvement for its mover (SEQ)
  const CancelToken* cancel = nullptr;  ///< checked now and then; throws Cancelled when set
};

/// For every state s1: min over s2 in R_{N-focal}(s1) of value[s2], or kUnreachable.
/// (With improving_only, over R+_{N-focal}(s1).) Runs in time linear in the number of moves
/// (after sorting the states by value) over the graph of (state, last mover) pairs.
std::vector<std::uint32_t> least_forced_value(const Model& model, const std::vector<MoveGenerator>& moves,
                                              const ForcingRules& rules, const std::vector<std::uint32_t>& value);

}  // namespace parley::detail
