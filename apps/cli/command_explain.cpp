// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "command.hpp"
#include "interrupt.hpp"
#include "parley/analysis/explain.hpp"
#include "parley/io/explain_output.hpp"

namespace parley::cli {

namespace {
struct ExplainArguments : ModelArguments {
  std::string state;
  bool json = false;
  std::vector<std::string> concepts = {"nash", "gmr", "smr", "seq"};
};
}  // namespace

Runner configure_explain(CLI::App& app) {
  auto args = std::make_shared<ExplainArguments>();
  args->add_to(app);
  app.add_option("STATE", args->state, "The state: its number (e.g. 7) or its pattern (e.g. NYNNY)")->required();
  app.add_flag("--json", args->json, "Print JSON instead of sentences");
  add_concepts_option(app, args->concepts);
  return [args] {
    auto model = args->load_with_states("explain");
    if (!model) return kExitInvalidModel;
    std::string why;
    auto state = find_state(*model, args->state, why);
    if (!state) {
      std::cerr << "parley explain: error: " << why << "\n  help: give a state number or a pattern of Y and N\n";
      return kExitInvalidModel;
    }
    const CancelToken& cancel = interrupt_token();
    const Explanation explanation = explain_state(*model, *state, to_concepts(args->concepts), cancel);
    if (args->json)
      std::cout << json_explanation(*model, explanation).dump(2) << '\n';
    else
      std::cout << text_explanation(*model, explanation);
    return kExitOk;
  };
}

}  // namespace parley::cli
