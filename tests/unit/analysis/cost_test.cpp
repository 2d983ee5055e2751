// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/cost.hpp"

#include <gtest/gtest.h>

#include "parley/io/generate.hpp"
#include "support/model_text.hpp"

namespace parley {
namespace {

TEST(Cost, SmallModelsCountEveryMoveExactly) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/elmira.yaml");
  ASSERT_TRUE(r.model);
  const auto cost = estimate_stability_cost(*r.model);
  EXPECT_FALSE(cost.sampled);
  // Elmira by hand: MoE can modify from the 6 states without it; LG can insist from the 6 states
  // without it; Uniroyal: from delay to accept or abandon (4 states x 2), from accept to abandon (4).
  EXPECT_DOUBLE_EQ(cost.moves, 6 + 6 + 8 + 4 + 6);
  EXPECT_GT(cost.bytes, 0U);
}

TEST(Cost, LargerModelsCostMoreAndAreSampled) {
  ReadOptions options;
  auto small = read_model_text(generate_model_yaml({5, 12, 1, 6, false}), "small", options).model;
  auto large = read_model_text(generate_model_yaml({5, 16, 1, 6, false}), "large", options).model;
  ASSERT_TRUE(small && large);
  const auto a = estimate_stability_cost(*small), b = estimate_stability_cost(*large);
  EXPECT_TRUE(b.sampled);
  EXPECT_GT(b.moves, 10 * a.moves);
  EXPECT_GT(b.bytes, 10 * a.bytes);
  EXPECT_GT(b.seconds, 10 * a.seconds);
  // Unconstrained options: every party moves to 2^m - 1 states from each of 2^16 states.
  EXPECT_NEAR(b.moves, 65536.0 * (4 * 7 + 15), 1.0);
}

}  // namespace
}  // namespace parley
