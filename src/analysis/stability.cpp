// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/stability.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <stdexcept>

#include "least_forced_value.hpp"
#include "simultaneous.hpp"

namespace parley {

StabilityResult::StabilityResult(std::vector<Concept> concepts, std::size_t parties, std::size_t states)
    : concepts_(std::move(concepts)),
      stable_(concepts_.size(), std::vector<StateSet>(parties, StateSet(states, false))) {}

bool StabilityResult::has(Concept c) const {
  return std::find(concepts_.begin(), concepts_.end(), c) != concepts_.end();
}

std::size_t StabilityResult::slot(Concept c) const {
  const auto it = std::find(concepts_.begin(), concepts_.end(), c);
  if (it == concepts_.end()) throw std::out_of_range("concept not analysed");
  return static_cast<std::size_t>(it - concepts_.begin());
}

StateSet StabilityResult::equilibria(Concept c) const {
  return equilibria(std::vector<Concept>(stable_[slot(c)].size(), c));
}

StateSet StabilityResult::equilibria(const std::vector<Concept>& by_party) const {
  if (by_party.empty()) return {};
  StateSet out(stable_[slot(by_party[0])][0].size(), true);
  for (std::size_t party = 0; party < by_party.size(); ++party) {
    const StateSet& s = stable_[slot(by_party[party])][party];
    for (std::size_t k = 0; k < out.size(); ++k)
      out[k] = out[k] && s[k];
  }
  return out;
}

namespace {

/// Verdicts for one party. Its improvements are found once; each concept is then a separate,
/// independent task.
class PartyStability {
 public:
  PartyStability(const Model& model, const std::vector<MoveGenerator>& moves, int party, const CancelToken& cancel)
      : model_(model),
        moves_(moves),
        party_(party),
        cancel_(&cancel),
        utility_(model.preferences[static_cast<std::size_t>(party)].levels()) {
    // Each state's unilateral improvements, in one flat array (offsets per state).
    const std::size_t n = model_.states->size();
    first_.reserve(n + 1);
    for (StateIndex s = 0; s < n; ++s) {
      first_.push_back(targets_.size());
      own_moves().for_each_move(s, [&](StateIndex t) {
        if (utility_[t] > utility_[s]) targets_.push_back(t);
      });
    }
    first_.push_back(targets_.size());
  }

  /// Fills `stable` (one bit per state) for concept `c`.
  void run(Concept c, StateSet& stable) const {
    const std::size_t n = model_.states->size();
    if (c == Concept::SIM) {
      // Sanctions come from the others' improvements from s itself, so they are found per state.
      for (StateIndex s = 0; s < n; ++s)
        stable[s] = all_improvements(
            s, [&](StateIndex s1) { return detail::simultaneous_sanction(model_, moves_, party_, s, s1).has_value(); });
      return;
    }
    const std::vector<std::uint32_t> sanction = least_sanction(c);
    // Stable: every improvement from s can be answered with a state no better than s.
    for (StateIndex s = 0; s < n; ++s)
      stable[s] = all_improvements(s, [&](StateIndex s1) { return sanction[s1] <= utility_[s]; });
  }

 private:
  const MoveGenerator& own_moves() const { return moves_[static_cast<std::size_t>(party_)]; }

  template <class Test>
  bool all_improvements(StateIndex s, Test&& deterred) const {
    return std::all_of(targets_.begin() + static_cast<std::ptrdiff_t>(first_[s]),
                       targets_.begin() + static_cast<std::ptrdiff_t>(first_[s + 1]), deterred);
  }

  /// For each state s1: the least value for this party the others can force from s1.
  std::vector<std::uint32_t> least_sanction(Concept c) const {
    const std::size_t n = model_.states->size();
    if (c == Concept::Nash) return std::vector<std::uint32_t>(n, detail::kUnreachable);
    const detail::ForcingRules rules{party_, c == Concept::SEQ, cancel_};
    if (c != Concept::SMR) return detail::least_forced_value(model_, moves_, rules, utility_);
    // SMR: a sanction s2 counts only if the party cannot escape it: its best reply from s2 is no
    // better than where it started. So s2 is worth the better of itself and that best reply.
    std::vector<std::uint32_t> escape(n);
    for (StateIndex s2 = 0; s2 < n; ++s2) {
      std::uint32_t best = utility_[s2];
      own_moves().for_each_move(s2, [&](StateIndex s3) { best = std::max(best, utility_[s3]); });
      escape[s2] = best;
    }
    return detail::least_forced_value(model_, moves_, rules, escape);
  }

  const Model& model_;
  const std::vector<MoveGenerator>& moves_;
  int party_;
  const CancelToken* cancel_;
  const std::vector<std::uint32_t>& utility_;
  std::vector<std::size_t> first_;  ///< improvements of state s: targets_[first_[s] .. first_[s + 1])
  std::vector<StateIndex> targets_;
};

}  // namespace

StabilityResult analyze_stability(const Model& model, const StabilityOptions& options, Progress& progress,
                                  const CancelToken& cancel) {
  if (!model.has_options()) throw std::invalid_argument("the model has no options, so no states to analyse");
  const std::size_t parties = model.parties.size();
  StabilityResult result(options.concepts, parties, model.states->size());
  std::vector<MoveGenerator> moves;
  for (std::size_t i = 0; i < parties; ++i)
    moves.emplace_back(model, static_cast<int>(i));
  // Each party's improvements, then one task per (party, concept): tasks write disjoint rows of
  // the result, and many small tasks keep both cores busy however the work is spread.
  std::vector<std::unique_ptr<PartyStability>> by_party(parties);
  tbb::parallel_for(std::size_t{0}, parties, [&](std::size_t i) {
    if (model.parties[i].option_count > 0 && !cancel.cancelled())
      by_party[i] = std::make_unique<PartyStability>(model, moves, static_cast<int>(i), cancel);
  });
  const std::size_t tasks = parties * options.concepts.size();
  std::atomic<std::size_t> done{0};
  tbb::parallel_for(std::size_t{0}, tasks, [&](std::size_t task) {
    if (cancel.cancelled()) return;
    const std::size_t i = task / options.concepts.size();
    const Concept c = options.concepts[task % options.concepts.size()];
    StateSet& stable = result.stable(c, static_cast<int>(i));
    // A party that cannot move has no improvements: every state is stable for it.
    if (!by_party[i])
      stable.flip();
    else
      by_party[i]->run(c, stable);
    progress.report(++done, tasks, "stability of " + model.parties[i].id);
  });
  if (cancel.cancelled()) throw Cancelled();
  return result;
}

}  // namespace parley
