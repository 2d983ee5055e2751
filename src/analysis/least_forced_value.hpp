// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The question all basic concepts reduce to: from a state s1, what is the least value (for the
/// focal party) of any state the other parties can reach by a legal sequence of their moves, in
/// which no party moves twice in a row (a party may move again later)?

#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "move_blocks.hpp"
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
  /// Called kProgressSteps times over a search (any thread), for progress reports.
  std::function<void()> progress_step = {};
};

/// How many times a search calls ForcingRules::progress_step.
inline constexpr std::size_t kProgressSteps = 64;

/// The states in increasing order of value, ties in state order (a counting sort: values are levels).
std::vector<StateIndex> order_by_value(const std::vector<std::uint32_t>& value);

/// For every state s1: min over s2 in {s1} + R_{N-focal}(s1) of value[s2] (with improving_only,
/// over {s1} + R+_{N-focal}(s1)). s1 itself is included because it changes no verdict: s1 is an
/// improvement, worth more to the focal party than the state it left (see the .cpp for why the
/// rest is plain reachability). `by_value` is order_by_value(value). Linear in the number of
/// states times parties, plus the moves of parties with one-way options.
std::vector<std::uint32_t> least_forced_value(const PartyMoves& moves, const ForcingRules& rules,
                                              const std::vector<std::uint32_t>& value,
                                              const std::vector<StateIndex>& by_value);

/// True if every party but `focal` has symmetric moves (blocks): then the others' moves form an
/// undirected graph, and {s1} + R_{N-focal}(s1) is s1's connected component in it.
bool symmetric_opponents(const PartyMoves& moves, int focal);

/// With symmetric_opponents: for every state, the smallest state of its component (the same for
/// every state of one component). One search settles every state once.
std::vector<StateIndex> opponent_components(const PartyMoves& moves, const ForcingRules& rules);

/// For every state: the least `value` in its component (`component` from opponent_components).
std::vector<std::uint32_t> least_in_component(const std::vector<StateIndex>& component,
                                              const std::vector<std::uint32_t>& value);

}  // namespace parley::detail
