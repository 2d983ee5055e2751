// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <iostream>

#include "command.hpp"
#include "interrupt.hpp"
#include "parley/io/command_answers.hpp"
#include "parley/io/stability_output.hpp"
#include "parley/io/text_output.hpp"

namespace parley::cli {

namespace {

struct AnalyzeArguments : ModelArguments {
  bool json = false;
  std::vector<std::string> concepts = {"nash", "gmr", "smr", "seq"};
  std::string only;
  int horizon = 0;
  std::vector<std::string> per_party;  ///< PARTY=CONCEPT, one per party
  CoalitionArguments coalitions;
};

/// The concept of each party from PARTY=CONCEPT items, or nullopt after saying what is wrong.
std::optional<std::vector<Concept>> per_party_concepts(const Model& model, const AnalyzeArguments& args) {
  std::vector<std::optional<Concept>> chosen(model.parties.size());
  for (const auto& item : args.per_party) {
    const auto eq = item.find('=');
    const int party = eq == std::string::npos ? -1 : model.party_index(item.substr(0, eq));
    const auto c = eq == std::string::npos ? std::nullopt : parse_concept(item.substr(eq + 1));
    if (party < 0 || !c) {
      std::cerr << fmt::format(
          "parley analyze: error: --per-party '{}' is not PARTY=CONCEPT with a party of the model\n"
          "  help: e.g. --per-party {}=seq (concepts: nash, gmr, smr, seq, sim)\n",
          item, model.parties[0].id);
      return std::nullopt;
    }
    if (chosen[static_cast<std::size_t>(party)]) {
      std::cerr << fmt::format(
          "parley analyze: error: --per-party names party '{}' twice\n  help: give each party one concept\n",
          model.parties[static_cast<std::size_t>(party)].id);
      return std::nullopt;
    }
    chosen[static_cast<std::size_t>(party)] = c;
  }
  std::vector<Concept> out;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (!chosen[i]) {
      std::cerr << fmt::format(
          "parley analyze: error: --per-party gives no concept for party '{}'\n"
          "  help: name a concept for every party, e.g. {}=nash\n",
          model.parties[i].id, model.parties[i].id);
      return std::nullopt;
    }
    out.push_back(*chosen[i]);
  }
  return out;
}

int run_analyze(const AnalyzeArguments& args) {
  auto model = args.load_with_states("stability analysis");
  if (!model) return kExitInvalidModel;
  Progress progress = terminal_progress();
  const CancelToken& cancel = interrupt_token();
  if (args.horizon > 0 && model->parties.size() != 2) {
    std::cerr << format_diagnostic(args.path, {{1, 1},
                                               fmt::format("--horizon needs a two-party conflict; this one has {} "
                                                           "parties",
                                                           model->parties.size()),
                                               "limited-move stability is defined for two parties; drop --horizon"})
              << '\n';
    return kExitInvalidModel;
  }
  AnalyzeRequest request;
  request.concepts = to_concepts(args.concepts);
  if (!args.per_party.empty()) {
    request.per_party = per_party_concepts(*model, args);
    if (!request.per_party) return kExitInvalidModel;
  }
  const auto chosen = args.coalitions.chosen(*model, "analyze");
  if (!chosen) return kExitInvalidModel;
  request.coalitions = *chosen;
  request.structure = args.coalitions.structure(*model);
  request.horizon = args.horizon;
  request.only_equilibria = args.only == "equilibria";
  const AnalyzeResults results = run_analyze(*model, request, progress, cancel);
  if (args.json) {
    std::cout << json_analyze(*model, request, results).dump(2) << '\n';
    return kExitOk;
  }
  const StabilityResult& result = results.stability;
  const auto& by_party = request.per_party;
  const auto& coalitional = results.coalitional;
  const auto& limited = results.limited;
  std::cout << text_summary(*model);
  std::cout << "\nStability (feasible states in tabular form)\n" << text_stability(*model, result);
  if (by_party) std::cout << text_per_party_equilibria(*model, result, *by_party);
  if (coalitional) std::cout << text_coalition_report(*model, result, *coalitional);
  if (limited) std::cout << '\n' << text_limited_move(*model, *limited);
  std::cout << "\nPreferences (state numbers, most preferred first; ties in parentheses)\n" << text_rankings(*model);
  return kExitOk;
}

}  // namespace

Runner configure_analyze(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArguments>();
  args->add_to(app);
  auto* json = app.add_flag("--json", args->json, "Print JSON (docs/model-format.md) instead of tables");
  add_concepts_option(app, args->concepts);
  app.add_option("--per-party", args->per_party,
                 "Each party under its own concept, e.g. UKR=seq,RUS=nash: equilibria stable for each under its own")
      ->delimiter(',');
  args->coalitions.add_to(app, "Coalition stability (CNash, CGMR, CSMR, CSEQ), and what acting together changes,");
  app.add_option("--horizon", args->horizon,
                 "Two-party conflicts: also limited-move stability L1..LH and non-myopic stability")
      ->check(CLI::Range(1, 1000));
  app.add_option("--only", args->only, "Print only the equilibria (for state spaces too large to list)")
      ->check(CLI::IsMember({"equilibria"}))
      ->needs(json);
  return [args] { return run_analyze(*args); };
}

}  // namespace parley::cli
