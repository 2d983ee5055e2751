// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Stability analysis: for every party, state and concept, whether the state is stable for that
/// party; equilibria are the states stable for all. Exact for any number of parties: sanctions
/// are legal sequences of the other parties' moves in which no party moves twice in a row.

#include <cstdint>
#include <vector>

#include "parley/analysis/concepts.hpp"
#include "parley/analysis/run_control.hpp"
#include "parley/core/model.hpp"

namespace parley {

struct StabilityOptions {
  std::vector<Concept> concepts = basic_concepts();
};

/// One bit per state; bit-packed, so that millions of states stay small.
using StateSet = std::vector<bool>;

class StabilityResult {
 public:
  StabilityResult(std::vector<Concept> concepts, std::size_t parties, std::size_t states);

  [[nodiscard]] const std::vector<Concept>& concepts() const { return concepts_; }
  [[nodiscard]] bool has(Concept c) const;
  /// States stable for `party` under `c` (c must be one of concepts()).
  [[nodiscard]] const StateSet& stable(Concept c, int party) const { return stable_[slot(c)][party]; }
  [[nodiscard]] StateSet& stable(Concept c, int party) { return stable_[slot(c)][party]; }
  /// States stable for every party under `c`.
  [[nodiscard]] StateSet equilibria(Concept c) const;
  /// States stable for every party, each party under its own concept (`by_party[i]`).
  [[nodiscard]] StateSet equilibria(const std::vector<Concept>& by_party) const;

 private:
  [[nodiscard]] std::size_t slot(Concept c) const;
  std::vector<Concept> concepts_;
  std::vector<std::vector<StateSet>> stable_;  ///< [concept slot][party]
};

/// Which states are stable for whom under each requested concept.
/// Throws std::invalid_argument if the model has no options (a spatial model).
StabilityResult analyze_stability(const Model& model, const StabilityOptions& options, Progress& progress,
                                  const CancelToken& cancel);

}  // namespace parley
