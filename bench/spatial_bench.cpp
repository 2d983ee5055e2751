// SPDX-License-Identifier: Apache-2.0
// The dynamic spatial models on a large scene: 80 actors, 5 issues, 100 rounds.
#include <benchmark/benchmark.h>

#include <random>

#include "parley/analysis/eum.hpp"
#include "parley/analysis/nash_bargaining.hpp"
#include "parley/analysis/smp.hpp"

namespace {

parley::SpatialScene random_scene(int actors, int issues) {
  std::mt19937_64 rng(20261126);  // fixed: the same scene every run
  std::uniform_real_distribution<double> unit(0, 1);
  parley::SpatialScene scene;
  for (int k = 0; k < issues; ++k)
    scene.issues.push_back({0, 100, std::nullopt});
  for (int a = 0; a < actors; ++a) {
    parley::SpatialScene::Actor actor{a, 0.05 + unit(rng), {}, {}};
    for (int k = 0; k < issues; ++k)
      actor.position.push_back(100 * unit(rng)), actor.salience.push_back(unit(rng));
    scene.actors.push_back(std::move(actor));
  }
  return scene;
}

void BM_Eum(benchmark::State& state) {
  const auto scene = random_scene(static_cast<int>(state.range(0)), 5);
  for (auto _ : state) {
    // At most 100 rounds; the counter shows how many ran before the positions settled.
    auto result = parley::expected_utility_model(scene, {100});
    benchmark::DoNotOptimize(result);
    state.counters["rounds"] = result.rounds;
  }
}

void BM_Smp(benchmark::State& state) {
  const auto scene = random_scene(static_cast<int>(state.range(0)), 5);
  for (auto _ : state) {
    auto result = parley::spatial_model_of_politics(scene, {100});
    benchmark::DoNotOptimize(result);
    state.counters["rounds"] = result.rounds;
  }
}

void BM_NashBargaining(benchmark::State& state) {
  const auto scene = random_scene(static_cast<int>(state.range(0)), 5);
  for (auto _ : state)
    benchmark::DoNotOptimize(parley::nash_bargaining(scene));
}

}  // namespace

BENCHMARK(BM_Eum)->Arg(10)->Arg(80)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Smp)->Arg(10)->Arg(80)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NashBargaining)->Arg(10)->Arg(80)->Unit(benchmark::kMillisecond);
