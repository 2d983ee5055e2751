// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Limited-move stability L_h and non-myopic stability for two-party conflicts (Kilgour 1985;
/// Fang, Hipel & Kilgour 1993): each party looks h moves ahead, alternating with its opponent.

#include <vector>

#include "parley/analysis/run_control.hpp"
#include "parley/analysis/stability.hpp"

namespace parley {

struct LimitedMoveOptions {
  int max_horizon = 4;    ///< L_1 .. L_max_horizon are reported
  bool nonmyopic = true;  ///< also the limit as the horizon grows
};

struct LimitedMoveResult {
  /// stable[h - 1][party]: the states L_h-stable for the party.
  std::vector<std::vector<StateSet>> stable;
  /// nonmyopic[party]: states L_h-stable for every large enough h (empty if not asked).
  std::vector<StateSet> nonmyopic;
  /// The horizon from which the anticipated outcomes repeat, and the length of the repetition.
  int periodic_from = 0;
  int period = 0;
};

/// Anticipated outcomes G_h(i, s): G_0(i, s) = s; G_h(i, s) is i's most preferred G_{h-1}(j, s1)
/// over its moves s1 from s if that is strictly better for i than s, else s. Among equally
/// preferred outcomes i takes the one with the smallest state number (a documented convention:
/// the literature assumes strict preferences). Throws std::invalid_argument unless the model has
/// exactly two parties.
LimitedMoveResult analyze_limited_move(const Model& model, const LimitedMoveOptions& options, Progress& progress,
                                       const CancelToken& cancel);

}  // namespace parley
