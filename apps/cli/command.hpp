// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The command line's subcommands: one table, one entry per subcommand.

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/analysis/coalitions.hpp"
#include "parley/analysis/concepts.hpp"
#include "parley/io/model_reader.hpp"

namespace parley::cli {

/// Runs a configured subcommand; returns the process exit code.
using Runner = std::function<int()>;

struct Command {
  const char* name;
  const char* summary;
  /// Declares the subcommand's flags on `app` and returns what runs it once they are parsed.
  Runner (*configure)(CLI::App& app);
};

/// Every subcommand, in the order `parley --help` lists them.
const std::vector<Command>& command_table();

/// Exit codes shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidModel = 1;

/// The model file argument and the reading options every model-reading command takes.
struct ModelArguments {
  std::string path;
  std::uint64_t max_states = BuildOptions{}.max_states;
  void add_to(CLI::App& app);
  /// Reads the model; prints every error as FILE:LINE:COLUMN and returns nullptr if invalid.
  [[nodiscard]] std::shared_ptr<const Model> load() const { return read().model; }
  /// The model, if valid and if it has states (options): else prints why and returns nullptr.
  /// `analysis` names what needs the states, for the message.
  [[nodiscard]] std::shared_ptr<const Model> load_with_states(const char* analysis) const;
  /// The same, keeping the draft as well.
  [[nodiscard]] ReadResult read() const;
};

/// `--coalition A+B` (repeatable), `--coalitions` (every coalition of two or more) and `--alone`
/// (ignore the coalition structure the model declares, which is honoured by default).
struct CoalitionArguments {
  bool all = false;
  std::vector<std::string> named;
  bool alone = false;
  void add_to(CLI::App& app, const char* what);
  /// The coalitions named; prints why and returns nullopt if one is invalid.
  [[nodiscard]] std::optional<std::vector<Coalition>> chosen(const Model& model, const char* command) const;
  /// The model's coalition structure, unless --alone.
  [[nodiscard]] std::vector<Coalition> structure(const Model& model) const;
};

/// `--concepts nash,gmr,...`: names are checked by CLI11 and turned into concepts by to_concepts.
void add_concepts_option(CLI::App& app, std::vector<std::string>& names);
std::vector<Concept> to_concepts(const std::vector<std::string>& names);
/// The concepts of `--concepts` for an analysis that covers the basic four only (not SIM); nullopt,
/// after saying so on stderr as `parley COMMAND: error: ...`, when sim was asked for. `what` names
/// what is covered with its verb, e.g. "margins cover".
std::optional<std::vector<Concept>> basic_concepts(const std::vector<std::string>& names, const char* command,
                                                   const char* what);

Runner configure_check(CLI::App& app);
Runner configure_analyze(CLI::App& app);
Runner configure_explain(CLI::App& app);
Runner configure_generate(CLI::App& app);
Runner configure_convert(CLI::App& app);
Runner configure_paths(CLI::App& app);
Runner configure_predict(CLI::App& app);
Runner configure_inverse(CLI::App& app);
Runner configure_robustness(CLI::App& app);
Runner configure_partial(CLI::App& app);
Runner configure_serve(CLI::App& app);
Runner configure_report(CLI::App& app);

}  // namespace parley::cli
