// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <iostream>

#include "command.hpp"
#include "interrupt.hpp"
#include "parley/analysis/inverse.hpp"
#include "parley/analysis/levers.hpp"
#include "parley/io/explain_output.hpp"
#include "parley/io/inverse_output.hpp"

namespace parley::cli {

namespace {
struct InverseArguments : ModelArguments {
  std::string target;
  std::vector<std::string> vary;
  bool json = false;
  double solver_seconds = 20;
  std::vector<std::string> concepts = {"nash", "gmr", "smr", "seq"};
  std::size_t levers = 10;
};

/// The party indices for the ids; prints what is wrong and returns nullopt if one is unknown or repeated.
std::optional<std::vector<int>> varied_parties(const Model& model, const std::vector<std::string>& ids) {
  std::vector<int> out;
  std::vector<std::string> known;
  for (const Party& p : model.parties)
    known.push_back(p.id);
  for (const std::string& id : ids) {
    const int p = model.party_index(id);
    if (p < 0) {
      const std::string guess = closest_match(id, known);
      std::cerr << fmt::format("parley inverse: error: unknown party '{}' in --vary\n  help: {}\n", id,
                               guess.empty() ? "parties are: " + fmt::format("{}", fmt::join(known, ", "))
                                             : "did you mean '" + guess + "'?");
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), p) != out.end()) {
      std::cerr << fmt::format("parley inverse: error: party '{}' is given twice in --vary\n  help: name each once\n",
                               id);
      return std::nullopt;
    }
    out.push_back(p);
  }
  return out;
}
}  // namespace

Runner configure_inverse(CLI::App& app) {
  auto args = std::make_shared<InverseArguments>();
  args->add_to(app);
  app.add_option("--target", args->target, "The state that should be stable: its number or pattern")->required();
  app.add_option("--vary", args->vary, "A party whose preferences may change (repeat for several)")->required();
  app.add_flag("--json", args->json, "Print JSON (docs/model-format.md) instead of sentences");
  add_concepts_option(app, args->concepts);
  app.add_option("--solver-seconds", args->solver_seconds,
                 "Time limit of the exact least-change search, per varied party and concept (default 20)")
      ->check(CLI::Range(0.1, 3600.0));
  app.add_option("--levers", args->levers, "List at most this many levers per concept (default 10; 0 for none)")
      ->check(CLI::Range(0, 100000));
  return [args] {
    auto model = args->load_with_states("inverse analysis");
    if (!model) return kExitInvalidModel;
    std::string why;
    const auto target = find_state(*model, args->target, why);
    if (!target) {
      std::cerr << "parley inverse: error: --target: " << why
                << "\n  help: give a state number or a pattern of Y and N\n";
      return kExitInvalidModel;
    }
    const auto vary = varied_parties(*model, args->vary);
    if (!vary) return kExitInvalidModel;
    const auto concepts = basic_concepts(args->concepts, "inverse", "inverse analysis covers");
    if (!concepts) return kExitInvalidModel;
    const InverseOptions options{*target, *vary, *concepts,
                                 std::chrono::milliseconds(static_cast<long>(args->solver_seconds * 1000))};
    const InverseResult result = analyze_inverse(*model, options, interrupt_token());
    std::optional<LeverResult> levers;
    if (args->levers > 0) levers = find_levers(*model, {*target, *vary, options.concepts}, interrupt_token());
    if (args->json) {
      Json out = json_inverse(*model, result);
      if (levers) out["levers"] = json_levers(*model, *levers, args->levers);
      std::cout << out.dump(2) << '\n';
    } else {
      std::cout << text_inverse(*model, result);
      if (levers) std::cout << text_levers(*model, *levers, args->levers);
    }
    return kExitOk;
  };
}

}  // namespace parley::cli
