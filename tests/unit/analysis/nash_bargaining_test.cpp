// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/nash_bargaining.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>

#include "support/random_scene.hpp"

namespace parley {
namespace {

using testing::scene_of;
using testing::Stance;

TEST(NashBargaining, SymmetricPairMeetsInTheMiddle) {
  const auto r = nash_bargaining(scene_of({{1, {0}, {1}}, {1, {100}, {1}}}));
  ASSERT_TRUE(r.solution) << r.reason;
  EXPECT_NEAR(r.solution->point[0], 50.0, 1e-9);
}

TEST(NashBargaining, WeightsSplitTheDistanceLikeTheLogTermsBalance) {
  // 10 log(1 - t) + log(t) peaks where 10 / (1 - t) = 1 / t: t = 1/11 of the way to the weaker one.
  const auto r = nash_bargaining(scene_of({{10, {0}, {1}}, {1, {100}, {1}}}));
  ASSERT_TRUE(r.solution);
  EXPECT_NEAR(r.solution->point[0], 100.0 / 11, 1e-7);
}

TEST(NashBargaining, DominantActorTakesItsPosition) {
  // Three actors, one holding most capability: on a line the optimum is a kink at its position.
  const auto r = nash_bargaining(scene_of({{50, {30}, {1}}, {1, {0}, {0.5}}, {1, {100}, {0.5}}}));
  ASSERT_TRUE(r.solution);
  EXPECT_NEAR(r.solution->point[0], 30.0, 1e-9);
}

TEST(NashBargaining, EqualPositionsGiveThatPosition) {
  const auto r = nash_bargaining(scene_of({{1, {40, 70}, {1, 0.5}}, {3, {40, 70}, {0.2, 1}}}, 2));
  ASSERT_TRUE(r.solution);
  EXPECT_NEAR(r.solution->point[0], 40.0, 1e-9);
  EXPECT_NEAR(r.solution->point[1], 70.0, 1e-9);
}

TEST(NashBargaining, TwoIssuesTradeOff) {
  // Each actor cares mostly about a different issue: each gets its way on the issue it cares about.
  const auto r = nash_bargaining(scene_of({{1, {0, 0}, {1, 0.2}}, {1, {100, 100}, {0.2, 1}}}, 2));
  ASSERT_TRUE(r.solution);
  EXPECT_NEAR(r.solution->point[0], 0.0, 1e-6);
  EXPECT_NEAR(r.solution->point[1], 100.0, 1e-6);
}

TEST(NashBargaining, StatusQuoThatNobodyCanImproveOnHasNoDeal) {
  // The status quo lies between the two, so any move hurts one of them.
  const auto r = nash_bargaining(scene_of({{1, {0}, {1}}, {1, {100}, {1}}}, 1, 50.0));
  EXPECT_FALSE(r.solution);
  EXPECT_FALSE(r.reason.empty());
}

TEST(NashBargaining, StatusQuoOffTheWayLeavesRoom) {
  // Both actors lie above a status quo at 0: any point between them beats it for both.
  const auto r = nash_bargaining(scene_of({{1, {60}, {1}}, {1, {80}, {1}}}, 1, 0.0));
  ASSERT_TRUE(r.solution);
  EXPECT_GE(r.solution->point[0], 60.0 - 1e-9);
  EXPECT_LE(r.solution->point[0], 80.0 + 1e-9);
}

TEST(NashBargaining, DisagreementIsTheFarEndWithoutStatusQuo) {
  const auto d = disagreement_utilities(scene_of({{1, {20}, {0.5}}, {1, {100}, {1}}}));
  EXPECT_NEAR(d[0], 1 - 0.5 * 0.8, 1e-12);
  EXPECT_NEAR(d[1], 0.0, 1e-12);
}

TEST(NashBargaining, NobodyCountsNoDeal) {
  EXPECT_FALSE(nash_bargaining(scene_of({{1, {10}, {0}}, {0, {20}, {1}}})).solution);
}

TEST(NashBargaining, OneActorGetsItsPosition) {
  const auto r = nash_bargaining(scene_of({{2, {35}, {0.4}}}));
  ASSERT_TRUE(r.solution);
  EXPECT_NEAR(r.solution->point[0], 35.0, 1e-9);
}

/// The objective at a point, from the definition, for the optimality check.
double objective(const SpatialScene& scene, const std::vector<double>& x) {
  const auto d = disagreement_utilities(scene);
  double f = 0;
  for (std::size_t i = 0; i < scene.actor_count(); ++i)
    f += scene.actors[i].capability * std::log(spatial_utility(scene, scene.actors[i], x) - d[i]);
  return f;
}

RC_GTEST_PROP(NashBargaining, InsideTheRangesOptimalAndIgnoresOrder, ()) {
  const std::size_t issues = static_cast<std::size_t>(*rc::gen::inRange(1, 4));
  auto list = *testing::random_stances(issues, 6, 1);
  const SpatialScene scene = scene_of(list, issues);
  const auto r = nash_bargaining(scene);
  RC_ASSERT(r.solution.has_value());  // the middle of the box beats every far end
  for (double x : r.solution->point)
    RC_ASSERT(x >= 0.0 && x <= 100.0);
  // No nearby point along any axis or diagonal does better.
  const double here = objective(scene, r.solution->point);
  for (std::size_t k = 0; k < issues; ++k)
    for (double step : {-0.01, 0.01, -1.0, 1.0}) {
      auto y = r.solution->point;
      y[k] = std::clamp(y[k] + step, 0.0, 100.0);
      RC_ASSERT(objective(scene, y) <= here + 1e-9);
    }
  std::reverse(list.begin(), list.end());
  const SpatialScene reversed = scene_of(list, issues);
  const auto q = nash_bargaining(reversed);
  RC_ASSERT(q.solution.has_value());
  // With several issues the optimum can be a segment; its value is unique, and on one issue the point.
  // The objective is flat (quadratically) at its peak, so a value exact to 1e-9 places the point to
  // about the square root of that: 1e-4 on the 0..100 scale.
  RC_ASSERT(std::abs(objective(reversed, q.solution->point) - here) < 1e-9);
  if (issues == 1) RC_ASSERT(std::abs(q.solution->point[0] - r.solution->point[0]) < 1e-4);
}

}  // namespace
}  // namespace parley
