// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The asymmetric Nash bargaining solution over all issues jointly: the point of the issue box that
/// maximises sum_i capability_i * log(u_i(x) - d_i), with spatial utilities
/// u_i(x) = 1 - sum_k salience_ik |x_k - position_ik| / (high_k - low_k).

#include <optional>
#include <string>
#include <vector>

#include "parley/analysis/spatial_scene.hpp"

namespace parley {

struct NashBargainingSolution {
  std::vector<double> point;  ///< per issue
  double objective = 0;       ///< sum_i capability_i * log(u_i(point) - d_i) at the point
};

struct NashBargainingResult {
  /// nullopt when no point gives every counted actor more than its disagreement utility, or no
  /// actor counts (positive capability and positive salience somewhere).
  std::optional<NashBargainingSolution> solution;
  std::string reason;  ///< why there is no solution; empty when there is one
};

/// Each counted actor's disagreement utility: u_i at the status quo on issues that have one, at the
/// issue end farthest from the actor on the others (the worst it can be pushed to).
std::vector<double> disagreement_utilities(const SpatialScene& scene);

/// The actor's spatial utility of a point (one coordinate per issue).
double spatial_utility(const SpatialScene& scene, const SpatialScene::Actor& actor, const std::vector<double>& point);

NashBargainingResult nash_bargaining(const SpatialScene& scene);

}  // namespace parley
