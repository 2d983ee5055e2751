// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/stability.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

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

/// Verdicts for one party. Its improvements come from its blocks of moves, or, if some of its
/// options go one way only, from a list found once; each concept is then a separate, independent
/// task. What GMR and SMR share when the other parties' moves are symmetric, the components of
/// the graph of their moves, is also found once.
class PartyStability {
 public:
  PartyStability(const Model& model, const detail::PartyMoves& moves, int party, const std::vector<Concept>& concepts,
                 const CancelToken& cancel, const std::function<void()>& step)
      : model_(model),
        moves_(moves),
        party_(party),
        cancel_(&cancel),
        utility_(model.preferences[static_cast<std::size_t>(party)].levels()),
        blocks_(moves.blocks(static_cast<std::size_t>(party))) {
    auto wanted = [&](Concept c) { return std::find(concepts.begin(), concepts.end(), c) != concepts.end(); };
    const bool components = (wanted(Concept::GMR) || wanted(Concept::SMR)) && detail::symmetric_opponents(moves, party);
    if (wanted(Concept::SEQ) || (!components && (wanted(Concept::GMR) || wanted(Concept::SMR))))
      by_utility_ = detail::order_by_value(utility_);
    if (components)
      component_ = detail::opponent_components(moves, {party, false, cancel_, step});
    else
      for (std::size_t k = 0; k < detail::kProgressSteps; ++k)
        step();
    if (blocks_ != nullptr) return;
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

  /// Fills `stable` (one bit per state) for concept `c`; calls `step` kProgressSteps times.
  void run(Concept c, StateSet& stable, const std::function<void()>& step) const {
    const std::size_t n = model_.states->size();
    if (c == Concept::SIM) {
      // Sanctions come from the others' improvements from s itself, so they are found per state.
      for (StateIndex s = 0; s < n; ++s) {
        if ((s & 0xFFF) == 0 && cancel_->cancelled()) throw Cancelled();
        stable[s] = all_improvements(s, [&](StateIndex s1) {
          return detail::simultaneous_sanction(model_, moves_.generators(), party_, s, s1).has_value();
        });
      }
    } else if (c == Concept::Nash) {
      for (StateIndex s = 0; s < n; ++s)
        stable[s] = all_improvements(s, [](StateIndex) { return false; });
    } else {
      const std::vector<std::uint32_t> sanction = least_sanction(c, step);
      // Stable: every improvement from s can be answered with a state no better than s.
      for (StateIndex s = 0; s < n; ++s)
        stable[s] = all_improvements(s, [&](StateIndex s1) { return sanction[s1] <= utility_[s]; });
      return;
    }
    for (std::size_t k = 0; k < detail::kProgressSteps; ++k)
      step();
  }

 private:
  const MoveGenerator& own_moves() const { return moves_.generator(static_cast<std::size_t>(party_)); }
  std::uint32_t own_block(StateIndex s) const { return moves_.row(s)[party_]; }

  template <class Test>
  bool all_improvements(StateIndex s, Test&& deterred) const {
    if (blocks_ != nullptr) return blocks_->all_above(own_block(s), utility_[s], deterred);
    return std::all_of(targets_.begin() + static_cast<std::ptrdiff_t>(first_[s]),
                       targets_.begin() + static_cast<std::ptrdiff_t>(first_[s + 1]), deterred);
  }

  /// SMR: a sanction s2 counts only if the party cannot escape it: its best reply from s2 is no
  /// better than where it started. So s2 is worth the better of itself and that best reply.
  std::vector<std::uint32_t> escape() const {
    const std::size_t n = model_.states->size();
    std::vector<std::uint32_t> out(n);
    for (StateIndex s2 = 0; s2 < n; ++s2) {
      if (blocks_ != nullptr) {
        out[s2] = blocks_->best_level(own_block(s2));
        continue;
      }
      std::uint32_t best = utility_[s2];
      own_moves().for_each_move(s2, [&](StateIndex s3) { best = std::max(best, utility_[s3]); });
      out[s2] = best;
    }
    return out;
  }

  /// For each state s1 (an improvement, when asked): the least value for this party the others
  /// can force from s1, or s1's own value if that is less.
  std::vector<std::uint32_t> least_sanction(Concept c, const std::function<void()>& step) const {
    if (c != Concept::SEQ && !component_.empty()) {
      std::vector<std::uint32_t> least =
          detail::least_in_component(component_, c == Concept::GMR ? utility_ : escape());
      for (std::size_t k = 0; k < detail::kProgressSteps; ++k)
        step();
      return least;
    }
    const detail::ForcingRules rules{party_, c == Concept::SEQ, cancel_, step};
    if (c != Concept::SMR) return detail::least_forced_value(moves_, rules, utility_, by_utility_);
    const std::vector<std::uint32_t> value = escape();
    return detail::least_forced_value(moves_, rules, value, detail::order_by_value(value));
  }

  const Model& model_;
  const detail::PartyMoves& moves_;
  int party_;
  const CancelToken* cancel_;
  const std::vector<std::uint32_t>& utility_;
  const detail::MoveBlocks* blocks_;    ///< the party's moves as blocks, or null (one-way options)
  std::vector<StateIndex> by_utility_;  ///< states in increasing order of the party's level
  std::vector<StateIndex> component_;   ///< for GMR and SMR when the others' moves are symmetric
  std::vector<std::size_t> first_;      ///< without blocks: improvements of s are targets_[first_[s] .. first_[s + 1])
  std::vector<StateIndex> targets_;
};

}  // namespace

StabilityResult analyze_stability(const Model& model, const StabilityOptions& options, Progress& progress,
                                  const CancelToken& cancel) {
  if (!model.has_options()) throw std::invalid_argument("the model has no options, so no states to analyse");
  const std::size_t parties = model.parties.size();
  StabilityResult result(options.concepts, parties, model.states->size());
  const std::size_t tasks = parties * options.concepts.size();
  // Progress: kProgressSteps per party to prepare, then per (party, concept) task.
  const std::uint64_t total = (parties + tasks) * detail::kProgressSteps;
  std::atomic<std::uint64_t> done{0};
  progress.report(0, total, "moves of every party");
  std::vector<MoveGenerator> generators;
  for (std::size_t i = 0; i < parties; ++i)
    generators.emplace_back(model, static_cast<int>(i));
  // Each party's moves as blocks where its options go both ways, then what each party's concepts
  // share, then one task per (party, concept): tasks write disjoint rows of the result, and many
  // small tasks keep both cores busy however the work is spread.
  detail::PartyMoves moves(model, generators);
  tbb::parallel_for(std::size_t{0}, parties, [&](std::size_t i) {
    if (!cancel.cancelled()) moves.build(i);
  });
  std::vector<std::unique_ptr<PartyStability>> by_party(parties);
  tbb::parallel_for(std::size_t{0}, parties, [&](std::size_t i) {
    const std::string stage = fmt::format("moves of the parties other than {}", model.parties[i].id);
    auto step = [&] { progress.report(++done, total, stage); };
    if (model.parties[i].option_count > 0 && !cancel.cancelled())
      by_party[i] = std::make_unique<PartyStability>(model, moves, static_cast<int>(i), options.concepts, cancel, step);
    else
      done += detail::kProgressSteps;
  });
  tbb::parallel_for(std::size_t{0}, tasks, [&](std::size_t task) {
    if (cancel.cancelled()) return;
    const std::size_t i = task / options.concepts.size();
    const Concept c = options.concepts[task % options.concepts.size()];
    const std::string stage = fmt::format("stability of {} ({})", model.parties[i].id, concept_label(c));
    auto step = [&] { progress.report(++done, total, stage); };
    StateSet& stable = result.stable(c, static_cast<int>(i));
    // A party that cannot move has no improvements: every state is stable for it.
    if (!by_party[i]) {
      stable.flip();
      for (std::size_t k = 0; k < detail::kProgressSteps; ++k)
        step();
    } else {
      by_party[i]->run(c, stable, step);
    }
  });
  if (cancel.cancelled()) throw Cancelled();
  return result;
}

}  // namespace parley
