// SPDX-License-Identifier: Apache-2.0
// The dynamic spatial models on a large scene: 80 actors, 5 issues, 100 rounds.
#include <benchmark/benchmark.h>

#include <random>

#include "parley/analysis/eum.hpp"
#include "parley/analysis/nash_bargaining.hpp"
#include "parley/analysis/smp.hpp"
#include "parley/analysis/spatial_uncertainty.hpp"
#include "parley/io/model_reader.hpp"

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
  const auto scene = random_scene(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  for (auto _ : state) {
    // At most 100 rounds; the counter shows how many ran before the positions settled.
    auto result = parley::expected_utility_model(scene, {100});
    benchmark::DoNotOptimize(result);
    state.counters["rounds"] = result.rounds;
  }
}

void BM_Smp(benchmark::State& state) {
  const auto scene = random_scene(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  for (auto _ : state) {
    auto result = parley::spatial_model_of_politics(scene, {100});
    benchmark::DoNotOptimize(result);
    state.counters["rounds"] = result.rounds;
  }
}

void BM_NashBargaining(benchmark::State& state) {
  const auto scene = random_scene(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  for (auto _ : state)
    benchmark::DoNotOptimize(parley::nash_bargaining(scene));
}

}  // namespace

// (actors, issues): issue #5's 80 x 5, and one sample of its Monte Carlo's 50 x 10.
BENCHMARK(BM_Eum)->Args({10, 5})->Args({80, 5})->Args({50, 10})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Smp)->Args({10, 5})->Args({80, 5})->Args({50, 10})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NashBargaining)->Args({10, 5})->Args({80, 5})->Args({50, 10})->Unit(benchmark::kMillisecond);

// Monte Carlo over uncertain inputs: 50 parties x 10 issues, every capability, position and
// salience given as an interval, 1000 samples; without and with the two dynamic models.
std::shared_ptr<const parley::Model> uncertain_model(int actors, int issues) {
  std::mt19937 random(5);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::string text = "parley: 1\nissues:\n";
  for (int i = 0; i < issues; ++i)
    text += "  - {id: i" + std::to_string(i) + ", range: [0, 100]}\n";
  text += "parties:\n";
  for (int a = 0; a < actors; ++a) {
    const double capability = 1 + 99 * unit(random);
    std::string positions, salience, position_ranges, salience_ranges;
    for (int i = 0; i < issues; ++i) {
      const double p = 10 + 80 * unit(random), s = 0.2 + 0.6 * unit(random);
      const std::string id = "i" + std::to_string(i) + ": ";
      positions += id + std::to_string(p) + ", ";
      salience += id + std::to_string(s) + ", ";
      position_ranges += id + "[" + std::to_string(p - 10) + ", " + std::to_string(p + 10) + "], ";
      salience_ranges += id + "[" + std::to_string(s - 0.2) + ", " + std::to_string(s + 0.2) + "], ";
    }
    text += "  - {id: A" + std::to_string(a) + ", capability: " + std::to_string(capability) + ", positions: {" +
            positions + "}, salience: {" + salience + "}, uncertainty: {capability: [" +
            std::to_string(capability * 0.8) + ", " + std::to_string(capability * 1.2) + "], positions: {" +
            position_ranges + "}, salience: {" + salience_ranges + "}}}\n";
  }
  auto r = parley::read_model_text(text, "uncertain");
  if (!r.model) throw std::runtime_error("the generated uncertain model is invalid");
  return r.model;
}

void BM_MonteCarlo50x10(benchmark::State& state) {
  const auto model = uncertain_model(50, 10);
  parley::CancelToken cancel;
  const parley::UncertaintyOptions options{1000, 1, 100, state.range(0) != 0};
  for (auto _ : state)
    benchmark::DoNotOptimize(parley::sample_spatial(*model, options, cancel));
  state.SetLabel(options.dynamics ? "median, compromise, nbs, eum, smp" : "median, compromise, nbs");
}
BENCHMARK(BM_MonteCarlo50x10)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1);
