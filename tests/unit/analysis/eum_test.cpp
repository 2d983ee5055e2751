// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/eum.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

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

// Scholz et al. (2011), Table 2, issue q1; the table's round 1 is the state after the first round of
// offers (its mean is the input's 7.39 rounded). We reproduce the weighted means to 0.1 in rounds
// 1, 2, 3, 7 and 8 and the median's rise from 7 towards 10, but not the table's medians: ours rise
// monotonically (10, 8.63, 9.03, ... 9.80) where the table has 8.4, then 9.9 for four rounds, a drop
// to 7.4 in round 6 and 8.8, 9.6 after. Round 1 sits on a knife edge: Ireland (at 7) receives equally
// distant offers from 4 and from 10, and the published descriptions do not say how such a tie is
// broken; we take the sender with the larger expected utility (10), which puts the median at 10
// (taking the first actor in the table's order instead gives 8.06). The drop in round 6 needs
// conflict outcomes that no documented reading of the appendix produces (docs/spatial.md).
TEST(Eum, EcCarEmissionsAgainstScholzTable2) {
  const EumResult result = expected_utility_model(ec_case(), {8});
  ASSERT_EQ(result.trajectory.size(), 9U);
  EXPECT_DOUBLE_EQ(*result.trajectory[0].median[0], 7.0);
  EXPECT_NEAR(*result.trajectory[0].mean[0], 5.003 / 0.677, 1e-12);
  const std::vector<double> table_mean{7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6};
  for (std::size_t round : {1U, 2U, 3U, 7U, 8U})
    EXPECT_NEAR(*result.trajectory[round].mean[0], table_mean[round - 1], 0.1) << "round " << round;
  // The medians: above the input's 7 from round 1 on and settling near 10, like the table's.
  for (std::size_t round = 1; round <= 8; ++round)
    EXPECT_GT(*result.trajectory[round].median[0], 8.0) << "round " << round;
  EXPECT_NEAR(*result.trajectory[8].median[0], 9.6, 0.25);
  // Our exact values, pinned so that a change of the model shows.
  EXPECT_NEAR(*result.trajectory[1].median[0], 10.0, 1e-9);
  EXPECT_NEAR(*result.trajectory[2].median[0], 8.628, 0.001);
  EXPECT_NEAR(*result.trajectory[8].median[0], 9.799, 0.001);
  EXPECT_NEAR(*result.trajectory[1].mean[0], 7.489, 0.001);
}

TEST(Eum, ForecastIsTheMedianOfTheFinalPositionsAndRunsSettle) {
  const EumResult result = expected_utility_model(ec_case(), {200});
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

}  // namespace
}  // namespace parley
