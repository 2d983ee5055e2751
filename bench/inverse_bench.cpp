// SPDX-License-Identifier: Apache-2.0
/// Inverse analysis at a few hundred states: the flagship (256 states, 5 parties), Russia's
/// preferences varied, the target a ceasefire with guarantees and withdrawal. Counting and
/// the exact least change (Z3) per concept, and the margins of the GMR equilibria.
#include <benchmark/benchmark.h>

#include "parley/analysis/inverse.hpp"
#include "parley/analysis/stability.hpp"
#include "parley/io/model_reader.hpp"

namespace {

std::shared_ptr<const parley::Model> flagship() {
  auto r = parley::read_model_file(PARLEY_SOURCE_DIR "/examples/ukraine-talks.yaml");
  if (!r.model) throw std::runtime_error("the flagship example is invalid");
  return r.model;
}

void BM_InverseFlagship(benchmark::State& state) {
  const auto model = flagship();
  const auto c = static_cast<parley::Concept>(state.range(0));
  parley::InverseOptions options;
  // YYYNYYNYY: talks, support, humanitarian aid, guarantees, both ceasefires, withdrawal, no cession.
  options.target = *model->states->index_of(0b110110111);
  options.vary = {model->party_index("RUS")};
  options.concepts = {c};
  parley::CancelToken cancel;
  for (auto _ : state)
    benchmark::DoNotOptimize(parley::analyze_inverse(*model, options, cancel));
  state.SetLabel(std::string(parley::concept_key(c)));
}
BENCHMARK(BM_InverseFlagship)
    ->Arg(static_cast<int>(parley::Concept::Nash))
    ->Arg(static_cast<int>(parley::Concept::GMR))
    ->Arg(static_cast<int>(parley::Concept::SEQ))
    ->Unit(benchmark::kMillisecond);

void BM_MarginsFlagshipGmr(benchmark::State& state) {
  const auto model = flagship();
  parley::Progress progress;
  parley::CancelToken cancel;
  const auto eq =
      parley::analyze_stability(*model, {{parley::Concept::GMR}}, progress, cancel).equilibria(parley::Concept::GMR);
  std::vector<parley::StateIndex> states;
  for (parley::StateIndex s = 0; s < eq.size(); ++s)
    if (eq[s]) states.push_back(s);
  for (auto _ : state)
    benchmark::DoNotOptimize(parley::stability_margins(*model, parley::Concept::GMR, states, cancel));
  state.SetLabel(std::to_string(states.size()) + " equilibria");
}
BENCHMARK(BM_MarginsFlagshipGmr)->Unit(benchmark::kMillisecond);

}  // namespace
