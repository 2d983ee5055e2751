// SPDX-License-Identifier: Apache-2.0
#pragma once
/// A model in the brute-force references' form (tests/support/reference_*.hpp).

#include "parley/core/model.hpp"
#include "support/reference_stability.hpp"

namespace parley::testing {

/// The reference's view of a model: moves enumerated pairwise from the definition of a
/// unilateral move (only the mover's options change, each option in its allowed direction).
inline reference::Conflict to_reference(const Model& model) {
  reference::Conflict c;
  const auto n = static_cast<int>(model.states->size());
  c.state_count = n;
  for (std::size_t i = 0; i < model.parties.size(); ++i) {
    const StateBits mask = model.parties[i].option_mask;
    std::vector<std::vector<int>> moves(static_cast<std::size_t>(n));
    for (int s = 0; s < n; ++s) {
      for (int t = 0; t < n; ++t) {
        const StateBits from = model.states->bits(static_cast<StateIndex>(s));
        const StateBits to = model.states->bits(static_cast<StateIndex>(t));
        if (s == t || ((from ^ to) & ~mask) != 0) continue;
        bool legal = true;
        for (int k = 0; k < model.option_count(); ++k) {
          const bool was = (from >> k) & 1U, is = (to >> k) & 1U;
          const Direction d = model.options[static_cast<std::size_t>(k)].direction;
          if ((was && !is && d == Direction::TakeOnly) || (!was && is && d == Direction::WithdrawOnly)) legal = false;
        }
        if (legal) moves[static_cast<std::size_t>(s)].push_back(t);
      }
    }
    c.moves.push_back(std::move(moves));
    const auto& levels = model.preferences[i].levels();
    c.payoff.emplace_back(levels.begin(), levels.end());
    c.party_mask.push_back(mask);
  }
  for (int s = 0; s < n; ++s)
    c.bits.push_back(model.states->bits(static_cast<StateIndex>(s)));
  return c;
}

}  // namespace parley::testing
