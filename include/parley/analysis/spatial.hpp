// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Spatial bargaining on continuous issues: where a negotiated outcome is likely to land and which
/// outcomes lie inside every party's red lines. Weights are capability x salience.

#include <optional>
#include <vector>

#include "parley/analysis/concessions.hpp"
#include "parley/analysis/eum.hpp"
#include "parley/analysis/nash_bargaining.hpp"
#include "parley/analysis/smp.hpp"
#include "parley/core/model.hpp"

namespace parley {

struct IssuePrediction {
  int issue = 0;
  /// The smallest position x such that the parties at positions <= x hold at least half of the
  /// total weight; nullopt when no party gives the issue any weight.
  std::optional<double> median;
  /// The weighted mean of the positions: sum w x / sum w; nullopt as for the median.
  std::optional<double> compromise;
  /// The intersection of the issue's range and every red line on it; nullopt when empty.
  std::optional<Interval> zone_of_agreement;
};

struct SpatialPrediction {
  std::vector<IssuePrediction> issues;  ///< in issue order
  /// True when one deal satisfies every red line on every issue at once. Red lines are given per
  /// issue, so this holds exactly when every issue's zone is non-empty.
  bool agreement_possible = true;
  /// Where it is not: per closed issue, the smallest concessions that open a zone of agreement.
  std::vector<ZoneOpening> openings;
  NashBargainingResult nbs;  ///< over all issues jointly
  EumResult eum;             ///< each issue on its own
  SmpResult smp;             ///< over all issues jointly
};

struct SpatialOptions {
  int rounds = 100;  ///< the round limit of the expected-utility model and the SMP
};

SpatialPrediction predict_spatial(const Model& model, const SpatialOptions& options = {});

/// The weighted median and the weighted mean (compromise) of one issue of a scene, weights
/// capability x salience, as IssuePrediction defines them; nullopt when nobody gives it weight.
std::optional<double> scene_median(const SpatialScene& scene, std::size_t issue);
std::optional<double> scene_compromise(const SpatialScene& scene, std::size_t issue);

/// True when every issue's red lines leave a common interval.
bool agreement_possible(const Model& model);

}  // namespace parley
