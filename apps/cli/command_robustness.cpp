// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "command.hpp"
#include "interrupt.hpp"
#include "parley/io/command_answers.hpp"

namespace parley::cli {

namespace {
struct RobustnessArguments : ModelArguments {
  bool json = false;
  double solver_seconds = 2;
  std::vector<std::string> concepts = {"nash", "gmr", "smr", "seq"};
};
}  // namespace

Runner configure_robustness(CLI::App& app) {
  auto args = std::make_shared<RobustnessArguments>();
  args->add_to(app);
  app.add_flag("--json", args->json, "Print JSON instead of sentences");
  add_concepts_option(app, args->concepts);
  app.add_option("--solver-seconds", args->solver_seconds,
                 "Time limit of the exact SMR search per equilibrium and party; past it the GMR margin, an upper "
                 "bound, stands in (default 2)")
      ->check(CLI::Range(0.1, 3600.0));
  return [args] {
    auto model = args->load_with_states("the margin of stability");
    if (!model) return kExitInvalidModel;
    const auto concepts = basic_concepts(args->concepts, "robustness", "margins cover");
    if (!concepts) return kExitInvalidModel;
    Progress progress;
    const auto limit = std::chrono::milliseconds(static_cast<long>(args->solver_seconds * 1000));
    const std::vector<ConceptMargins> margins = run_robustness(*model, *concepts, limit, progress, interrupt_token());
    if (args->json)
      std::cout << json_margins(*model, margins).dump(2) << '\n';
    else
      std::cout << model->name << "\n\n" << text_margins(*model, margins);
    return kExitOk;
  };
}

}  // namespace parley::cli
