// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Status quo analysis: how a conflict can evolve from a state by unilateral improvements (each
/// step a move of one party to a state it strictly prefers); which states are reachable, in how
/// few steps, and by which paths.

#include <cstddef>
#include <vector>

#include "parley/analysis/coalitions.hpp"
#include "parley/analysis/explain.hpp"
#include "parley/analysis/run_control.hpp"
#include "parley/core/model.hpp"

namespace parley {

/// One step of an evolution: a party's unilateral improvement or, when `coalition` is set, a
/// coalitional improvement (then `party` is -1 and `joint` lists the members' moves).
struct PathStep : Move {
  Coalition coalition = 0;
  std::vector<Move> joint;
};

struct ReachableState {
  StateIndex state = 0;
  int moves = 0;               ///< the fewest improvements (unilateral or coalitional) from the start
  std::vector<PathStep> path;  ///< one shortest sequence of them
};

struct PathsResult {
  StateIndex from = 0;
  /// Every state reachable from `from` (itself included), by `moves` and then state number.
  std::vector<ReachableState> reachable;
};

/// Breadth-first over unilateral improvements (and the coalitional improvements of `coalitions`,
/// each a step): linear in the number of moves without coalitions. Among shortest paths the one
/// found first is kept: earlier states, then parties in model order, then coalitions, then lower
/// targets.
PathsResult status_quo_paths(const Model& model, StateIndex from, Progress& progress, const CancelToken& cancel,
                             const std::vector<Coalition>& coalitions = {});

struct AllShortestPaths {
  int moves = -1;                            ///< -1 if `to` cannot be reached
  std::vector<std::vector<PathStep>> paths;  ///< unilateral steps by party, then coalitional; then target
  bool truncated = false;                    ///< more than `limit` paths exist
};

/// Every shortest path of unilateral improvements (and the coalitional improvements of
/// `coalitions`, each a step) from `from` to `to`, at most `limit` of them.
AllShortestPaths all_shortest_paths(const Model& model, StateIndex from, StateIndex to, std::size_t limit,
                                    const CancelToken& cancel, const std::vector<Coalition>& coalitions = {});

}  // namespace parley
