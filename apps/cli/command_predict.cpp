// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "command.hpp"
#include "parley/analysis/spatial.hpp"
#include "parley/io/spatial_output.hpp"

namespace parley::cli {

Runner configure_predict(CLI::App& app) {
  auto args = std::make_shared<ModelArguments>();
  auto json = std::make_shared<bool>(false);
  auto rounds = std::make_shared<int>(100);
  args->add_to(app);
  app.add_flag("--json", *json, "Print JSON (docs/model-format.md) instead of a table");
  app.add_option("--rounds", *rounds, "Round limit of the expected-utility model and the SMP (1 to 100000)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  return [args, json, rounds] {
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
    if (*json)
      std::cout << json_spatial_prediction(*model, prediction).dump(2) << '\n';
    else
      std::cout << model->name << "\n\n" << text_spatial_prediction(*model, prediction);
    return kExitOk;
  };
}

}  // namespace parley::cli
