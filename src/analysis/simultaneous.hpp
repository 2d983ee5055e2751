// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Simultaneous sanctioning (SIM; Fraser & Hipel 1984, Fang, Hipel & Kilgour 1993): while the focal
/// party makes an improvement s -> s1, an opponent may at the same moment make an improvement of its
/// own from s; the combined result keeps the focal party's options as in s1 and the opponent's as in
/// its target. With more than two parties one opponent answers at a time, as GMCR+ computes it.

#include <optional>
#include <vector>

#include "parley/analysis/explain.hpp"
#include "parley/core/moves.hpp"

namespace parley::detail {

/// An opponent's improvement from `s` that, combined with the focal party's move to `s1`, ends in a
/// feasible state the focal party does not prefer to `s` (as a Move to the opponent's own target);
/// nullopt if there is none.
std::optional<std::vector<Move>> simultaneous_sanction(const Model& model, const std::vector<MoveGenerator>& moves,
                                                       int focal, StateIndex s, StateIndex s1);

}  // namespace parley::detail
