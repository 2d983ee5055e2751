// SPDX-License-Identifier: Apache-2.0
/// Kernel benchmarks: reading a model, and stability analysis from textbook size to a million states.
/// Run: build/release/bench/parley_bench (or the ci build); see bench/README.md.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "parley/analysis/stability.hpp"
#include "parley/io/generate.hpp"
#include "parley/io/model_reader.hpp"

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::shared_ptr<const parley::Model> generated(int parties, int options) {
  parley::ReadOptions read;
  read.build.max_states = std::uint64_t{1} << 30;
  auto r = parley::read_model_text(parley::generate_model_yaml({parties, options, 1, 6, false}), "generated", read);
  if (!r.model) throw std::runtime_error("generated model is invalid");
  return r.model;
}

void BM_ReadAndValidateElmira(benchmark::State& state) {
  const std::string text = read_text(PARLEY_SOURCE_DIR "/catalog/elmira.yaml");
  for (auto _ : state)
    benchmark::DoNotOptimize(parley::read_model_text(text, "elmira"));
}
BENCHMARK(BM_ReadAndValidateElmira)->Unit(benchmark::kMicrosecond);

void BM_StabilityElmira(benchmark::State& state) {
  auto model = parley::read_model_text(read_text(PARLEY_SOURCE_DIR "/catalog/elmira.yaml"), "elmira").model;
  parley::Progress progress;
  parley::CancelToken cancel;
  for (auto _ : state)
    benchmark::DoNotOptimize(parley::analyze_stability(*model, {parley::all_concepts()}, progress, cancel));
}
BENCHMARK(BM_StabilityElmira)->Unit(benchmark::kMicrosecond);

/// Nash, GMR, SMR, SEQ for every party of a generated 5-party conflict of 2^options states.
void BM_StabilityGenerated(benchmark::State& state) {
  const auto model = generated(5, static_cast<int>(state.range(0)));
  parley::Progress progress;
  parley::CancelToken cancel;
  for (auto _ : state)
    benchmark::DoNotOptimize(parley::analyze_stability(*model, {parley::basic_concepts()}, progress, cancel));
  state.counters["states"] = static_cast<double>(model->states->size());
  state.counters["ns_per_state"] =
      benchmark::Counter(static_cast<double>(model->states->size()),
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_StabilityGenerated)->DenseRange(10, 20, 2)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
