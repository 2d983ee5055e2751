// SPDX-License-Identifier: Apache-2.0
#pragma once
/// What would have to change for a deal inside every red line: where an issue's red lines leave no
/// common point, the smallest widening of red lines that opens one. Red lines are per issue, so
/// each issue is opened on its own and the concessions of all closed issues together open a deal
/// on every issue at once.

#include <vector>

#include "parley/core/model.hpp"

namespace parley {

/// One party widening its red line on one issue so that it reaches `to`.
struct Concession {
  int party = 0;
  double from = 0;      ///< the red line's end nearest to `to`
  double to = 0;        ///< the common point
  double distance = 0;  ///< |to - from|, in the issue's units
};

/// The smallest concessions that open a zone of agreement on one closed issue.
struct ZoneOpening {
  int issue = 0;
  /// The common point reached. It minimises the total distance the red lines move (Σ over parties
  /// of the distance from the point to the party's red line); among such points, it needs the
  /// fewest parties to move, then the smallest largest single concession, then it is the lowest.
  double point = 0;
  double total = 0;                     ///< Σ distance
  std::vector<Concession> concessions;  ///< in party order
};

/// One opening per issue whose red lines (and range) leave no common point, in issue order; empty
/// when a deal inside every red line exists already.
std::vector<ZoneOpening> smallest_concessions(const Model& model);

}  // namespace parley
