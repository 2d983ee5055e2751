// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "command.hpp"
#include "parley/io/model_writer.hpp"

namespace parley::cli {

namespace {
struct ConvertArguments : ModelArguments {
  std::string output;
  bool force = false;
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

Runner configure_convert(CLI::App& app) {
  auto args = std::make_shared<ConvertArguments>();
  args->add_to(app);
  app.add_option("-o,--output", args->output, "Where to write: .yaml/.yml for YAML, .json for JSON")->required();
  app.add_flag("--force", args->force, "Replace the output file if it exists");
  return [args] {
    ReadResult result = args->read();
    if (!result.model) return kExitInvalidModel;
    const bool json = ends_with(args->output, ".json");
    if (!json && !ends_with(args->output, ".yaml") && !ends_with(args->output, ".yml")) {
      std::cerr << "parley convert: error: cannot tell the format of " << args->output
                << "\n  help: name the output .yaml, .yml or .json\n";
      return kExitInvalidModel;
    }
    const std::string text = json ? draft_to_json(result.draft).dump(2) + "\n" : draft_to_yaml(result.draft);
    if (auto problem = write_file_atomically(args->output, text, args->force); !problem.empty()) {
      std::cerr << "parley convert: error: " << problem << '\n';
      return kExitInvalidModel;
    }
    std::cout << args->path << " -> " << args->output << '\n';
    return kExitOk;
  };
}

}  // namespace parley::cli
