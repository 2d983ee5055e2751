// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "command.hpp"
#include "interrupt.hpp"
#include "parley/analysis/paths.hpp"
#include "parley/io/command_answers.hpp"
#include "parley/io/explain_output.hpp"
#include "parley/io/paths_output.hpp"

namespace parley::cli {

namespace {
struct PathsArguments : ModelArguments {
  std::string from;
  std::string to;
  bool json = false;
  std::size_t limit = 100;
  CoalitionArguments coalitions;
};

/// The state named on the command line, or nullopt after saying why not.
std::optional<StateIndex> state_argument(const Model& model, const std::string& flag, const std::string& name) {
  std::string why;
  auto s = find_state(model, name, why);
  if (!s)
    std::cerr << fmt::format("parley paths: error: {} {}: {}\n  help: give a state number or a pattern of Y and N\n",
                             flag, name, why);
  return s;
}

int run_paths(const PathsArguments& args) {
  auto model = args.load_with_states("status quo analysis");
  if (!model) return kExitInvalidModel;
  std::optional<StateIndex> from = model->status_quo;
  if (!args.from.empty())
    from = state_argument(*model, "--from", args.from);
  else if (!from)
    std::cerr << format_diagnostic(args.path, {{1, 1},
                                               "the model has no status_quo to start from",
                                               "add `status_quo: [...]` to the model or name a state with --from"})
              << '\n';
  if (!from) return kExitInvalidModel;
  const CancelToken& cancel = interrupt_token();
  Progress progress = terminal_progress();
  auto chosen = args.coalitions.chosen(*model, "paths");
  if (!chosen) return kExitInvalidModel;
  std::vector<Coalition> coalitions = std::move(*chosen);
  for (Coalition h : args.coalitions.structure(*model))
    if (std::find(coalitions.begin(), coalitions.end(), h) == coalitions.end()) coalitions.push_back(h);
  if (!args.to.empty()) {
    auto to = state_argument(*model, "--to", args.to);
    if (!to) return kExitInvalidModel;
    const AllShortestPaths paths = all_shortest_paths(*model, *from, *to, args.limit, cancel, coalitions);
    if (args.json) {
      std::cout << json_paths_between(*model, *from, *to, paths).dump(2) << '\n';
    } else {
      std::cout << text_shortest_paths(*model, *from, *to, paths, !coalitions.empty());
    }
    return kExitOk;
  }
  const PathsResult paths = status_quo_paths(*model, *from, progress, cancel, coalitions);
  if (args.json) {
    std::cout << json_paths(*model, paths).dump(2) << '\n';
    return kExitOk;
  }
  const StabilityResult stability = analyze_stability(*model, {}, progress, cancel);
  std::cout << fmt::format("Evolution of {} by unilateral{} improvements\n", model->name,
                           coalitions.empty() ? "" : " and coalitional")
            << text_paths(*model, paths, stability);
  return kExitOk;
}
}  // namespace

Runner configure_paths(CLI::App& app) {
  auto args = std::make_shared<PathsArguments>();
  args->add_to(app);
  app.add_option("--from", args->from, "Start here instead of the status quo (number or pattern)");
  auto* to = app.add_option("--to", args->to, "List every shortest path to this state (number or pattern)");
  app.add_option("--limit", args->limit, "With --to, list at most this many paths")
      ->check(CLI::Range(1, 1000000))
      ->needs(to);
  app.add_flag("--json", args->json, "Print JSON (docs/model-format.md) instead of a tree");
  args->coalitions.add_to(app, "Add coalitional improvements as steps");
  return [args] { return run_paths(*args); };
}

}  // namespace parley::cli
