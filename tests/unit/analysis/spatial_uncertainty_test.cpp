// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/spatial_uncertainty.hpp"

#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <cmath>

#include "parley/analysis/spatial.hpp"
#include "support/model_text.hpp"

namespace parley {
namespace {

const char* kOneActor = R"(parley: 1
issues: [{id: x, range: [0, 100]}]
parties:
  - {id: A, capability: 1, positions: {x: 50}, salience: {x: 1},
     uncertainty: {positions: {x: [40, 60]}}}
  - {id: B, capability: 1, positions: {x: 80}, salience: {x: 0.5}}
)";

TEST(SpatialUncertainty, WithoutIntervalsEverySampleIsThePointPrediction) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/ec-car-emissions.yaml");
  ASSERT_TRUE(r.model);
  CancelToken cancel;
  const auto sampled = sample_spatial(*r.model, {50, 3, 20, false}, cancel);
  const auto point = predict_spatial(*r.model);
  EXPECT_EQ(sampled.uncertain_numbers, 0);
  const auto& compromise = *sampled.issues[0].compromise.percentiles;
  EXPECT_DOUBLE_EQ(compromise.p5, *point.issues[0].compromise);
  EXPECT_DOUBLE_EQ(compromise.p95, *point.issues[0].compromise);
  EXPECT_EQ(sampled.issues[0].median.present, 50);
  EXPECT_FALSE(sampled.issues[0].eum.percentiles);  // dynamics off
}

TEST(SpatialUncertainty, PositionsFollowTheTriangularDistributionAroundTheStatedValue) {
  // A's position is triangular on [40, 60] with mode 50, weight 1 against B's 0.5 at 80: the
  // median is A's position. Its 5th percentile solves (x-40)^2 / (20*10) = 0.05: x = 40 + sqrt(10).
  const auto model = testing::model_from(kOneActor);
  ASSERT_TRUE(model);
  CancelToken cancel;
  const auto sampled = sample_spatial(*model, {20000, 11, 10, false}, cancel);
  EXPECT_EQ(sampled.uncertain_numbers, 1);
  const auto& median = *sampled.issues[0].median.percentiles;
  EXPECT_NEAR(median.p5, 40 + std::sqrt(10.0), 0.3);
  EXPECT_NEAR(median.p50, 50, 0.3);
  EXPECT_NEAR(median.p95, 60 - std::sqrt(10.0), 0.3);
  EXPECT_LE(median.p25, median.p50);
  EXPECT_LE(median.p50, median.p75);
}

TEST(SpatialUncertainty, TheSameSeedGivesTheSameResultsWhateverTheThreads) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/examples/ukraine-talks.yaml");
  ASSERT_TRUE(r.model);
  CancelToken cancel;
  const UncertaintyOptions options{200, 42, 30, true};
  const auto many = sample_spatial(*r.model, options, cancel);
  tbb::task_arena one_thread(1);
  const auto one = one_thread.execute([&] { return sample_spatial(*r.model, options, cancel); });
  const auto other_seed = sample_spatial(*r.model, {200, 43, 30, true}, cancel);
  ASSERT_GT(many.uncertain_numbers, 0);
  for (std::size_t i = 0; i < many.issues.size(); ++i) {
    EXPECT_EQ(many.issues[i].compromise.percentiles->p25, one.issues[i].compromise.percentiles->p25);
    EXPECT_EQ(many.issues[i].smp.percentiles->p75, one.issues[i].smp.percentiles->p75);
  }
  // Russia's capability is uncertain, so the compromise on territory varies with the seed.
  EXPECT_NE(many.issues[0].compromise.percentiles->p25, other_seed.issues[0].compromise.percentiles->p25);
}

TEST(SpatialUncertainty, IntervalsAreValidatedWhereTheyAreWritten) {
  const std::string base =
      "parley: 1\nissues: [{id: x, range: [0, 100]}]\nparties:\n"
      "  - {id: A, capability: 1, positions: {x: 50}, salience: {x: 1},\n";
  const auto first = [&](const std::string& uncertainty) {
    const auto errors = testing::errors_of(base + "     uncertainty: " + uncertainty + "}\n");
    return errors.empty() ? std::string() : errors[0].substr(0, errors[0].find('\n'));
  };
  EXPECT_EQ(first("{positions: {x: [60, 70]}}"),
            "m.yaml:5:35: error: uncertainty of the position on 'x' [60, 70] does not contain the stated value 50");
  EXPECT_EQ(first("{salience: {x: [0.5, 1.5]}}"),
            "m.yaml:5:34: error: uncertainty of the salience on 'x' [0.5, 1.5] leaves the allowed [0, 1]");
  EXPECT_EQ(first("{positions: {y: [40, 60]}}"), "m.yaml:5:32: error: unknown issue 'y' in uncertainty.positions");
  EXPECT_EQ(first("{capability: 3}"),
            "m.yaml:5:32: error: `uncertainty.capability` should be an interval [low, high], not '3'");
  EXPECT_EQ(first("{power: [1, 2]}"), "m.yaml:5:20: error: unknown key 'power' in uncertainty");
  EXPECT_EQ(first("{red_line_low: {x: [10, 20]}}"),
            "m.yaml:5:35: error: uncertainty.red_line_low on issue 'x' without a red line on it");
}

TEST(SpatialUncertainty, RedLineEndsAreValidated) {
  const std::string base =
      "parley: 1\nissues: [{id: x, range: [0, 100]}]\nparties:\n"
      "  - {id: A, capability: 1, positions: {x: 50}, salience: {x: 1}, red_lines: {x: [30, 60]},\n";
  const auto first = [&](const std::string& uncertainty) {
    const auto errors = testing::errors_of(base + "     uncertainty: " + uncertainty + "}\n");
    return errors.empty() ? std::string() : errors[0].substr(0, errors[0].find('\n'));
  };
  EXPECT_TRUE(
      testing::model_from(base + "     uncertainty: {red_line_low: {x: [20, 40]}, red_line_high: {x: [55, 70]}}}\n"));
  EXPECT_EQ(first("{red_line_low: {x: [35, 40]}}"),
            "m.yaml:5:38: error: uncertainty of the red line's lower end on 'x' [35, 40] does not contain the stated "
            "value 30");
  EXPECT_EQ(first("{red_line_high: {x: [55, 120]}}"),
            "m.yaml:5:39: error: uncertainty of the red line's upper end on 'x' [55, 120] leaves the allowed [0, 100]");
  EXPECT_EQ(first("{red_line_low: {x: [20, 56]}, red_line_high: {x: [55, 70]}}"),
            "m.yaml:5:68: error: uncertainty of the red line's upper end on 'x' [55, 70] crosses its lower end, which "
            "may be at 56");
}

TEST(SpatialUncertainty, UncertainRedLinesOpenTheZoneInTheRightShareOfSamples) {
  // A accepts [0, 50]; B's lower end is triangular on [40, 60] with mode 50, so the red lines
  // overlap exactly when B's end falls at or below 50: half the samples. The other issue is
  // always open, so the agreement share equals the zone share of x. 4000 samples: the standard
  // error is 0.008; 0.03 is more than three of them.
  const auto model = testing::model_from(R"(parley: 1
issues: [{id: x, range: [0, 100]}, {id: y, range: [0, 1]}]
parties:
  - {id: A, capability: 1, positions: {x: 20, y: 0.5}, salience: {x: 1, y: 1}, red_lines: {x: [0, 50]}}
  - {id: B, capability: 1, positions: {x: 80, y: 0.5}, salience: {x: 1, y: 1}, red_lines: {x: [50, 100]},
     uncertainty: {red_line_low: {x: [40, 60]}}}
)");
  ASSERT_TRUE(model);
  CancelToken cancel;
  const auto sampled = sample_spatial(*model, {4000, 7, 10, false}, cancel);
  EXPECT_EQ(sampled.uncertain_numbers, 1);
  ASSERT_EQ(sampled.zone_share.size(), 2U);
  EXPECT_NEAR(sampled.zone_share[0], 0.5, 0.03);
  EXPECT_DOUBLE_EQ(sampled.zone_share[1], 1.0);
  EXPECT_DOUBLE_EQ(sampled.agreement_share, sampled.zone_share[0]);
  // The stated red lines touch at 50: the point prediction has a zone.
  EXPECT_TRUE(agreement_possible(*model));
}

}  // namespace
}  // namespace parley
