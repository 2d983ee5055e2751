// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "command.hpp"
#include "parley/io/generate.hpp"

namespace parley::cli {

Runner configure_generate(CLI::App& app) {
  auto options = std::make_shared<GenerateOptions>();
  app.add_option("--parties", options->parties, "Number of parties")->check(CLI::Range(1, 63));
  app.add_option("--options", options->options, "Number of options in all (2^options combinations)")
      ->check(CLI::Range(1, 63));
  app.add_option("--seed", options->seed, "Random seed: the same seed gives the same model")
      ->check(CLI::Range(std::uint64_t{0}, std::uint64_t{1} << 62));
  app.add_option("--statements", options->statements, "Priority statements per party")->check(CLI::Range(1, 64));
  app.add_flag("--exclusive-pairs", options->exclusive_pairs, "Make each party's first two options mutually exclusive");
  return [options] {
    if (options->options < options->parties) {
      std::cerr << "parley generate: error: --options must be at least --parties (one option per party)\n";
      return kExitInvalidModel;
    }
    std::cout << generate_model_yaml(*options);
    return kExitOk;
  };
}

}  // namespace parley::cli
