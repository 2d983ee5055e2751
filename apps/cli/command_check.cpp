// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "command.hpp"
#include "parley/io/text_output.hpp"

namespace parley::cli {

Runner configure_check(CLI::App& app) {
  auto args = std::make_shared<ModelArguments>();
  args->add_to(app);
  return [args] {
    auto model = args->load();
    if (!model) return kExitInvalidModel;
    std::cout << args->path << ": valid\n" << text_summary(*model);
    return kExitOk;
  };
}

}  // namespace parley::cli
