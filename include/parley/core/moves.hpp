// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Unilateral moves, generated from the bits rather than stored: a party changes some of its own
/// options (respecting each option's direction) and lands on another feasible state.

#include <cstdint>

#include "parley/core/model.hpp"

namespace parley {

class MoveGenerator {
 public:
  MoveGenerator(const Model& model, int party);

  /// Calls `visit(source)` for every feasible state from which the party can move to `to`.
  template <class Visit>
  void for_each_move_into(StateIndex to, Visit&& visit) const {
    const StateBits t = states_->bits(to);
    for (StateBits flip = mask_; flip != 0; flip = (flip - 1) & mask_) {
      // The source has the flipped bits the other way round: a take-only option it took was N there.
      if ((flip & ~t & take_only_) != 0) continue;
      if ((flip & t & withdraw_only_) != 0) continue;
      if (auto from = states_->index_of(t ^ flip)) visit(*from);
    }
  }

  /// Calls `visit(target)` for every feasible state the party can move to from `from`.
  template <class Visit>
  void for_each_move(StateIndex from, Visit&& visit) const {
    const StateBits s = states_->bits(from);
    // Enumerate the non-empty subsets of the party's option bits: each is a set of flips.
    for (StateBits flip = mask_; flip != 0; flip = (flip - 1) & mask_) {
      if ((flip & s & take_only_) != 0) continue;       // would withdraw a take-only option
      if ((flip & ~s & withdraw_only_) != 0) continue;  // would take a withdraw-only option
      if (auto to = states_->index_of(s ^ flip)) visit(*to);
    }
  }

 private:
  const StateSpace* states_;
  StateBits mask_ = 0;
  StateBits take_only_ = 0;
  StateBits withdraw_only_ = 0;
};

}  // namespace parley
