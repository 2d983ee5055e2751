// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Bueno de Mesquita's expected-utility model of group decisions, as specified by Scholz, Calbert
/// and Smith (2011): rounds of votes, risk attitudes, challenges and offers on each issue, which move
/// the actors' positions round after round; they need not settle (the EC case cycles). Each issue is
/// run on its own, as the literature does.
/// Every choice where the specification is ambiguous is listed in docs/spatial.md.

#include <optional>
#include <vector>

#include "parley/analysis/spatial_scene.hpp"

namespace parley {

struct EumOptions {
  int rounds = 100;  ///< at most this many rounds of offers
  /// Probability an actor gives to the status quo persisting when it does not challenge (BDM's Q)
  /// and to a change without a challenge going its way (T); 1 and 1 as in Scholz et al.
  double q = 1.0;
  double t = 1.0;
};

/// The state after one round (round 0 is the input).
struct EumRound {
  std::vector<std::vector<double>> positions;  ///< [actor][issue], actors in scene order
  std::vector<std::optional<double>> median;   ///< per issue: the Condorcet winner among the positions
  std::vector<std::optional<double>> mean;     ///< per issue: sum w x / sum w, w = capability x salience
};

/// How one issue's run ended. Each issue is its own run: the rounds of one never look at another.
struct EumIssueRun {
  enum class Stop {
    round_limit,  ///< still moving at the round limit
    settled,      ///< no position moved by more than 1e-6 of the range in its last round
    /// its positions after round `rounds` equal those `cycle_length` rounds earlier (every position
    /// within 1e-9 of the range): the rounds are deterministic, so it would go round that cycle for ever
    cycle,
  };
  Stop stop = Stop::round_limit;
  int rounds = 0;        ///< the round at which it stopped (the rounds run, at the limit)
  int cycle_length = 0;  ///< for Stop::cycle
};

struct EumResult {
  /// Per issue: the forecast, the weighted median (Condorcet winner) of the final positions, or the
  /// mean of the medians over one period when the issue cycles (docs/spatial.md); nullopt when
  /// nobody gives the issue any weight.
  std::vector<std::optional<double>> forecast;
  /// Rounds in the trajectory: until every issue has stopped, or the round limit. An issue that
  /// stopped keeps its place in later rounds: a settled one stays, a cycling one goes round its cycle.
  int rounds = 0;
  bool converged = false;            ///< every issue settled
  std::vector<EumIssueRun> issues;   ///< per issue
  std::vector<EumRound> trajectory;  ///< rounds + 1 entries, the input first
};

/// The expected-utility forecast of every issue of the scene.
EumResult expected_utility_model(const SpatialScene& scene, const EumOptions& options = {});

/// The Condorcet winner among the positions under weights w (capability x salience): the smallest
/// position that no other position beats in a pairwise weighted vote, the weighted median on a
/// line. nullopt when no weight is positive.
std::optional<double> condorcet_position(const std::vector<double>& positions, const std::vector<double>& weights);

}  // namespace parley
