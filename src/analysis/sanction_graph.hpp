// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The moves that may sanction a party's improvement: legal sequences of the other parties' moves
/// in which no party moves twice in a row, as a graph over (state, last mover) pairs whose edges
/// are generated from the bits on demand.

#include "least_forced_value.hpp"

namespace parley::detail {

/// The graph of (state, last mover) pairs, walked forwards: node = state * parties + last mover.
class SanctionGraph {
 public:
  SanctionGraph(const Model& model, const std::vector<MoveGenerator>& moves, const ForcingRules& rules)
      : model_(model), moves_(moves), rules_(rules), parties_(static_cast<int>(model.parties.size())) {}

  [[nodiscard]] std::size_t node(StateIndex state, int mover) const {
    return static_cast<std::size_t>(state) * static_cast<std::size_t>(parties_) + static_cast<std::size_t>(mover);
  }

  /// Calls visit(target state) for every move of `mover` from `from` that the rules allow.
  template <class Visit>
  void for_each_move(StateIndex from, int mover, Visit&& visit) const {
    moves_[static_cast<std::size_t>(mover)].for_each_move(from, [&](StateIndex to) {
      if (rules_.improving_only && !model_.preferences[static_cast<std::size_t>(mover)].prefers(to, from)) return;
      visit(to);
    });
  }

  /// Calls visit(target state, mover) for every first move of a sanction from `start`.
  template <class Visit>
  void for_each_first_move(StateIndex start, Visit&& visit) const {
    for (int mover = 0; mover < parties_; ++mover) {
      if (mover == rules_.focal) continue;
      for_each_move(start, mover, [&](StateIndex to) { visit(to, mover); });
    }
  }

  [[nodiscard]] int parties() const { return parties_; }
  [[nodiscard]] int focal() const { return rules_.focal; }

 private:
  const Model& model_;
  const std::vector<MoveGenerator>& moves_;
  ForcingRules rules_;
  int parties_;
};

}  // namespace parley::detail
