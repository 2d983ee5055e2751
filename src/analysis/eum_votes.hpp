// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The votes of the expected-utility model (eum.cpp) on one issue, shared with its tests, which
/// check the fast sums against a sum over voters written from the definition.

#include <cstddef>
#include <vector>

namespace parley::detail {

/// The distinct positions on one issue and, per pair of them, the logarithms that the model's
/// powers are taken of: x^r = exp(r log x), so each logarithm serves every actor's exponent.
struct EumSpots {
  std::vector<double> spots;              ///< ascending
  double width = 1;                       ///< the issue's range: distances are shares of it
  std::vector<std::size_t> spot_of;       ///< per actor
  std::vector<double> count;              ///< per spot: how many actors hold it
  std::vector<double> distance;           ///< [a * m + b]: |spot_a - spot_b| / width
  std::vector<double> log_distance;       ///< [a * m + b]: its logarithm
  std::vector<double> log_near, log_far;  ///< log(1/2 -+ distance / 2)
  /// The contest between spots a < b, [a * m + b]: spots [0, nearer_a) are nearer a, spots
  /// [nearer_b, m) nearer b, those between equidistant (the voters there abstain).
  std::vector<std::size_t> nearer_a, nearer_b;

  /// `previous`, the spots of the round before on the same issue, if any, hands over the logarithms
  /// of the pairs of spots it already had (the same values: they depend on the two positions only);
  /// it is left valid but unspecified.
  EumSpots(const std::vector<double>& x, double issue_width, EumSpots* previous = nullptr);
  [[nodiscard]] std::size_t size() const { return spots.size(); }
};

/// The positive votes for spot a against spot b, [a * m + b], summed over the voters: voter k's
/// vote is w_k ((|x_k - b| / D)^r_k - (|x_k - a| / D)^r_k) where positive, w_k = c_k s_k.
/// `voters` lists every actor once, sorted by position. O(n m + m^2).
std::vector<double> eum_positive_votes(const std::vector<double>& weight, const std::vector<double>& r,
                                       const std::vector<std::size_t>& voters, const EumSpots& spots);

}  // namespace parley::detail
