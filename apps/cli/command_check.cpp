// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "command.hpp"
#include "parley/analysis/cost.hpp"
#include "parley/io/text_output.hpp"

namespace parley::cli {

namespace {

/// Physical memory of this machine in bytes, or 0 if unknown.
double physical_memory() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page = ::sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page) : 0;
}

std::string rough_time(double seconds) {
  if (seconds < 1) return "under a second";
  if (seconds < 120) return fmt::format("roughly {:.2g} s", seconds);
  return fmt::format("roughly {:.2g} min", seconds / 60);
}

/// The estimate of a stability analysis, and for large models the limits that apply.
void print_cost(const Model& model, std::uint64_t max_states) {
  const StabilityCost cost = estimate_stability_cost(model);
  std::cout << fmt::format(
      "  stability analysis (Nash, GMR, SMR, SEQ): {}{:.3g} moves; needs about {} and {} on 2 cores\n",
      cost.sampled ? "about " : "", cost.moves, human_bytes(static_cast<double>(cost.bytes)), rough_time(cost.seconds));
  const std::size_t states = model.states->size();
  if (states < (std::size_t{1} << 16)) return;
  std::cout << fmt::format(
      "    plus, for each state listed as an equilibrium (JSON), about {:.0f} bytes and {:.1f} microseconds\n",
      static_cast<double>(cost.bytes_per_listed_state), cost.seconds_per_listed_state * 1e6);
  const double memory = physical_memory();
  std::cout << fmt::format("  limits: {} states of at most {} (--max-states){}\n", states, max_states,
                           memory > 0 ? fmt::format("; this machine has {} of memory", human_bytes(memory)) : "");
  if (memory > 0 && static_cast<double>(cost.bytes) > 0.9 * memory)
    std::cout << "  warning: the analysis needs about as much memory as this machine has or more; "
                 "analyse fewer concepts (--concepts) or use a larger machine\n";
}

}  // namespace

Runner configure_check(CLI::App& app) {
  auto args = std::make_shared<ModelArguments>();
  args->add_to(app);
  return [args] {
    auto model = args->load();
    if (!model) return kExitInvalidModel;
    std::cout << args->path << ": valid\n" << text_summary(*model);
    if (model->has_options()) print_cost(*model, args->max_states);
    return kExitOk;
  };
}

}  // namespace parley::cli
