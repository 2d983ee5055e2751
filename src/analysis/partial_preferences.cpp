// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/partial_preferences.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <random>
#include <stdexcept>

namespace parley {

namespace {

/// Samples drawn at once before they are merged: bounds the memory of the preferences in flight.
constexpr std::size_t kSampleChunk = 4096;

/// The distinct preferences of one party's completions, each with how many completions (or
/// samples) give it: the stability analysis runs once per distinct preference.
struct Variants {
  std::vector<Preference> preferences;
  std::vector<std::uint64_t> weight;
  std::uint64_t total = 0;
  std::map<std::vector<std::uint32_t>, std::size_t> index;

  std::size_t add(Preference preference) {
    ++total;
    auto [it, fresh] = index.emplace(preference.levels(), preferences.size());
    if (fresh) {
      preferences.push_back(std::move(preference));
      weight.push_back(0);
    }
    ++weight[it->second];
    return it->second;
  }
};

const PreferenceUncertainty& uncertainty_of(const Model& model, int party) {
  return *model.parties[static_cast<std::size_t>(party)].preference_uncertainty;
}

Variants enumerate(const PreferenceUncertainty& u, std::uint64_t count, const CancelToken& cancel) {
  Variants out;
  for (std::uint64_t k = 0; k < count; ++k) {
    if (k % 1024 == 0 && cancel.cancelled()) throw Cancelled();
    out.add(u.preference(u.completion(k)));
  }
  return out;
}

/// Sampled combinations of completions: picks[k][u] is the variant of uncertain party u in sample k.
struct Samples {
  std::vector<Variants> by_party;
  std::vector<std::vector<std::size_t>> picks;
};

/// A uniform completion: each run in a uniformly random order, each maybe statement held or not
/// with even odds.
Preference draw(const PreferenceUncertainty& u, std::mt19937_64& random) {
  PreferenceUncertainty::Completion c = u.stated();
  for (auto& order : c.orders)
    std::shuffle(order.begin(), order.end(), random);
  for (std::size_t m = 0; m < c.held.size(); ++m)
    c.held[m] = (random() & 1U) != 0;
  return u.preference(c);
}

Samples draw_samples(const Model& model, const std::vector<UncertainParty>& uncertain, const PartialOptions& options,
                     const CancelToken& cancel) {
  const auto count = static_cast<std::size_t>(options.samples);
  Samples out;
  out.by_party.resize(uncertain.size());
  out.picks.resize(count);
  for (std::size_t start = 0; start < count; start += kSampleChunk) {
    const std::size_t end = std::min(count, start + kSampleChunk);
    std::vector<std::vector<Preference>> drawn(end - start);
    tbb::parallel_for(start, end, [&](std::size_t k) {
      if (cancel.cancelled()) return;
      // Sample k's own stream: the same samples whatever the number of threads. Two words of the
      // seed sequence seed the engine (filling its whole state from seed_seq costs more than a sample).
      std::seed_seq seeds{static_cast<std::uint32_t>(options.seed), static_cast<std::uint32_t>(options.seed >> 32),
                          static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k >> 32)};
      std::array<std::uint32_t, 2> words{};
      seeds.generate(words.begin(), words.end());
      std::mt19937_64 random((std::uint64_t{words[0]} << 32) | words[1]);
      for (const UncertainParty& party : uncertain)
        drawn[k - start].push_back(draw(uncertainty_of(model, party.party), random));
    });
    if (cancel.cancelled()) throw Cancelled();
    for (std::size_t k = start; k < end; ++k)
      for (std::size_t u = 0; u < uncertain.size(); ++u)
        out.picks[k].push_back(out.by_party[u].add(std::move(drawn[k - start][u])));
  }
  return out;
}

/// The stability analysis with some parties' preferences replaced.
StabilityResult stability_with(const Model& base, const std::vector<std::pair<int, const Preference*>>& replaced,
                               const std::vector<Concept>& concepts, const CancelToken& cancel) {
  Model model = base;
  for (const auto& [party, preference] : replaced)
    model.preferences[static_cast<std::size_t>(party)] = *preference;
  Progress quiet;
  return analyze_stability(model, StabilityOptions{concepts}, quiet, cancel);
}

/// Runs `job(k)` for k < count on all cores, reporting progress; rethrows cancellation.
template <class Job>
void run_jobs(std::size_t count, std::atomic<std::uint64_t>& done, std::uint64_t total, Progress& progress,
              const CancelToken& cancel, Job&& job) {
  tbb::parallel_for(std::size_t{0}, count, [&](std::size_t k) {
    if (cancel.cancelled()) return;
    job(k);
    progress.report(++done, total, "completions");
  });
  if (cancel.cancelled()) throw Cancelled();
}

std::optional<std::uint64_t> times(std::optional<std::uint64_t> a, std::optional<std::uint64_t> b) {
  if (!a || !b || (*b != 0 && *a > UINT64_MAX / *b)) return std::nullopt;
  return *a * *b;
}

bool within(std::optional<std::uint64_t> count, std::uint64_t limit) {
  return count && *count <= limit;
}

/// One party's verdicts over its completions under one concept.
struct PartyVerdicts {
  std::vector<std::uint64_t> weight;  ///< per state: completions (or samples) under which it is stable
  std::uint64_t total = 0;
  StateSet all, some;
};

/// The plan and the work of one analysis.
class PartialAnalysis {
 public:
  PartialAnalysis(const Model& model, const PartialOptions& options, Progress& progress, const CancelToken& cancel)
      : model_(model), options_(options), progress_(progress), cancel_(cancel), states_(model.states->size()) {
    base_ = model;
    for (Party& p : base_.parties)
      p.preference_uncertainty.reset();  // the stability runs do not need it: less to copy
    result_.completions = 1;
    for (std::size_t i = 0; i < model.parties.size(); ++i) {
      const auto& u = model.parties[i].preference_uncertainty;
      if (!u || model.parties[i].option_count == 0) continue;
      const auto count = u->completion_count();
      if (count && *count <= 1) continue;
      result_.uncertain.push_back({static_cast<int>(i), count});
      result_.completions = times(result_.completions, count);
    }
    for (Concept c : options.concepts)
      (c == Concept::SEQ ? seq_ : factorised_).push_back(c);
    result_.samples = options.samples;
    result_.seed = options.seed;
  }

  PartialResult run() {
    Progress quiet;
    const StabilityResult stated = analyze_stability(model_, StabilityOptions{options_.concepts}, quiet, cancel_);
    prepare();
    plan_factorised();
    plan_seq();
    total_ = factorised_jobs_.size() + seq_jobs_.size();
    const auto verdicts = factorised_verdicts(stated);  // [factorised concept][uncertain party]
    const auto seq_equilibria = run_seq();
    for (Concept c : options_.concepts) {
      ConceptPartial out{c, false, stated.equilibria(c), {}, {}, {}};
      if (c == Concept::SEQ)
        combine_seq(out, seq_equilibria);
      else
        combine(out, stated, verdicts[slot(c)]);
      result_.concepts.push_back(std::move(out));
    }
    return std::move(result_);
  }

 private:
  std::size_t slot(Concept c) const {
    return static_cast<std::size_t>(std::find(factorised_.begin(), factorised_.end(), c) - factorised_.begin());
  }

  bool party_exact(std::size_t u) const { return within(result_.uncertain[u].completions, options_.exact_limit); }
  bool seq_exact() const { return within(result_.completions, options_.exact_limit); }
  /// The preferences a factorised concept goes through for uncertain party u.
  const Variants& variants(std::size_t u) const { return party_exact(u) ? exact_[u] : samples_.by_party[u]; }

  std::optional<std::size_t> uncertain_slot(int party) const {
    for (std::size_t u = 0; u < result_.uncertain.size(); ++u)
      if (result_.uncertain[u].party == party) return u;
    return std::nullopt;
  }

  /// Enumerates what is exact and draws the samples the rest needs.
  void prepare() {
    const std::size_t parties = result_.uncertain.size();
    exact_.resize(parties);
    bool need_samples = !seq_.empty() && !seq_exact();
    for (std::size_t u = 0; u < parties; ++u) {
      const bool exact = party_exact(u);
      if (exact && (!factorised_.empty() || (!seq_.empty() && seq_exact())))
        exact_[u] =
            enumerate(uncertainty_of(model_, result_.uncertain[u].party), *result_.uncertain[u].completions, cancel_);
      need_samples = need_samples || (!exact && !factorised_.empty());
    }
    if (need_samples) samples_ = draw_samples(model_, result_.uncertain, options_, cancel_);
  }

  /// One job per (uncertain party, distinct preference).
  void plan_factorised() {
    if (factorised_.empty()) return;
    for (std::size_t u = 0; u < result_.uncertain.size(); ++u)
      for (std::size_t v = 0; v < variants(u).preferences.size(); ++v)
        factorised_jobs_.emplace_back(u, v);
  }

  /// SEQ: every tuple of distinct preferences weighted by the completions giving it (exact), or
  /// the sampled tuples weighted by how often they were drawn.
  void plan_seq() {
    if (seq_.empty() || result_.uncertain.empty()) return;
    const std::size_t parties = result_.uncertain.size();
    if (seq_exact()) {
      seq_total_ = 1;
      for (std::size_t u = 0; u < parties; ++u)
        seq_total_ *= exact_[u].total;
      std::vector<std::size_t> pick(parties, 0);
      for (bool more = true; more;) {
        std::uint64_t w = 1;
        for (std::size_t u = 0; u < parties; ++u)
          w *= exact_[u].weight[pick[u]];
        seq_jobs_.push_back(pick);
        seq_weight_.push_back(w);
        std::size_t u = 0;
        while (u < parties && ++pick[u] == exact_[u].preferences.size())
          pick[u++] = 0;
        more = u < parties;
      }
      return;
    }
    std::map<std::vector<std::size_t>, std::size_t> seen;
    for (const auto& pick : samples_.picks) {
      auto [it, fresh] = seen.emplace(pick, seq_jobs_.size());
      if (fresh) {
        seq_jobs_.push_back(pick);
        seq_weight_.push_back(0);
      }
      ++seq_weight_[it->second];
    }
    seq_total_ = samples_.picks.size();
  }

  std::vector<std::vector<PartyVerdicts>> factorised_verdicts(const StabilityResult& stated) {
    std::vector<std::vector<StateSet>> rows(factorised_jobs_.size());
    run_jobs(factorised_jobs_.size(), done_, total_, progress_, cancel_, [&](std::size_t k) {
      const auto [u, v] = factorised_jobs_[k];
      const int party = result_.uncertain[u].party;
      const auto r = stability_with(base_, {{party, &variants(u).preferences[v]}}, factorised_, cancel_);
      for (Concept c : factorised_)
        rows[k].push_back(r.stable(c, party));
    });
    std::vector<std::vector<PartyVerdicts>> out(factorised_.size());
    for (std::size_t f = 0; f < factorised_.size(); ++f) {
      for (std::size_t u = 0; u < result_.uncertain.size(); ++u) {
        // The stated completion is always among those looked at for necessary and possible.
        const StateSet& mine = stated.stable(factorised_[f], result_.uncertain[u].party);
        out[f].push_back({std::vector<std::uint64_t>(states_, 0), variants(u).total, mine, mine});
      }
      for (std::size_t k = 0; k < factorised_jobs_.size(); ++k) {
        const auto [u, v] = factorised_jobs_[k];
        PartyVerdicts& p = out[f][u];
        for (StateIndex s = 0; s < states_; ++s) {
          const bool stable = rows[k][f][s];
          if (stable) p.weight[s] += variants(u).weight[v];
          p.all[s] = p.all[s] && stable;
          p.some[s] = p.some[s] || stable;
        }
      }
    }
    return out;
  }

  /// Nash, GMR, SMR: per party, all of its completions (necessary), some (possible), its share;
  /// a party whose preference is known contributes its stated verdict.
  void combine(ConceptPartial& out, const StabilityResult& stated, const std::vector<PartyVerdicts>& verdicts) const {
    out.necessary.assign(states_, true);
    out.possible.assign(states_, true);
    out.share.assign(states_, 1.0);
    for (std::size_t i = 0; i < model_.parties.size(); ++i) {
      const auto u = uncertain_slot(static_cast<int>(i));
      const StateSet& row = stated.stable(out.solution, static_cast<int>(i));
      for (StateIndex s = 0; s < states_; ++s) {
        const bool all = u ? verdicts[*u].all[s] : row[s];
        const bool some = u ? verdicts[*u].some[s] : row[s];
        const double share = u ? static_cast<double>(verdicts[*u].weight[s]) / static_cast<double>(verdicts[*u].total)
                               : (row[s] ? 1.0 : 0.0);
        out.necessary[s] = out.necessary[s] && all;
        out.possible[s] = out.possible[s] && some;
        out.share[s] *= share;
      }
      if (u && !party_exact(*u)) out.sampled = true;
    }
  }

  std::vector<StateSet> run_seq() {
    std::vector<StateSet> out(seq_jobs_.size());
    run_jobs(seq_jobs_.size(), done_, total_, progress_, cancel_, [&](std::size_t k) {
      std::vector<std::pair<int, const Preference*>> replaced;
      for (std::size_t u = 0; u < result_.uncertain.size(); ++u) {
        const Variants& v = seq_exact() ? exact_[u] : samples_.by_party[u];
        replaced.emplace_back(result_.uncertain[u].party, &v.preferences[seq_jobs_[k][u]]);
      }
      out[k] = stability_with(base_, replaced, {Concept::SEQ}, cancel_).equilibria(Concept::SEQ);
    });
    return out;
  }

  void combine_seq(ConceptPartial& out, const std::vector<StateSet>& equilibria) const {
    out.sampled = !result_.uncertain.empty() && !seq_exact();
    out.necessary = out.stated;
    out.possible = out.stated;
    out.share.assign(states_, 0.0);
    if (result_.uncertain.empty()) {
      for (StateIndex s = 0; s < states_; ++s)
        out.share[s] = out.stated[s] ? 1.0 : 0.0;
      return;
    }
    std::vector<std::uint64_t> counted(states_, 0);
    for (std::size_t k = 0; k < equilibria.size(); ++k)
      for (StateIndex s = 0; s < states_; ++s) {
        out.necessary[s] = out.necessary[s] && equilibria[k][s];
        out.possible[s] = out.possible[s] || equilibria[k][s];
        if (equilibria[k][s]) counted[s] += seq_weight_[k];
      }
    for (StateIndex s = 0; s < states_; ++s)
      out.share[s] = static_cast<double>(counted[s]) / static_cast<double>(seq_total_);
  }

  const Model& model_;
  const PartialOptions& options_;
  Progress& progress_;
  const CancelToken& cancel_;
  std::size_t states_;
  Model base_;
  PartialResult result_;
  std::vector<Concept> factorised_, seq_;
  std::vector<Variants> exact_;  ///< per uncertain party, when enumerated
  Samples samples_;
  std::vector<std::pair<std::size_t, std::size_t>> factorised_jobs_;  ///< (uncertain party, variant)
  std::vector<std::vector<std::size_t>> seq_jobs_;                    ///< a variant per uncertain party
  std::vector<std::uint64_t> seq_weight_;
  std::uint64_t seq_total_ = 0;
  std::uint64_t total_ = 0;
  std::atomic<std::uint64_t> done_{0};
};

}  // namespace

PartialResult analyze_partial(const Model& model, const PartialOptions& options, Progress& progress,
                              const CancelToken& cancel) {
  if (!model.has_options()) throw std::invalid_argument("the model has no options, so no states to analyse");
  if (options.samples < 1) throw std::invalid_argument("give at least one sample");
  for (Concept c : options.concepts)
    if (c == Concept::SIM) throw std::invalid_argument("partial preferences cover nash, gmr, smr and seq");
  return PartialAnalysis(model, options, progress, cancel).run();
}

}  // namespace parley
