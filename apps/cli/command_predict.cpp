// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "command.hpp"
#include "interrupt.hpp"
#include "parley/analysis/spatial.hpp"
#include "parley/analysis/spatial_uncertainty.hpp"
#include "parley/io/command_answers.hpp"
#include "parley/io/spatial_output.hpp"

namespace parley::cli {

Runner configure_predict(CLI::App& app) {
  auto args = std::make_shared<ModelArguments>();
  auto json = std::make_shared<bool>(false);
  auto rounds = std::make_shared<int>(100);
  auto samples = std::make_shared<int>(0);
  auto seed = std::make_shared<std::uint64_t>(1);
  args->add_to(app);
  app.add_flag("--json", *json, "Print JSON (docs/model-format.md) instead of a table");
  app.add_option("--rounds", *rounds, "Round limit of the expected-utility model and the SMP (1 to 100000)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app.add_option("--samples", *samples,
                 "Monte Carlo samples over the model's `uncertainty` intervals (0 = none; up to 1000000)")
      ->check(CLI::Range(0, 1000000));
  app.add_option("--seed", *seed, "Seed of the Monte Carlo samples: the same seed gives the same results")
      ->capture_default_str();
  return [args, json, rounds, samples, seed] {
    auto model = args->load();
    if (!model) return kExitInvalidModel;
    if (model->issues.empty()) {
      std::cerr << format_diagnostic(args->path, {{1, 1},
                                                  "the model has no issues to predict",
                                                  "add `issues:` with a range and give parties positions, salience and "
                                                  "capability"})
                << '\n';
      return kExitInvalidModel;
    }
    const SpatialPrediction prediction = predict_spatial(*model, SpatialOptions{*rounds});
    std::optional<UncertaintyResult> sampled;
    if (*samples > 0) sampled = sample_spatial(*model, {*samples, *seed, *rounds, true}, interrupt_token());
    if (*json) {
      std::cout << json_predict(*model, prediction, sampled).dump(2) << '\n';
    } else {
      std::cout << model->name << "\n\n" << text_spatial_prediction(*model, prediction);
      if (sampled) std::cout << '\n' << text_uncertainty(*model, *sampled);
    }
    return kExitOk;
  };
}

}  // namespace parley::cli
