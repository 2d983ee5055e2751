// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "command.hpp"
#include "interrupt.hpp"
#include "parley/analysis/partial_preferences.hpp"
#include "parley/io/partial_output.hpp"

namespace parley::cli {

namespace {
struct PartialArguments : ModelArguments {
  bool json = false;
  int samples = 1000;
  std::uint64_t seed = 1;
  std::vector<std::string> concepts = {"nash", "gmr", "smr", "seq"};
};
}  // namespace

Runner configure_partial(CLI::App& app) {
  auto args = std::make_shared<PartialArguments>();
  args->add_to(app);
  app.add_flag("--json", args->json, "Print JSON (docs/inverse.md) instead of text");
  add_concepts_option(app, args->concepts);
  app.add_option("--samples", args->samples,
                 "Completions drawn where there are too many to go through (default 1000; up to 1000000)")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--seed", args->seed, "Seed of the sampled completions: the same seed gives the same results")
      ->capture_default_str();
  return [args] {
    auto model = args->load_with_states("partial preferences cover");
    if (!model) return kExitInvalidModel;
    const auto concepts = basic_concepts(args->concepts, "partial", "partial preferences cover");
    if (!concepts) return kExitInvalidModel;
    const PartialOptions options{*concepts, args->samples, args->seed};
    Progress progress = terminal_progress();
    const PartialResult result = analyze_partial(*model, options, progress, interrupt_token());
    if (args->json)
      std::cout << json_partial(*model, result).dump(2) << '\n';
    else
      std::cout << text_partial(*model, result);
    return kExitOk;
  };
}

}  // namespace parley::cli
