// SPDX-License-Identifier: Apache-2.0
/// Inverse analysis at a few hundred states: the flagship (352 states, 5 parties), Russia's
/// preferences varied, the target the just peace of docs/tutorial.md. Counting and
/// the exact least change (Z3) per concept, and the margins of the GMR equilibria.
#include <benchmark/benchmark.h>

#include "parley/analysis/inverse.hpp"
#include "parley/analysis/stability.hpp"
#include "parley/io/generate.hpp"
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
  // YYYYYYNYYY (state 352): talks, support, humanitarian steps, sanctions eased, guarantees, both
  // ceasefires, no cession, Russia at the table and withdrawn.
  options.target = *model->states->index_of(0b1110111111);
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

// The exact least change on generated conflicts of a few hundred states (issue #9), independent of
// the flagship: 3 parties, 8 options (256 states), two parties varied, per concept, by the branch
// and bound (arg 1 = 0) and by the former weighted MaxSAT with Z3 (arg 1 = 1, 20 s limit per party).
void BM_LeastChangeGenerated(benchmark::State& state) {
  const auto read = parley::read_model_text(parley::generate_model_yaml({3, 8, 7, 6, false}), "generated");
  if (!read.model) throw std::runtime_error("the generated model is invalid");
  const auto& model = *read.model;
  const auto c = static_cast<parley::Concept>(state.range(0));
  parley::InverseOptions options;
  options.target = static_cast<parley::StateIndex>(state.range(2));
  options.vary = {0, 1};
  options.concepts = {c};
  options.least_change_by_maxsat = state.range(1) != 0;
  parley::CancelToken cancel;
  parley::InverseResult result;
  for (auto _ : state)
    benchmark::DoNotOptimize(result = parley::analyze_inverse(model, options, cancel));
  const auto& least = result.concepts.front().least_change;
  state.SetLabel(std::string(parley::concept_key(c)) + (options.least_change_by_maxsat ? " maxsat" : " search") +
                 ", distance " + (least ? std::to_string(least->distance) : std::string("none")));
}
BENCHMARK(BM_LeastChangeGenerated)
    ->ArgsProduct({{static_cast<int>(parley::Concept::Nash), static_cast<int>(parley::Concept::GMR),
                    static_cast<int>(parley::Concept::SMR), static_cast<int>(parley::Concept::SEQ)},
                   {0, 1},
                   {84, 117}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
