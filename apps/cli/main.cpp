// SPDX-License-Identifier: Apache-2.0
/// parley: the library plus this main. Subcommands come from command_table().
#include <CLI/CLI.hpp>

#include <cstdio>

#include "command.hpp"
#include "interrupt.hpp"
#include "parley/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"parley: analyse conflicts and negotiations (Graph Model stability, spatial bargaining)", "parley"};
  app.set_version_flag("--version", std::string("parley ") + parley::kVersion);
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, parley::cli::Runner>> runners;
  for (const auto& command : parley::cli::command_table()) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    runners.emplace_back(sub, command.configure(*sub));
  }
  CLI11_PARSE(app, argc, argv);
  parley::cli::cancel_on_interrupt();
  for (auto& [sub, run] : runners) {
    if (!sub->parsed()) continue;
    try {
      return run();
    } catch (const parley::Cancelled&) {
      std::fprintf(stderr, "\nparley: interrupted; nothing was written\n");
      return parley::cli::kExitInterrupted;
    }
  }
  return 0;
}
