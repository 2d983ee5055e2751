// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Turns a draft into a validated, immutable Model, or reports every problem found.

#include <cstdint>
#include <memory>

#include "parley/core/model.hpp"
#include "parley/core/model_draft.hpp"

namespace parley {

struct BuildOptions {
  /// Models with more feasible states are refused before the state space is allocated.
  std::uint64_t max_states = std::uint64_t{1} << 26;
};

/// The model, or nullptr with at least one error in `diagnostics`.
std::shared_ptr<const Model> build_model(const ModelDraft& draft, const BuildOptions& options,
                                         Diagnostics& diagnostics);

/// Bytes a state space of `states` states over `parties` parties needs (states and preferences).
std::uint64_t estimated_model_bytes(std::uint64_t states, std::size_t parties);

}  // namespace parley
