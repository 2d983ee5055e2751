// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <iostream>

#include "command.hpp"

namespace parley::cli {

const std::vector<Command>& command_table() {
  static const std::vector<Command> table = {
      {"check", "Validate a model and summarise it (exit 0 if valid)", &configure_check},
      {"analyze", "Stability of every state for every party under each concept, and the equilibria",
       &configure_analyze},
      {"explain", "Why a state is or is not stable: each improvement and the sanction that deters it",
       &configure_explain},
      {"paths", "How the conflict can evolve from the status quo by unilateral improvements", &configure_paths},
      {"inverse", "Which preferences of some parties would make a chosen state an equilibrium, and the least change",
       &configure_inverse},
      {"robustness", "How many reversed preference pairs it takes to break each equilibrium (margin of stability)",
       &configure_robustness},
      {"partial", "Partly known preferences: the equilibria under every completion (necessary) and some (possible)",
       &configure_partial},
      {"predict", "Spatial issues: weighted median, compromise and the zone inside every red line", &configure_predict},
      {"report", "Write a self-contained briefing (HTML, or Markdown with SVG pictures): findings, tables, pictures",
       &configure_report},
      {"serve", "The web application and JSON API on a local port, with a workspace of saved models (docs/api.md)",
       &configure_serve},
      {"convert", "Write a model (e.g. a GMCR+ .gmcr file) in parley's format, YAML or JSON", &configure_convert},
      {"generate", "Write a reproducible synthetic conflict of a given size (for benchmarks)", &configure_generate},
  };
  return table;
}

void ModelArguments::add_to(CLI::App& app) {
  app.add_option("MODEL", path, "Model file: YAML or JSON (docs/model-format.md), or a GMCR+ .gmcr save file")
      ->required();
  app.add_option("--max-states", max_states,
                 fmt::format("Refuse models with more feasible states than this (default {})", max_states))
      ->check(CLI::Range(std::uint64_t{1}, kMaxStateCount));
}

void add_concepts_option(CLI::App& app, std::vector<std::string>& names) {
  app.add_option("--concepts", names, "Solution concepts, comma-separated: nash, gmr, smr, seq, sim")
      ->delimiter(',')
      ->check(CLI::Validator(
          [](std::string& name) {
            return parse_concept(name) ? std::string()
                                       : "unknown concept '" + name + "': use nash, gmr, smr, seq or sim";
          },
          "CONCEPT"));
}

void CoalitionArguments::add_to(CLI::App& app, const char* what) {
  app.add_flag("--coalitions", all, fmt::format("{} for every coalition of two or more parties", what));
  app.add_option("--coalition", named, fmt::format("{} for this coalition, e.g. US+EU (repeatable)", what));
  app.add_flag("--alone", alone, "Ignore the model's `coalitions`: every party acts alone unless named above");
}

std::optional<std::vector<Coalition>> CoalitionArguments::chosen(const Model& model, const char* command) const {
  std::vector<Coalition> out = all ? all_coalitions(model) : std::vector<Coalition>{};
  for (const auto& text : named) {
    std::string why;
    const Coalition c = parse_coalition(model, text, why);
    if (c == 0) {
      std::cerr << fmt::format("parley {}: error: --coalition {}: {}\n  help: name two or more parties, e.g. {}+{}\n",
                               command, text, why, model.parties.front().id, model.parties.back().id);
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::vector<Coalition> CoalitionArguments::structure(const Model& model) const {
  return alone ? std::vector<Coalition>{} : model.coalitions;
}

std::vector<Concept> to_concepts(const std::vector<std::string>& names) {
  std::vector<Concept> out;
  for (const auto& name : names) {
    const Concept c = *parse_concept(name);
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::optional<std::vector<Concept>> basic_concepts(const std::vector<std::string>& names, const char* command,
                                                   const char* what) {
  std::vector<Concept> concepts = to_concepts(names);
  if (std::erase(concepts, Concept::SIM) == 0) return concepts;
  std::cerr << fmt::format(
      "parley {}: error: --concepts: {} nash, gmr, smr and seq\n"
      "  help: drop sim from the list\n",
      command, what);
  return std::nullopt;
}

std::shared_ptr<const Model> ModelArguments::load_with_states(const char* analysis) const {
  auto model = load();
  if (model && !model->has_options()) {
    std::cerr << format_diagnostic(path,
                                   {{1, 1},
                                    "the model has no options, so it has no states",
                                    fmt::format("{} needs parties with options; this model is spatial only", analysis)})
              << '\n';
    return nullptr;
  }
  return model;
}

ReadResult ModelArguments::read() const {
  ReadOptions options;
  options.build.max_states = max_states;
  ReadResult result = read_model_file(path, options);
  for (const Diagnostic& d : result.diagnostics.sorted())
    std::cerr << format_diagnostic(path, d) << '\n';
  if (!result.model) {
    const std::size_t n = result.diagnostics.size();
    std::cerr << fmt::format("{}: {} error{}; the model was not read\n", path, n, n == 1 ? "" : "s");
  }
  return result;
}

}  // namespace parley::cli
