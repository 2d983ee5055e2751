// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <iostream>

#include "command.hpp"
#include "parley/analysis/stability.hpp"
#include "parley/io/json_output.hpp"
#include "parley/io/stability_output.hpp"
#include "parley/io/text_output.hpp"

namespace parley::cli {

namespace {

struct AnalyzeArguments : ModelArguments {
  bool json = false;
  std::vector<std::string> concepts = {"nash", "gmr", "smr", "seq"};
  std::string only;
};

/// The concepts named on the command line, or nullopt after saying what is wrong.
std::optional<std::vector<Concept>> parse_concepts(const std::vector<std::string>& names) {
  std::vector<Concept> out;
  for (const auto& name : names) {
    auto c = parse_concept(name);
    if (!c) {
      std::cerr << fmt::format("parley: error: unknown concept '{}'\n  help: use nash, gmr, smr, seq or sim\n", name);
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), *c) == out.end()) out.push_back(*c);
  }
  return out;
}

int run_analyze(const AnalyzeArguments& args) {
  auto model = args.load();
  if (!model) return kExitInvalidModel;
  auto concepts = parse_concepts(args.concepts);
  if (!concepts) return kExitUsage;
  if (!model->has_options()) {
    std::cerr << fmt::format(
        "{}: error: the model has no options, so there are no states to analyse\n"
        "  help: use `parley predict` for a spatial model\n",
        args.path);
    return kExitInvalidModel;
  }
  Progress progress;
  CancelToken cancel;
  const StabilityResult result = analyze_stability(*model, {*concepts}, progress, cancel);
  if (args.json) {
    Json out = json_header(*model);
    if (args.only != "equilibria") {
      out["states"] = json_states(*model);
      out["stability"] = json_stability(*model, result);
    }
    out["equilibria"] = json_equilibria(*model, result);
    if (args.only != "equilibria") out["preferences"] = json_preferences(*model);
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  std::cout << text_summary(*model);
  std::cout << "\nStability (feasible states in tabular form)\n" << text_stability(*model, result);
  std::cout << "\nPreferences (state numbers, most preferred first; ties in parentheses)\n" << text_rankings(*model);
  return kExitOk;
}

}  // namespace

Runner configure_analyze(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArguments>();
  args->add_to(app);
  app.add_flag("--json", args->json, "Print JSON (docs/model-format.md) instead of tables");
  app.add_option("--concepts", args->concepts, "Solution concepts, comma-separated: nash, gmr, smr, seq, sim")
      ->delimiter(',');
  app.add_option("--only", args->only, "With --json, print only the equilibria (for state spaces too large to list)")
      ->check(CLI::IsMember({"equilibria"}));
  return [args] { return run_analyze(*args); };
}

}  // namespace parley::cli
