// SPDX-License-Identifier: Apache-2.0
#include "simultaneous.hpp"

namespace parley::detail {

std::optional<std::vector<Move>> simultaneous_sanction(const Model& model, const std::vector<MoveGenerator>& moves,
                                                       int focal, StateIndex s, StateIndex s1) {
  const auto& utility = model.preferences[static_cast<std::size_t>(focal)].levels();
  const StateBits after_focal = model.states->bits(s1);
  for (std::size_t j = 0; j < model.parties.size(); ++j) {
    if (static_cast<int>(j) == focal || model.parties[j].option_count == 0) continue;
    const auto& theirs = model.preferences[j].levels();
    const StateBits mask = model.parties[j].option_mask;
    std::optional<StateIndex> answer;
    moves[j].for_each_move(s, [&](StateIndex s2) {
      if (answer || theirs[s2] <= theirs[s]) return;  // only the opponent's own improvements
      auto combined = model.states->index_of((after_focal & ~mask) | (model.states->bits(s2) & mask));
      if (combined && utility[*combined] <= utility[s]) answer = s2;
    });
    if (answer) return std::vector<Move>{{static_cast<int>(j), *answer}};
  }
  return std::nullopt;
}

}  // namespace parley::detail
