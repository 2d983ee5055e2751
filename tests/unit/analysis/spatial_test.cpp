// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/spatial.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <fmt/format.h>

#include "support/model_text.hpp"

namespace parley {
namespace {

struct Actor {
  double capability, position, salience;
  std::optional<std::pair<double, double>> red_line;
};

/// A one-issue spatial model on [0, 100] from the actors, in the given order.
std::string one_issue(const std::vector<Actor>& actors) {
  std::string text = "parley: 1\nissues: [{id: x, range: [0, 100]}]\nparties:\n";
  for (std::size_t k = 0; k < actors.size(); ++k) {
    const Actor& a = actors[k];
    text += fmt::format("  - {{id: A{}, capability: {}, positions: {{x: {}}}, salience: {{x: {}}}", k, a.capability,
                        a.position, a.salience);
    if (a.red_line) text += fmt::format(", red_lines: {{x: [{}, {}]}}", a.red_line->first, a.red_line->second);
    text += "}\n";
  }
  return text;
}

rc::Gen<Actor> actor() {
  return rc::gen::map(
      rc::gen::tuple(rc::gen::inRange(1, 100), rc::gen::inRange(0, 101), rc::gen::inRange(0, 11)),
      [](const std::tuple<int, int, int>& t) {
        return Actor{std::get<0>(t) / 10.0, static_cast<double>(std::get<1>(t)), std::get<2>(t) / 10.0, std::nullopt};
      });
}

TEST(Spatial, EcCarEmissionsMedianAndCompromise) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/ec-car-emissions.yaml");
  ASSERT_TRUE(r.model);
  const auto p = predict_spatial(*r.model);
  ASSERT_EQ(p.issues.size(), 1U);
  EXPECT_DOUBLE_EQ(*p.issues[0].median, 7.0);
  // (4 x 0.248 + 7 x 0.093 + 10 x 0.336) / 0.677
  EXPECT_NEAR(*p.issues[0].compromise, 5.003 / 0.677, 1e-12);
  EXPECT_NEAR(*p.issues[0].compromise, 7.39, 0.005);
  EXPECT_TRUE(p.agreement_possible);
}

TEST(Spatial, EcCarEmissionsDynamicModels) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/ec-car-emissions.yaml");
  ASSERT_TRUE(r.model);
  const auto p = predict_spatial(*r.model, SpatialOptions{5});
  // Nash bargaining: the kink at 7 years, where the Belgian, Irish and Greek terms sit.
  ASSERT_TRUE(p.nbs.solution);
  EXPECT_NEAR(p.nbs.solution->point[0], 7.0, 1e-9);
  EXPECT_EQ(p.eum.rounds, 5);
  EXPECT_EQ(p.eum.trajectory.size(), 6U);
  EXPECT_GT(*p.eum.forecast[0], 9.0);
  ASSERT_TRUE(p.smp.forecast[0]);
  EXPECT_GT(*p.smp.forecast[0], 4.0);
  EXPECT_LT(*p.smp.forecast[0], 10.0);
  EXPECT_LE(p.smp.rounds, 5);
}

TEST(Spatial, DynamicModelsHandleZeroSalience) {
  auto model = testing::model_from(one_issue({{1, 10, 0, {}}, {1, 20, 0, {}}}));
  ASSERT_TRUE(model);
  const auto p = predict_spatial(*model);
  EXPECT_FALSE(p.nbs.solution);
  EXPECT_FALSE(p.nbs.reason.empty());
  EXPECT_FALSE(p.eum.forecast[0]);
  EXPECT_FALSE(p.smp.forecast[0]);
}

TEST(Spatial, MedianIsTheSmallestPositionHoldingHalfTheWeight) {
  // Weights 1, 1 at 10 and 20: half is reached at 10 exactly.
  auto model = testing::model_from(one_issue({{1, 10, 1, {}}, {1, 20, 1, {}}}));
  ASSERT_TRUE(model);
  EXPECT_DOUBLE_EQ(*predict_spatial(*model).issues[0].median, 10);
}

TEST(Spatial, ExactlyHalfTheWeightDespiteRounding) {
  // 0.3 x 1 at 10 is exactly half of 0.3 + 0.1 + 0.2, which floating point sums to just above 0.6.
  auto model = testing::model_from(one_issue({{0.3, 10, 1, {}}, {0.1, 20, 1, {}}, {0.2, 30, 1, {}}}));
  ASSERT_TRUE(model);
  EXPECT_DOUBLE_EQ(*predict_spatial(*model).issues[0].median, 10);
}

TEST(Spatial, RedLinesThatDoNotOverlapLeaveNoZone) {
  auto model = testing::model_from(one_issue({{1, 10, 1, {{0, 30}}}, {1, 90, 1, {{60, 100}}}}));
  ASSERT_TRUE(model);
  const auto p = predict_spatial(*model);
  EXPECT_FALSE(p.issues[0].zone_of_agreement);
  EXPECT_FALSE(p.agreement_possible);
}

TEST(Spatial, NoWeightNoPrediction) {
  auto model = testing::model_from(one_issue({{1, 10, 0, {}}, {1, 20, 0, {}}}));
  ASSERT_TRUE(model);
  EXPECT_FALSE(predict_spatial(*model).issues[0].median);
  EXPECT_FALSE(predict_spatial(*model).issues[0].compromise);
}

RC_GTEST_PROP(Spatial, PredictionsLieBetweenThePositionsAndIgnoreOrder, ()) {
  auto actors = *rc::gen::container<std::vector<Actor>>(static_cast<std::size_t>(*rc::gen::inRange(1, 12)), actor());
  RC_PRE(std::any_of(actors.begin(), actors.end(), [](const Actor& a) { return a.salience > 0; }));
  auto model = read_model_text(one_issue(actors), "t").model;
  RC_ASSERT(model != nullptr);
  const auto p = predict_spatial(*model).issues[0];
  double low = 100, high = 0;
  for (const Actor& a : actors)
    low = std::min(low, a.position), high = std::max(high, a.position);
  RC_ASSERT(*p.median >= low && *p.median <= high);
  RC_ASSERT(*p.compromise >= low - 1e-9 && *p.compromise <= high + 1e-9);
  std::reverse(actors.begin(), actors.end());
  const auto q = predict_spatial(*read_model_text(one_issue(actors), "t").model).issues[0];
  RC_ASSERT(*q.median == *p.median);
  RC_ASSERT(std::abs(*q.compromise - *p.compromise) < 1e-9);
}

RC_GTEST_PROP(Spatial, EveryoneAtOnePositionIsPredictedThere, ()) {
  const int position = *rc::gen::inRange(0, 101);
  auto actors = *rc::gen::container<std::vector<Actor>>(static_cast<std::size_t>(*rc::gen::inRange(1, 8)), actor());
  for (Actor& a : actors)
    a.position = position, a.salience = std::max(a.salience, 0.1);
  const auto p = predict_spatial(*read_model_text(one_issue(actors), "t").model).issues[0];
  RC_ASSERT(*p.median == position);
  RC_ASSERT(std::abs(*p.compromise - position) < 1e-9);
}

RC_GTEST_PROP(Spatial, RedLinesSharingAPointLeaveAZoneContainingIt, ()) {
  const int shared = *rc::gen::inRange(0, 101);
  auto actors = *rc::gen::container<std::vector<Actor>>(static_cast<std::size_t>(*rc::gen::inRange(1, 8)), actor());
  for (Actor& a : actors)
    a.red_line = std::make_pair(static_cast<double>(*rc::gen::inRange(0, shared + 1)),
                                static_cast<double>(*rc::gen::inRange(shared, 101)));
  const auto p = predict_spatial(*read_model_text(one_issue(actors), "t").model);
  RC_ASSERT(p.issues[0].zone_of_agreement.has_value());
  RC_ASSERT(p.issues[0].zone_of_agreement->low <= shared && shared <= p.issues[0].zone_of_agreement->high);
  RC_ASSERT(p.agreement_possible);
}

}  // namespace
}  // namespace parley
