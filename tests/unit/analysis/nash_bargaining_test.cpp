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

TEST(NashBargaining, FindsTheDealWhenTheStatusQuoIsHardToLeave) {
  // Every actor is exactly at its disagreement utility at the status quo (18, 22), and only a
  // narrow region near actor 2's position beats it for all four (actor 2 gains 0.0018 at the
  // optimum): the search for a point inside must not give up and report no deal.
  SpatialScene scene = scene_of(
      {{2.3, {84, 51}, {0.8, 0.2}}, {0.4, {43, 100}, {0.6, 1}}, {0.4, {20, 23}, {0.9, 0.3}}, {4.5, {61, 45}, {1, 0.9}}},
      2);
  scene.issues[0].status_quo = 18, scene.issues[1].status_quo = 22;
  const auto r = nash_bargaining(scene);
  ASSERT_TRUE(r.solution) << r.reason;
  const auto d = disagreement_utilities(scene);
  for (std::size_t i = 0; i < scene.actor_count(); ++i)
    EXPECT_GT(spatial_utility(scene, scene.actors[i], r.solution->point), d[i] + 1e-3);
  EXPECT_NEAR(r.solution->point[0], 20.0, 1e-9);  // actor 2's position: a kink of the objective
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

/// How far the point is from optimal: the largest one-sided slope of the objective that points
/// uphill along an issue axis (and into the range), relative to the size of the slope's terms.
/// The objective is concave with a separable directional derivative, so 0 means optimal.
double uphill_slope(const SpatialScene& scene, const std::vector<double>& x) {
  const auto d = disagreement_utilities(scene);
  double worst = 0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    double left = 0, right = 0, size = 0;
    for (std::size_t i = 0; i < scene.actor_count(); ++i) {
      const auto& actor = scene.actors[i];
      const double w = actor.capability * actor.salience[k] / (spatial_utility(scene, actor, x) - d[i]);
      size += w;
      if (x[k] < actor.position[k]) left += w, right += w;
      if (x[k] > actor.position[k]) left -= w, right -= w;
      if (x[k] == actor.position[k]) left += w, right -= w;
    }
    if (x[k] > scene.issues[k].low) worst = std::max(worst, -left / size);
    if (x[k] < scene.issues[k].high) worst = std::max(worst, right / size);
  }
  return worst;
}

RC_GTEST_PROP(NashBargaining, WithAStatusQuoOptimalExactlyWhenADealExistsAndOrderBlind, ()) {
  const std::size_t issues = static_cast<std::size_t>(*rc::gen::inRange(1, 4));
  auto list = *testing::random_stances(issues, 6, 1);
  SpatialScene scene = scene_of(list, issues);
  for (auto& issue : scene.issues)
    issue.status_quo = *rc::gen::inRange(0, 101);
  const auto r = nash_bargaining(scene);
  if (r.solution) {
    const auto d = disagreement_utilities(scene);
    for (std::size_t i = 0; i < scene.actor_count(); ++i)
      RC_ASSERT(spatial_utility(scene, scene.actors[i], r.solution->point) > d[i]);
    RC_ASSERT(uphill_slope(scene, r.solution->point) < 1e-9);
  } else {
    RC_ASSERT(!r.reason.empty());
  }
  if (issues == 1) {
    // On one issue actor i gains on the open interval |x - p_i| < (1 - d_i) / a_i, so a deal exists
    // exactly when these intervals and the range overlap; near-touching overlaps are left alone.
    const auto d = disagreement_utilities(scene);
    double low = 0, high = 100;
    for (std::size_t i = 0; i < scene.actor_count(); ++i) {
      const auto& actor = scene.actors[i];
      const double reach = (1 - d[i]) / (actor.salience[0] / 100);
      low = std::max(low, actor.position[0] - reach), high = std::min(high, actor.position[0] + reach);
    }
    if (std::abs(high - low) > 1e-6) RC_ASSERT(r.solution.has_value() == (high > low));
  }
  // Any order of the actors gives the same answer to the bit.
  std::vector<SpatialScene::Actor> shuffled = scene.actors;
  for (std::size_t k = shuffled.size(); k > 1; --k)
    std::swap(shuffled[k - 1], shuffled[*rc::gen::inRange<std::size_t>(0, k)]);
  SpatialScene reordered = scene;
  reordered.actors = shuffled;
  const auto q = nash_bargaining(reordered);
  RC_ASSERT(q.solution.has_value() == r.solution.has_value());
  if (r.solution) {
    RC_ASSERT(q.solution->point == r.solution->point);
    RC_ASSERT(std::abs(q.solution->objective - r.solution->objective) <= 1e-12 * std::abs(r.solution->objective));
  }
}

TEST(NashBargaining, LargeSceneIsOptimalAndOrderBlind) {
  // 50 actors on 10 issues, as in one Monte Carlo sample: whole-number data from a fixed recipe.
  std::vector<Stance> list;
  for (int a = 0; a < 50; ++a) {
    Stance s{1.0 + (a * 37) % 100, {}, {}};
    for (int k = 0; k < 10; ++k) {
      s.position.push_back(10 + (a * 13 + k * 29 + a * k * 7) % 81);
      s.salience.push_back(0.2 + 0.1 * ((a + 3 * k + a * k) % 7));
    }
    list.push_back(s);
  }
  const SpatialScene scene = scene_of(list, 10);
  const auto r = nash_bargaining(scene);
  ASSERT_TRUE(r.solution) << r.reason;
  EXPECT_LT(uphill_slope(scene, r.solution->point), 1e-9);
  std::reverse(list.begin(), list.end());
  const auto q = nash_bargaining(scene_of(list, 10));
  ASSERT_TRUE(q.solution);
  EXPECT_EQ(q.solution->point, r.solution->point);
}

}  // namespace
}  // namespace parley
