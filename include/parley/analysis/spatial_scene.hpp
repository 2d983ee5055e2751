// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The numbers the spatial models work on, taken out of a Model: each actor's capability and, per
/// issue, its position and salience. A plain value type so that Monte Carlo sampling can perturb
/// copies cheaply and the models (median, Nash bargaining, expected utility, SMP) stay pure
/// functions of it.

#include <optional>
#include <vector>

#include "parley/core/model.hpp"

namespace parley {

struct SpatialScene {
  struct IssueScale {
    double low = 0;
    double high = 1;
    std::optional<double> status_quo;  ///< where the issue stands today, if the model says
  };
  struct Actor {
    int party = 0;  ///< index into Model::parties
    double capability = 0;
    std::vector<double> position;  ///< per issue; the issue's midpoint where the actor takes no stance
    std::vector<double> salience;  ///< per issue, 0..1; 0 where the actor takes no stance
  };
  std::vector<IssueScale> issues;
  std::vector<Actor> actors;  ///< the parties with a capability, in party order

  [[nodiscard]] std::size_t issue_count() const { return issues.size(); }
  [[nodiscard]] std::size_t actor_count() const { return actors.size(); }
};

/// The scene of a model's spatial part: every party with a capability becomes an actor.
SpatialScene spatial_scene(const Model& model);

}  // namespace parley
