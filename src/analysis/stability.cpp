// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/stability.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
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

/// Verdicts for one party under every requested concept.
class PartyStability {
 public:
  PartyStability(const Model& model, const std::vector<MoveGenerator>& moves, int party)
      : model_(model),
        moves_(moves),
        party_(party),
        utility_(model.preferences[static_cast<std::size_t>(party)].levels()) {}

  void run(const std::vector<Concept>& concepts, StabilityResult& result) {
    const std::size_t n = model_.states->size();
    // Each state's unilateral improvements, generated once and shared by the concepts.
    improvements_.assign(n, {});
    for (StateIndex s = 0; s < n; ++s)
      own_moves().for_each_move(s, [&](StateIndex t) {
        if (utility_[t] > utility_[s]) improvements_[s].push_back(t);
      });
    for (Concept c : concepts) {
      StateSet& stable = result.stable(c, party_);
      if (c == Concept::SIM) {
        // Sanctions come from the others' improvements from s itself, so they are found per state.
        for (StateIndex s = 0; s < n; ++s)
          stable[s] = std::all_of(improvements_[s].begin(), improvements_[s].end(), [&](StateIndex s1) {
            return detail::simultaneous_sanction(model_, moves_, party_, s, s1).has_value();
          });
        continue;
      }
      const std::vector<std::uint32_t> sanction = least_sanction(c);
      for (StateIndex s = 0; s < n; ++s)
        stable[s] = deterred(s, sanction);
    }
  }

 private:
  const MoveGenerator& own_moves() const { return moves_[static_cast<std::size_t>(party_)]; }

  /// For each state s1: the least value for this party the others can force from s1.
  std::vector<std::uint32_t> least_sanction(Concept c) const {
    const std::size_t n = model_.states->size();
    if (c == Concept::Nash) return std::vector<std::uint32_t>(n, detail::kUnreachable);
    detail::ForcingRules rules{party_, c == Concept::SEQ};
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

  /// Stable: every improvement from s can be answered with a state no better than s.
  bool deterred(StateIndex s, const std::vector<std::uint32_t>& sanction) const {
    return std::all_of(improvements_[s].begin(), improvements_[s].end(),
                       [&](StateIndex s1) { return sanction[s1] <= utility_[s]; });
  }

  const Model& model_;
  const std::vector<MoveGenerator>& moves_;
  int party_;
  const std::vector<std::uint32_t>& utility_;
  std::vector<std::vector<StateIndex>> improvements_;
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
  // Parties are independent: each writes only its own rows of the result, so they run in parallel.
  std::atomic<std::size_t> done{0};
  tbb::parallel_for(std::size_t{0}, parties, [&](std::size_t i) {
    if (cancel.cancelled()) return;
    if (model.parties[i].option_count == 0) {
      // A party that cannot move has no improvements: every state is stable for it.
      for (Concept c : options.concepts)
        result.stable(c, static_cast<int>(i)).flip();
    } else {
      PartyStability(model, moves, static_cast<int>(i)).run(options.concepts, result);
    }
    progress.report(++done, parties, "stability of " + model.parties[i].id);
  });
  if (cancel.cancelled()) throw Cancelled();
  return result;
}

}  // namespace parley
