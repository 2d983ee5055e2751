// SPDX-License-Identifier: Apache-2.0
#pragma once
/// What a stability analysis will cost, said before it runs: the number of moves (estimated from a
/// sample of states), the memory it needs and a rough time on a machine like the development one
/// (calibrated there: docs/performance.md, "Estimates"). Printing the result costs more, in
/// proportion to the states listed, which is not known before the analysis has run.

#include <cstdint>

#include "parley/core/model.hpp"

namespace parley {

struct StabilityCost {
  double moves = 0;                          ///< unilateral moves of all parties from all states (estimated)
  std::uint64_t bytes = 0;                   ///< peak memory of the model and of Nash, GMR, SMR, SEQ for every party
  double seconds = 0;                        ///< rough wall time on 2 cores of reading the model and analysing it
  bool sampled = false;                      ///< true if `moves` is an estimate from a sample of states
  double seconds_per_listed_state = 0;       ///< writing each state of an equilibrium list (JSON)
  std::uint64_t bytes_per_listed_state = 0;  ///< memory for each state of an equilibrium list (JSON)
};

/// `threads` tasks run at once, each holding its own search arrays.
StabilityCost estimate_stability_cost(const Model& model, int threads = 2);

}  // namespace parley
