// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "command.hpp"
#include "parley/analysis/cost.hpp"
#include "parley/io/text_output.hpp"

#include <fmt/format.h>

namespace parley::cli {

Runner configure_check(CLI::App& app) {
  auto args = std::make_shared<ModelArguments>();
  args->add_to(app);
  return [args] {
    auto model = args->load();
    if (!model) return kExitInvalidModel;
    std::cout << args->path << ": valid\n" << text_summary(*model);
    if (model->has_options()) {
      const StabilityCost cost = estimate_stability_cost(*model);
      std::cout << fmt::format(
          "  stability analysis (Nash, GMR, SMR, SEQ): {}{:.3g} moves; needs about {} and {} on 2 cores\n",
          cost.sampled ? "about " : "", cost.moves, human_bytes(static_cast<double>(cost.bytes)),
          cost.seconds < 1 ? std::string("under a second") : fmt::format("roughly {:.2g} s", cost.seconds));
    }
    return kExitOk;
  };
}

}  // namespace parley::cli
