// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/smp.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>

#include "support/model_text.hpp"
#include "support/random_scene.hpp"

namespace parley {
namespace {

using testing::scene_of;
using testing::Stance;

TEST(Smp, EcCarEmissionsSettlesBetweenTheCamps) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/ec-car-emissions.yaml");
  ASSERT_TRUE(r.model);
  const SmpResult result = spatial_model_of_politics(spatial_scene(*r.model));
  EXPECT_TRUE(result.converged);
  ASSERT_TRUE(result.forecast[0]);
  EXPECT_GT(*result.forecast[0], 4.0);
  EXPECT_LT(*result.forecast[0], 10.0);
  // Challenges produce bargains strictly between the positions: somebody leaves 4, 7 or 10.
  bool moved = false;
  for (const auto& p : result.trajectory.back().positions)
    moved = moved || (p[0] != 4 && p[0] != 7 && p[0] != 10);
  EXPECT_TRUE(moved);
}

TEST(Smp, WeakActorIsPulledTowardsStrongOne) {
  const SmpResult result = spatial_model_of_politics(scene_of({{10, {100}, {1}}, {1, {0}, {1}}}, 1));
  ASSERT_GE(result.rounds, 1);
  EXPECT_GT(result.trajectory[1].positions[1][0], 0.0);
  EXPECT_GT(*result.forecast[0], 50.0);
}

TEST(Smp, RoundLimitAndTrajectory) {
  const SmpResult result = spatial_model_of_politics(
      scene_of({{3, {0, 50}, {1, 0.5}}, {2, {100, 0}, {0.5, 1}}, {1, {60, 90}, {1, 1}}}, 2), {1});
  EXPECT_EQ(result.rounds, 1);
  EXPECT_EQ(result.trajectory.size(), 2U);
  EXPECT_EQ(result.trajectory[0].positions[0], (std::vector<double>{0, 50}));
}

TEST(Smp, NoSalienceNoForecastOnThatIssue) {
  const SmpResult result = spatial_model_of_politics(scene_of({{1, {10, 20}, {1, 0}}, {1, {90, 80}, {1, 0}}}, 2));
  EXPECT_TRUE(result.forecast[0]);
  EXPECT_FALSE(result.forecast[1]);
}

TEST(Smp, OneActorStaysPut) {
  const SmpResult result = spatial_model_of_politics(scene_of({{1, {30, 70}, {0.5, 1}}}, 2));
  EXPECT_TRUE(result.converged);
  EXPECT_DOUBLE_EQ(*result.forecast[0], 30.0);
  EXPECT_DOUBLE_EQ(*result.forecast[1], 70.0);
}

RC_GTEST_PROP(Smp, ForecastInsideTheRangesAndIgnoresActorOrder, ()) {
  const std::size_t issues = static_cast<std::size_t>(*rc::gen::inRange(1, 4));
  auto list = *testing::random_stances(issues, 8, 0);
  const SmpResult a = spatial_model_of_politics(scene_of(list, issues), {20});
  for (const SmpRound& round : a.trajectory)
    for (const auto& p : round.positions)
      for (double x : p)
        RC_ASSERT(std::isfinite(x) && x >= 0.0 && x <= 100.0);
  for (const auto& f : a.forecast)
    if (f) RC_ASSERT(*f >= 0.0 && *f <= 100.0);
  std::reverse(list.begin(), list.end());
  const SmpResult b = spatial_model_of_politics(scene_of(list, issues), {20});
  RC_ASSERT(a.rounds == b.rounds);
  for (std::size_t k = 0; k < issues; ++k) {
    RC_ASSERT(a.forecast[k].has_value() == b.forecast[k].has_value());
    if (a.forecast[k]) RC_ASSERT(std::abs(*a.forecast[k] - *b.forecast[k]) < 1e-6);
  }
}

RC_GTEST_PROP(Smp, EveryoneAtOnePositionIsForecastThere, ()) {
  const std::size_t issues = static_cast<std::size_t>(*rc::gen::inRange(1, 4));
  auto list = *testing::random_stances(issues, 8, 0);
  const auto where = *rc::gen::container<std::vector<int>>(issues, rc::gen::inRange(0, 101));
  for (Stance& s : list)
    for (std::size_t k = 0; k < issues; ++k)
      s.position[k] = where[k], s.salience[k] = std::max(s.salience[k], 0.1);
  const SmpResult result = spatial_model_of_politics(scene_of(list, issues));
  RC_ASSERT(result.converged);
  for (std::size_t k = 0; k < issues; ++k)
    RC_ASSERT(std::abs(*result.forecast[k] - where[k]) < 1e-9);
}

}  // namespace
}  // namespace parley
