// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Simultaneous sanctioning (SIM; Fraser & Hipel 1984, Fang, Hipel & Kilgour 1993): while the focal
/// party makes an improvement s -> s1, other parties may at the same moment make improvements of
/// their own from s; the combined result keeps the focal party's options as in s1 and each mover's
/// as in its target. With more than two parties any non-empty set of them may move together (as
/// GMCR+ computes it since version 0.3.13).

#include <optional>
#include <vector>

#include "parley/analysis/explain.hpp"
#include "parley/core/moves.hpp"

namespace parley::detail {

/// Improvements of a non-empty set of other parties from `s` (each a Move to that party's own
/// target) that, combined with the focal party's move to `s1`, end in a feasible state the focal
/// party does not prefer to `s`; nullopt if there are none.
std::optional<std::vector<Move>> simultaneous_sanction(const Model& model, const std::vector<MoveGenerator>& moves,
                                                       int focal, StateIndex s, StateIndex s1);

/// Where the focal party's move to `s1` and the others' simultaneous `answer` land together.
std::optional<StateIndex> simultaneous_outcome(const Model& model, StateIndex s1, const std::vector<Move>& answer);

}  // namespace parley::detail
