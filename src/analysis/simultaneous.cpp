// SPDX-License-Identifier: Apache-2.0
#include "simultaneous.hpp"

namespace parley::detail {

namespace {

/// Tries, party by party, every choice (stay, or one of its improvements from s) for the others.
struct SimultaneousSearch {
  const Model& model;
  int focal;
  StateIndex s;
  std::vector<std::vector<StateIndex>> improvements;  ///< per party, from s; empty for the focal party
  std::vector<Move> chosen;
  std::size_t most_movers = 1;

  bool choose(std::size_t party, StateBits combined) {
    if (party == improvements.size()) {
      if (chosen.empty()) return false;
      const auto at = model.states->index_of(combined);
      const auto& utility = model.preferences[static_cast<std::size_t>(focal)].levels();
      return at && utility[*at] <= utility[s];
    }
    if (choose(party + 1, combined)) return true;  // this party stays put
    if (chosen.size() == most_movers) return false;
    const StateBits mask = model.parties[party].option_mask;
    for (StateIndex target : improvements[party]) {
      chosen.push_back({static_cast<int>(party), target});
      if (choose(party + 1, (combined & ~mask) | (model.states->bits(target) & mask))) return true;
      chosen.pop_back();
    }
    return false;
  }
};

}  // namespace

std::optional<std::vector<Move>> simultaneous_sanction(const Model& model, const std::vector<MoveGenerator>& moves,
                                                       int focal, StateIndex s, StateIndex s1) {
  SimultaneousSearch search{model, focal, s, std::vector<std::vector<StateIndex>>(model.parties.size()), {}};
  for (std::size_t j = 0; j < model.parties.size(); ++j) {
    if (static_cast<int>(j) == focal || model.parties[j].option_count == 0) continue;
    const auto& utility = model.preferences[j].levels();
    moves[j].for_each_move(s, [&](StateIndex t) {
      if (utility[t] > utility[s]) search.improvements[j].push_back(t);
    });
  }
  // Fewest movers first, so that an explanation names the smallest simultaneous answer.
  for (search.most_movers = 1; search.most_movers < model.parties.size(); ++search.most_movers)
    if (search.choose(0, model.states->bits(s1))) return search.chosen;
  return std::nullopt;
}

std::optional<StateIndex> simultaneous_outcome(const Model& model, StateIndex s1, const std::vector<Move>& answer) {
  StateBits combined = model.states->bits(s1);
  for (const Move& m : answer) {
    const StateBits mask = model.parties[static_cast<std::size_t>(m.party)].option_mask;
    combined = (combined & ~mask) | (model.states->bits(m.to) & mask);
  }
  return model.states->index_of(combined);
}

}  // namespace parley::detail
