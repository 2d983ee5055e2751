// SPDX-License-Identifier: Apache-2.0
#pragma once
/// A Spatial Model of Politics in the manner of KAPSARC's KTAB `smp` application (Wise, Efird et
/// al.): over all issues jointly, each actor challenges the actor it expects most to gain from,
/// challenger and target are offered a bargain between their positions weighted by salience and
/// the chance of winning, and every actor adopts the option (keep its position or one of its
/// bargains) that a probabilistic Condorcet election among all actors favours. Round by round until
/// the positions settle. Definitions and simplifications are in docs/spatial.md.

#include <optional>
#include <vector>

#include "parley/analysis/spatial_scene.hpp"

namespace parley {

struct SmpOptions {
  int rounds = 100;  ///< at most this many rounds
};

struct SmpRound {
  std::vector<std::vector<double>> positions;   ///< [actor][issue], actors in scene order
  std::vector<std::optional<double>> forecast;  ///< per issue, as SmpResult::forecast for these positions
};

struct SmpResult {
  /// Per issue: the expected outcome, the actors' final positions weighted by the probability the
  /// Condorcet election among all actors gives each (KTAB's distribution over positions); nullopt
  /// when no actor gives the issue any weight.
  std::vector<std::optional<double>> forecast;
  int rounds = 0;  ///< rounds run
  /// The root-mean-square move of a round fell below 1/100 of the first round's (KTAB's rule), or
  /// nothing moved at all.
  bool converged = false;
  std::vector<SmpRound> trajectory;  ///< rounds + 1 entries, the input first
};

SmpResult spatial_model_of_politics(const SpatialScene& scene, const SmpOptions& options = {});

}  // namespace parley
