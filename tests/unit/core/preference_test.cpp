// SPDX-License-Identifier: Apache-2.0
#include "parley/core/preference.hpp"

#include <gtest/gtest.h>

#include "support/model_text.hpp"

namespace parley {
namespace {

TEST(Preference, LevelsFromValuesKeepTies) {
  const auto p = Preference::from_values(std::vector<double>{2.5, -1, 2.5, 7}, Preference::Source::Payoffs);
  EXPECT_EQ(p.levels(), (std::vector<std::uint32_t>{1, 0, 1, 2}));
  EXPECT_EQ(p.level_count(), 3U);
  EXPECT_TRUE(p.prefers(3, 0));
  EXPECT_FALSE(p.prefers(0, 2));
  EXPECT_EQ(p.ranking(), (std::vector<std::vector<StateIndex>>{{3}, {0, 2}, {1}}));
}

TEST(Preference, PrioritiesWeighStatementsByPowersOfTwo) {
  // Syria-Iraq structure. Statements: (1) not escalate, (2) attack if release, (3) release.
  // Payoffs: NNN 4+2=6, YNN 4+0+1=5, NYN 0+2=2, NNY 4+2=6, YNY 4+2+1=7, NYY 0+2=2.
  auto model = testing::model_from(R"(
parley: 1
parties:
  - id: S
    options: [release, escalate]
    priorities: [not escalate, attack if release, release]
  - {id: I, options: [attack], ranking: [NNN, YNN, NYN, NNY, YNY, NYY]}
infeasible: [release & escalate]
)");
  ASSERT_TRUE(model);
  const auto& p = model->preferences[0];
  EXPECT_EQ(p.source(), Preference::Source::Priorities);
  // Levels: 7 -> 3, 6 -> 2, 5 -> 1, 2 -> 0.
  EXPECT_EQ(p.levels(), (std::vector<std::uint32_t>{2, 1, 0, 2, 3, 0}));
  // The ranking form: most preferred first, a strict order from the list order.
  EXPECT_EQ(model->preferences[1].levels(), (std::vector<std::uint32_t>{5, 4, 3, 2, 1, 0}));
}

TEST(Preference, RankingTiesAndPayoffs) {
  auto model = testing::model_from(R"(
parley: 1
parties:
  - {id: A, options: [a], ranking: [[NY, YN], YY, NN]}
  - {id: B, options: [b], payoffs: {NN: 0, YN: 0.5, NY: -3, YY: 0.5}}
)");
  ASSERT_TRUE(model);
  EXPECT_EQ(model->preferences[0].levels(), (std::vector<std::uint32_t>{0, 2, 2, 1}));
  EXPECT_EQ(model->preferences[1].levels(), (std::vector<std::uint32_t>{1, 2, 0, 2}));
}

}  // namespace
}  // namespace parley
