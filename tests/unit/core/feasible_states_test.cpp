// SPDX-License-Identifier: Apache-2.0
#include "feasible_states.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "support/model_text.hpp"

namespace parley {
namespace {

using testing::model_from;
using testing::patterns;

TEST(FeasibleStates, CanonicalOrderAndGroups) {
  // Elmira's structure: one option each for MoE and LG, three exclusive ones for UR.
  auto model = model_from(R"(
parley: 1
parties:
  - {id: MoE, options: [modify], priorities: [modify]}
  - {id: UR, options: [delay, accept, abandon], priorities: [delay]}
  - {id: LG, options: [insist], priorities: [insist]}
mutually_exclusive: [[delay, accept, abandon]]
at_least_one: [[delay, accept, abandon]]
)");
  ASSERT_TRUE(model);
  EXPECT_EQ(patterns(*model), (std::vector<std::string>{"NYNNN", "YYNNN", "NNYNN", "YNYNN", "NNNYN", "YNNYN", "NYNNY",
                                                        "YYNNY", "NNYNY", "YNYNY", "NNNYY", "YNNYY"}));
}

TEST(FeasibleStates, InfeasibleExpressions) {
  auto model = model_from(R"(
parley: 1
parties:
  - {id: S, options: [release, escalate], priorities: [release]}
  - {id: I, options: [attack], priorities: [attack]}
infeasible: [release and escalate]
)");
  ASSERT_TRUE(model);
  EXPECT_EQ(patterns(*model), (std::vector<std::string>{"NNN", "YNN", "NYN", "NNY", "YNY", "NYY"}));
  EXPECT_EQ(model->states->index_of(0b011), std::nullopt);
  EXPECT_EQ(model->states->index_of(0b101), StateIndex{4});
}

/// A random set of rules over n options, from the three kinds.
std::vector<FeasibilityRule> random_rules(int n) {
  std::vector<FeasibilityRule> rules;
  const int count = *rc::gen::inRange(0, 5);
  for (int r = 0; r < count; ++r) {
    FeasibilityRule rule;
    const int kind = *rc::gen::inRange(0, 3);
    if (kind == 0) {
      // Infeasible: a conjunction of one to three literals.
      rule.expression.kind = Expression::Kind::And;
      const int literals = *rc::gen::inRange(1, 4);
      for (int l = 0; l < literals; ++l) {
        Expression leaf;
        leaf.option = *rc::gen::inRange(0, n);
        if (*rc::gen::arbitrary<bool>()) {
          Expression negated;
          negated.kind = Expression::Kind::Not;
          negated.operands.push_back(leaf);
          leaf = negated;
        }
        rule.expression.operands.push_back(leaf);
      }
    } else {
      rule.kind = kind == 1 ? FeasibilityRule::Kind::AtMostOne : FeasibilityRule::Kind::AtLeastOne;
      rule.group = *rc::gen::inRange<StateBits>(1, StateBits{1} << n);
    }
    rules.push_back(rule);
  }
  return rules;
}

bool brute_force_feasible(StateBits s, const std::vector<FeasibilityRule>& rules) {
  for (const auto& r : rules) {
    switch (r.kind) {
      case FeasibilityRule::Kind::Infeasible:
        if (r.expression.evaluate(s)) return false;
        break;
      case FeasibilityRule::Kind::AtMostOne:
        if (std::popcount(s & r.group) > 1) return false;
        break;
      case FeasibilityRule::Kind::AtLeastOne:
        if ((s & r.group) == 0) return false;
        break;
    }
  }
  return true;
}

RC_GTEST_PROP(FeasibleStates, ListingEqualsBruteForce, ()) {
  const int n = *rc::gen::inRange(1, 11);
  const auto rules = random_rules(n);
  std::vector<StateBits> expected;
  for (StateBits s = 0; s < (StateBits{1} << n); ++s)
    if (brute_force_feasible(s, rules)) expected.push_back(s);
  RC_ASSERT(detail::list_feasible_states(n, rules) == expected);
  const auto count = detail::count_feasible_states(n, rules, ~std::uint64_t{0} >> 1);
  RC_ASSERT(count.exact);
  RC_ASSERT(count.count == expected.size());
  // A cap below the count stops early and says so.
  if (!expected.empty()) {
    const auto capped = detail::count_feasible_states(n, rules, expected.size() - 1);
    RC_ASSERT(!capped.exact);
    RC_ASSERT(capped.count > expected.size() - 1);
  }
}

TEST(FeasibleStates, CountsHugeSpacesWithoutVisitingThem) {
  // 60 options, each pair exclusive: 3^30 states, counted pair by pair and multiplied.
  std::vector<FeasibilityRule> rules;
  for (int k = 0; k < 60; k += 2) {
    FeasibilityRule r;
    r.kind = FeasibilityRule::Kind::AtMostOne;
    r.group = StateBits{3} << k;
    rules.push_back(r);
  }
  const auto count = detail::count_feasible_states(60, rules, std::uint64_t{1} << 26);
  EXPECT_FALSE(count.exact);
  EXPECT_FALSE(count.budget_exhausted);
  const auto exact = detail::count_feasible_states(60, rules, ~std::uint64_t{0} >> 2);
  EXPECT_TRUE(exact.exact);
  std::uint64_t three_to_30 = 1;
  for (int i = 0; i < 30; ++i)
    three_to_30 *= 3;
  EXPECT_EQ(exact.count, three_to_30);
}

}  // namespace
}  // namespace parley
