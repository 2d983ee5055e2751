// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "command.hpp"
#include "parley/analysis/spatial.hpp"
#include "parley/io/spatial_output.hpp"

namespace parley::cli {

Runner configure_predict(CLI::App& app) {
  auto args = std::make_shared<ModelArguments>();
  auto json = std::make_shared<bool>(false);
  args->add_to(app);
  app.add_flag("--json", *json, "Print JSON (docs/model-format.md) instead of a table");
  return [args, json] {
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
    const SpatialPrediction prediction = predict_spatial(*model);
    if (*json)
      std::cout << json_spatial_prediction(*model, prediction).dump(2) << '\n';
    else
      std::cout << model->name << "\n\n" << text_spatial_prediction(*model, prediction);
    return kExitOk;
  };
}

}  // namespace parley::cli
