// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/limited_move.hpp"

#include <array>
#include <stdexcept>

#include "parley/core/moves.hpp"

namespace parley {

namespace {

/// Anticipated outcomes of both parties at one horizon: outcome[i][s] = G_h(i, s).
using Outcomes = std::array<std::vector<StateIndex>, 2>;

class Lookahead {
 public:
  explicit Lookahead(const Model& model) : model_(model), moves_{MoveGenerator(model, 0), MoveGenerator(model, 1)} {}

  [[nodiscard]] Outcomes start() const {
    std::vector<StateIndex> identity(model_.states->size());
    for (StateIndex s = 0; s < identity.size(); ++s)
      identity[s] = s;
    return {identity, identity};
  }

  /// G_h from G_{h-1}: each party looks one move further, anticipating its opponent's G_{h-1}.
  [[nodiscard]] Outcomes next(const Outcomes& previous) const {
    Outcomes out;
    for (int i = 0; i < 2; ++i) {
      const auto& utility = model_.preferences[static_cast<std::size_t>(i)].levels();
      const auto& opponent = previous[static_cast<std::size_t>(1 - i)];
      auto& mine = out[static_cast<std::size_t>(i)];
      mine.resize(model_.states->size());
      for (StateIndex s = 0; s < mine.size(); ++s) {
        StateIndex best = s;
        moves_[static_cast<std::size_t>(i)].for_each_move(s, [&](StateIndex s1) {
          const StateIndex outcome = opponent[s1];
          if (utility[outcome] > utility[best] || (utility[outcome] == utility[best] && best != s && outcome < best))
            best = outcome;
        });
        mine[s] = best;
      }
    }
    return out;
  }

 private:
  const Model& model_;
  std::array<MoveGenerator, 2> moves_;
};

std::vector<StateSet> stable_at(const Outcomes& outcomes) {
  std::vector<StateSet> out(2, StateSet(outcomes[0].size()));
  for (std::size_t i = 0; i < 2; ++i)
    for (StateIndex s = 0; s < outcomes[i].size(); ++s)
      out[i][s] = outcomes[i][s] == s;
  return out;
}

}  // namespace

LimitedMoveResult analyze_limited_move(const Model& model, const LimitedMoveOptions& options, Progress& progress,
                                       const CancelToken& cancel) {
  if (model.parties.size() != 2 || !model.has_options())
    throw std::invalid_argument("limited-move stability is defined for two-party conflicts; this model has " +
                                std::to_string(model.parties.size()) + " parties");
  const Lookahead lookahead(model);
  LimitedMoveResult result;
  Outcomes current = lookahead.start();
  for (int h = 1; h <= options.max_horizon; ++h) {
    if (cancel.cancelled()) throw Cancelled();
    current = lookahead.next(current);
    result.stable.push_back(stable_at(current));
    progress.report(static_cast<std::uint64_t>(h), static_cast<std::uint64_t>(options.max_horizon), "limited move");
  }
  if (!options.nonmyopic) return result;

  // The outcomes at horizon h depend only on those at h - 1, over a finite set, so from some
  // horizon on they repeat with some period. Brent's cycle detection finds both while keeping
  // only two generations in memory; non-myopic stability is stability over one whole period.
  constexpr int kMaxSteps = 1 << 20;
  int power = 1, period = 1, steps = 0;
  Outcomes tortoise = lookahead.start();
  Outcomes hare = lookahead.next(tortoise);
  while (tortoise != hare) {
    if (cancel.cancelled()) throw Cancelled();
    if (++steps > kMaxSteps) throw std::runtime_error("limited-move outcomes did not become periodic");
    if (power == period) {
      tortoise = hare;
      power *= 2;
      period = 0;
    }
    hare = lookahead.next(hare);
    ++period;
  }
  tortoise = hare = lookahead.start();
  for (int k = 0; k < period; ++k)
    hare = lookahead.next(hare);
  int first = 0;
  while (tortoise != hare) {
    tortoise = lookahead.next(tortoise);
    hare = lookahead.next(hare);
    ++first;
  }
  // Horizon 0 is no look-ahead at all; a period that contains it is checked one period later.
  Outcomes at = tortoise;
  if (first == 0) {
    for (int k = 0; k < period; ++k)
      at = lookahead.next(at);
  }
  result.nonmyopic.assign(2, StateSet(model.states->size(), true));
  for (int k = 0; k < period; ++k) {
    const auto stable = stable_at(at);
    for (std::size_t i = 0; i < 2; ++i)
      for (StateIndex s = 0; s < stable[i].size(); ++s)
        result.nonmyopic[i][s] = result.nonmyopic[i][s] && stable[i][s];
    at = lookahead.next(at);
  }
  result.periodic_from = first;
  result.period = period;
  return result;
}

}  // namespace parley
