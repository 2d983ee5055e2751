// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/eum.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "eum_votes.hpp"

#include "support/model_text.hpp"

namespace parley {
namespace {

SpatialScene ec_case() {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/ec-car-emissions.yaml");
  EXPECT_TRUE(r.model);
  return r.model ? spatial_scene(*r.model) : SpatialScene{};
}

/// A one-issue scene on [0, 100] with (capability, position, salience) per actor.
SpatialScene one_issue(const std::vector<std::tuple<double, double, double>>& actors) {
  SpatialScene scene;
  scene.issues.push_back({0, 100, std::nullopt});
  for (const auto& [c, x, s] : actors)
    scene.actors.push_back({static_cast<int>(scene.actors.size()), c, {x}, {s}});
  return scene;
}

rc::Gen<std::vector<std::tuple<double, double, double>>> actors(int most) {
  return rc::gen::mapcat(rc::gen::inRange(1, most + 1), [](int n) {
    return rc::gen::container<std::vector<std::tuple<double, double, double>>>(
        static_cast<std::size_t>(n),
        rc::gen::map(rc::gen::tuple(rc::gen::inRange(1, 100), rc::gen::inRange(0, 101), rc::gen::inRange(0, 11)),
                     [](const std::tuple<int, int, int>& t) {
                       return std::make_tuple(std::get<0>(t) / 10.0, static_cast<double>(std::get<1>(t)),
                                              std::get<2>(t) / 10.0);
                     }));
  });
}

// Scholz et al. (2011), Table 2, issue q1: the weighted median and the capability x salience weighted
// mean after each of the first eight rounds of offers (the table's round 1 is the state after the first
// round; its round 0 is the input). The table prints one decimal and appears to truncate rather than
// round (our 9.96 is its 9.9 in rounds 3 to 5, our 9.67 its 9.6 in round 8), so the tolerance is 0.1.
// Every median but round 2's and every mean match. Round 2 is 9.61 here, as in the public replication
// that otherwise reproduces the table (github.com/jmckib/bdm-scholz-expected-utility-model): Belgium,
// the median voter, compromises towards France in three steps (8.42, 9.61, 9.96), and the table shows
// the third step's value already in round 2; no reading we know of gets there in two steps.
TEST(Eum, EcCarEmissionsAgainstScholzTable2) {
  const EumResult result = expected_utility_model(ec_case(), {8});
  ASSERT_EQ(result.trajectory.size(), 9U);
  EXPECT_DOUBLE_EQ(*result.trajectory[0].median[0], 7.0);
  EXPECT_NEAR(*result.trajectory[0].mean[0], 5.003 / 0.677, 1e-12);
  const std::vector<double> table_median{8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6};
  const std::vector<double> table_mean{7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6};
  for (std::size_t round = 1; round <= 8; ++round) {
    EXPECT_NEAR(*result.trajectory[round].mean[0], table_mean[round - 1], 0.1) << "round " << round;
    if (round != 2) {
      EXPECT_NEAR(*result.trajectory[round].median[0], table_median[round - 1], 0.1) << "round " << round;
    }
  }
  // Our exact values, pinned so that a change of the model shows.
  const std::vector<double> ours_median{8.416, 9.611, 9.962, 9.962, 9.962, 7.472, 8.825, 9.671};
  const std::vector<double> ours_mean{7.461, 7.553, 7.590, 7.358, 7.349, 7.415, 7.510, 7.572};
  for (std::size_t round = 1; round <= 8; ++round) {
    EXPECT_NEAR(*result.trajectory[round].median[0], ours_median[round - 1], 0.001) << "round " << round;
    EXPECT_NEAR(*result.trajectory[round].mean[0], ours_mean[round - 1], 0.001) << "round " << round;
  }
}

// Round 1 move by move: Belgium compromises towards France (its loss from challenging France, 0.115,
// is less than France's gain, 0.243, so it moves that share of the 3 years); Luxembourg loses a
// conflict to Belgium (the nearest of its lost conflicts) and Ireland one to Luxembourg; nobody else moves.
TEST(Eum, EcCarEmissionsFirstRoundMoves) {
  const SpatialScene scene = ec_case();
  const EumResult result = expected_utility_model(scene, {1});
  std::vector<double> expected;
  for (const auto& a : scene.actors)
    expected.push_back(a.position[0]);
  expected[2] = 7.0;  // Luxembourg to Belgium
  expected[7] = 4.0;  // Ireland to Luxembourg
  for (std::size_t a = 0; a < expected.size(); ++a) {
    if (a == 1) continue;
    EXPECT_DOUBLE_EQ(result.trajectory[1].positions[a][0], expected[a]) << "actor " << a;
  }
  EXPECT_NEAR(result.trajectory[1].positions[1][0], 8.416, 0.001);  // Belgium
}

// The selection among compromises goes by the sender's gain, not by where the compromise lands, so
// mirroring the scale mirrors every round (the replicated code's rule, the smallest weighted position,
// does not have this property).
TEST(Eum, MirroringTheScaleMirrorsTheRounds) {
  SpatialScene mirrored = ec_case();
  for (auto& a : mirrored.actors)
    a.position[0] = 14.0 - a.position[0];
  const EumResult a = expected_utility_model(ec_case(), {12}), b = expected_utility_model(mirrored, {12});
  ASSERT_EQ(a.trajectory.size(), b.trajectory.size());
  for (std::size_t round = 0; round < a.trajectory.size(); ++round)
    for (std::size_t actor = 0; actor < a.trajectory[round].positions.size(); ++actor)
      EXPECT_NEAR(a.trajectory[round].positions[actor][0], 14.0 - b.trajectory[round].positions[actor][0], 1e-9)
          << "round " << round << ", actor " << actor;
}

// Scholz et al. raise concerns about the model's convergence; the EC case does not settle: after the
// first eight rounds its median keeps falling back to 7 and climbing towards 10 again. Within the
// default 100 rounds no state repeats: the run stops at the round limit, and the forecast is the
// median after the last round run.
TEST(Eum, EcCarEmissionsDoesNotSettle) {
  const EumResult result = expected_utility_model(ec_case(), {100});
  EXPECT_FALSE(result.converged);
  EXPECT_EQ(result.rounds, 100);
  EXPECT_EQ(result.trajectory.size(), 101U);
  EXPECT_EQ(result.forecast[0], result.trajectory.back().median[0]);
  EXPECT_EQ(result.issues[0].stop, EumIssueRun::Stop::round_limit);
  EXPECT_EQ(result.issues[0].rounds, 100);
  for (const EumRound& round : result.trajectory) {
    EXPECT_GE(*round.median[0], 4.0);
    EXPECT_LE(*round.median[0], 10.0);
  }
}

TEST(Eum, ForecastIsTheMedianOfTheFinalPositionsAndRunsSettle) {
  const EumResult result = expected_utility_model(one_issue({{1.0, 100, 1.0}, {0.1, 0, 0.5}}), {200});
  EXPECT_TRUE(result.converged);
  EXPECT_LT(result.rounds, 200);
  EXPECT_EQ(result.trajectory.size(), static_cast<std::size_t>(result.rounds) + 1);
  EXPECT_EQ(result.forecast[0], result.trajectory.back().median[0]);
}

TEST(Eum, RoundLimitStopsEarly) {
  const EumResult result = expected_utility_model(ec_case(), {2});
  EXPECT_EQ(result.rounds, 2);
  EXPECT_FALSE(result.converged);
  EXPECT_EQ(result.trajectory.size(), 3U);
}

TEST(Eum, WeakActorMovesTowardsStrongOne) {
  // A strong, committed actor at 100 and a weak one at 0: the weak one gives way.
  const EumResult result = expected_utility_model(one_issue({{1.0, 100, 1.0}, {0.1, 0, 0.5}}), {10});
  EXPECT_GT(result.trajectory.back().positions[1][0], 0.0);
  EXPECT_DOUBLE_EQ(result.trajectory.back().positions[0][0], 100.0);
  EXPECT_DOUBLE_EQ(*result.forecast[0], 100.0);
}

TEST(Eum, NoWeightNoForecast) {
  const EumResult result = expected_utility_model(one_issue({{1.0, 10, 0.0}, {1.0, 90, 0.0}}));
  EXPECT_FALSE(result.forecast[0]);
  EXPECT_FALSE(result.trajectory[0].mean[0]);
}

TEST(Eum, OneActorStaysPut) {
  const EumResult result = expected_utility_model(one_issue({{1.0, 30, 0.7}}));
  EXPECT_TRUE(result.converged);
  EXPECT_DOUBLE_EQ(*result.forecast[0], 30.0);
}

TEST(Eum, CondorcetPositionIsTheWeightedMedian) {
  EXPECT_DOUBLE_EQ(*condorcet_position({4, 7, 10}, {0.248, 0.093, 0.336}), 7.0);
  EXPECT_DOUBLE_EQ(*condorcet_position({10, 20}, {1, 1}), 10.0);
  EXPECT_FALSE(condorcet_position({10, 20}, {0, 0}));
}

RC_GTEST_PROP(Eum, ForecastInsideTheRangeAndIgnoresActorOrder, ()) {
  auto list = *actors(9);
  RC_PRE(std::any_of(list.begin(), list.end(), [](const auto& a) { return std::get<2>(a) > 0; }));
  const EumResult a = expected_utility_model(one_issue(list), {30});
  RC_ASSERT(a.forecast[0].has_value());
  RC_ASSERT(*a.forecast[0] >= 0.0 && *a.forecast[0] <= 100.0);
  for (const EumRound& round : a.trajectory)
    for (const auto& p : round.positions)
      RC_ASSERT(std::isfinite(p[0]) && p[0] >= 0.0 && p[0] <= 100.0);
  std::reverse(list.begin(), list.end());
  const EumResult b = expected_utility_model(one_issue(list), {30});
  RC_ASSERT(std::abs(*a.forecast[0] - *b.forecast[0]) < 1e-9);
  RC_ASSERT(a.rounds == b.rounds);
}

RC_GTEST_PROP(Eum, EveryoneAtOnePositionIsForecastThere, ()) {
  auto list = *actors(8);
  const double where = *rc::gen::inRange(0, 101);
  for (auto& [c, x, s] : list)
    x = where, s = std::max(s, 0.1);
  const EumResult result = expected_utility_model(one_issue(list));
  RC_ASSERT(*result.forecast[0] == where);
  RC_ASSERT(result.converged && result.rounds == 1);
}

// Given enough rounds the EC case does cycle: the state after some round equals the state 18 rounds
// earlier, so the run would repeat those 18 rounds for ever. It stops there and forecasts the mean of
// the medians over one period (docs/spatial.md, stopping rule), 8.76 years; the outcome adopted was
// 8.83. (Not fitted: the rule was chosen before the value was known and has no parameter.) The round
// at which the run falls into the cycle depends on the last bits of the arithmetic (540 with the C
// library's exp and log, 178 with vector_math.hpp's); the cycle and its mean do not, so those are
// what is asserted.
TEST(Eum, EcCarEmissionsCyclesAndForecastsTheMeanOfTheCycle) {
  const EumResult result = expected_utility_model(ec_case(), {1000});
  EXPECT_FALSE(result.converged);
  ASSERT_EQ(result.issues[0].stop, EumIssueRun::Stop::cycle);
  EXPECT_EQ(result.issues[0].cycle_length, 18);
  EXPECT_EQ(result.issues[0].rounds, result.rounds);  // one issue: the run stops with it
  const auto last = static_cast<std::size_t>(result.rounds);
  ASSERT_GT(last, 100U);
  ASSERT_EQ(result.trajectory.size(), last + 1);
  // Positions within 1e-9 of the range (here [4, 10]) count as the same.
  const auto alike = [&](std::size_t a, std::size_t b) {
    for (std::size_t k = 0; k < result.trajectory[a].positions.size(); ++k)
      if (std::abs(result.trajectory[a].positions[k][0] - result.trajectory[b].positions[k][0]) > 6e-9) return false;
    return true;
  };
  EXPECT_TRUE(alike(last, last - 18));
  // The first repeated state: no two earlier rounds are alike.
  for (std::size_t a = 0; a < last; ++a)
    for (std::size_t b = a + 1; b < last; ++b)
      ASSERT_FALSE(alike(a, b)) << a << " " << b;
  double sum = 0;
  for (std::size_t r = last - 17; r <= last; ++r)
    sum += *result.trajectory[r].median[0];
  EXPECT_DOUBLE_EQ(*result.forecast[0], sum / 18);
  EXPECT_NEAR(*result.forecast[0], 8.759, 1e-3);
}

// A round limit that ends inside the cycle still stops at the limit, with the last median.
TEST(Eum, RoundLimitBeforeTheCycleKeepsTheLastMedian) {
  const int cycle_found = expected_utility_model(ec_case(), {1000}).rounds;
  const EumResult result = expected_utility_model(ec_case(), {cycle_found - 1});
  EXPECT_EQ(result.rounds, cycle_found - 1);
  EXPECT_EQ(result.issues[0].stop, EumIssueRun::Stop::round_limit);
  EXPECT_EQ(result.forecast[0], result.trajectory.back().median[0]);
}

// Each issue is its own run: the EC issue twice, beside an issue on which everyone agrees, gives the
// EC forecast and cycle on both copies and settles the third in one round; the run lasts as long as
// the copies do, and the settled issue stays put meanwhile.
TEST(Eum, IssuesStopOneByOne) {
  const SpatialScene ec = ec_case();
  SpatialScene scene;
  scene.issues = {ec.issues[0], ec.issues[0], {0, 1, std::nullopt}};
  for (const SpatialScene::Actor& actor : ec.actors)
    scene.actors.push_back({actor.party,
                            actor.capability,
                            {actor.position[0], actor.position[0], 0.5},
                            {actor.salience[0], actor.salience[0], 0.5}});
  const EumResult alone = expected_utility_model(ec, {1000});
  const EumResult result = expected_utility_model(scene, {1000});
  ASSERT_EQ(result.issues.size(), 3U);
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(result.issues[k].stop, EumIssueRun::Stop::cycle);
    EXPECT_EQ(result.issues[k].cycle_length, alone.issues[0].cycle_length);
    EXPECT_EQ(result.issues[k].rounds, alone.rounds);
    EXPECT_EQ(result.forecast[k], alone.forecast[0]);
  }
  EXPECT_EQ(result.issues[2].stop, EumIssueRun::Stop::settled);
  EXPECT_EQ(result.issues[2].rounds, 1);
  EXPECT_EQ(result.rounds, alone.rounds);
  EXPECT_FALSE(result.converged);
  EXPECT_EQ(*result.forecast[2], 0.5);
  for (const EumRound& round : result.trajectory)
    EXPECT_EQ(*round.median[2], 0.5);
}

// A cycling issue whose rounds are no longer computed goes on round its cycle in the trajectory while
// another issue still moves: the EC issue beside a variant of it (one salience changed) that runs on.
TEST(Eum, ACycleGoesOnInTheTrajectory) {
  const SpatialScene ec = ec_case();
  const EumResult alone = expected_utility_model(ec, {1000});
  const int found = alone.issues[0].rounds, length = alone.issues[0].cycle_length;
  SpatialScene scene;
  scene.issues = {ec.issues[0], ec.issues[0]};
  for (const SpatialScene::Actor& actor : ec.actors)
    scene.actors.push_back({actor.party,
                            actor.capability,
                            {actor.position[0], actor.position[0]},
                            {actor.salience[0], actor.salience[0]}});
  scene.actors[0].salience[1] *= 0.9;
  const EumResult both = expected_utility_model(scene, {found + 3 * length});
  ASSERT_EQ(both.issues[0].stop, EumIssueRun::Stop::cycle);
  EXPECT_EQ(both.issues[0].rounds, found);
  EXPECT_EQ(both.forecast[0], alone.forecast[0]);
  ASSERT_GT(both.rounds, found + length);  // the variant still moves after the EC issue has stopped
  for (int r = found + 1; r <= both.rounds; ++r)
    for (std::size_t a = 0; a < ec.actors.size(); ++a)
      ASSERT_EQ(both.trajectory[static_cast<std::size_t>(r)].positions[a][0],
                both.trajectory[static_cast<std::size_t>(r - length)].positions[a][0]);
}

/// The positive votes of every contest written from the definition: a sum over every voter for every
/// ordered pair of distinct positions, O(n m^2).
std::vector<double> positive_votes_by_definition(const std::vector<double>& x, const std::vector<double>& weight,
                                                 const std::vector<double>& r, const detail::EumSpots& spots) {
  const std::size_t m = spots.size();
  std::vector<double> positive(m * m, 0);
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t b = 0; b < m; ++b)
      for (std::size_t k = 0; k < x.size(); ++k) {
        if (a == b || !(weight[k] > 0)) continue;
        const double vote = weight[k] * (std::pow(std::abs(x[k] - spots.spots[b]) / spots.width, r[k]) -
                                         std::pow(std::abs(x[k] - spots.spots[a]) / spots.width, r[k]));
        if (vote > 0) positive[a * m + b] += vote;
      }
  return positive;
}

// The prefix sums over voters sorted by position give the votes of the definition, up to rounding:
// positions on a coarse grid (so that many coincide and some voters are equidistant), weights that
// may be zero, risk exponents in [0.5, 2] or exactly 1.
RC_GTEST_PROP(Eum, FastVotesEqualTheVotesOfTheDefinition, ()) {
  const int n = *rc::gen::inRange(1, 40);
  const int grid = *rc::gen::inRange(1, 30);
  std::vector<double> x, weight, r;
  for (int k = 0; k < n; ++k) {
    x.push_back(4 + 6.0 * *rc::gen::inRange(0, grid + 1) / grid);
    weight.push_back(*rc::gen::inRange(0, 5) == 0 ? 0.0 : *rc::gen::inRange(1, 1000) / 100.0);
    r.push_back(*rc::gen::inRange(0, 4) == 0 ? 1.0 : 0.5 + 1.5 * *rc::gen::inRange(0, 1001) / 1000.0);
  }
  const detail::EumSpots spots(x, 6.0);
  std::vector<std::size_t> voters(x.size());
  std::iota(voters.begin(), voters.end(), std::size_t{0});
  std::stable_sort(voters.begin(), voters.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  const std::vector<double> fast = detail::eum_positive_votes(weight, r, voters, spots);
  const std::vector<double> reference = positive_votes_by_definition(x, weight, r, spots);
  const double total = std::accumulate(weight.begin(), weight.end(), 0.0);
  RC_ASSERT(fast.size() == reference.size());
  for (std::size_t k = 0; k < fast.size(); ++k)
    RC_ASSERT(std::abs(fast[k] - reference[k]) <= 1e-12 * (1 + total));
}

// The whole model with the fast votes against the EC case's trajectory as the straightforward
// implementation computed it (session 3, before the prefix sums): the median after rounds 100, 101,
// 102 and 104, as docs/spatial.md records them.
TEST(Eum, FastPathKeepsTheRecordedEcTrajectory) {
  const EumResult result = expected_utility_model(ec_case(), {104});
  EXPECT_NEAR(*result.trajectory[100].median[0], 8.0766, 1e-4);
  EXPECT_NEAR(*result.trajectory[101].median[0], 9.21, 5e-3);
  EXPECT_NEAR(*result.trajectory[102].median[0], 9.84, 5e-3);
  EXPECT_NEAR(*result.trajectory[104].median[0], 7.0, 1e-9);
}

}  // namespace
}  // namespace parley
