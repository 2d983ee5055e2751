// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "command.hpp"
#include "parley/io/json_output.hpp"
#include "parley/io/text_output.hpp"

namespace parley::cli {

namespace {
struct AnalyzeArguments : ModelArguments {
  bool json = false;
};
}  // namespace

Runner configure_analyze(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArguments>();
  args->add_to(app);
  app.add_flag("--json", args->json, "Print JSON (docs/model-format.md) instead of tables");
  return [args] {
    auto model = args->load();
    if (!model) return kExitInvalidModel;
    if (args->json) {
      Json out = json_header(*model);
      out["states"] = json_states(*model);
      out["preferences"] = json_preferences(*model);
      if (!model->issues.empty()) out["issues_declared"] = json_spatial(*model);
      std::cout << out.dump(2) << '\n';
      return kExitOk;
    }
    std::cout << text_summary(*model);
    if (model->has_options()) {
      std::cout << "\nFeasible states\n" << text_state_table(*model);
      std::cout << "\nPreferences (state numbers, most preferred first; ties in parentheses)\n"
                << text_rankings(*model);
    }
    return kExitOk;
  };
}

}  // namespace parley::cli
