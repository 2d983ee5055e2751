// SPDX-License-Identifier: Apache-2.0
#include "parley/core/moves.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <set>

#include "support/model_text.hpp"

namespace parley {
namespace {

std::set<std::string> moves_from(const Model& model, int party, const std::string& from) {
  std::set<std::string> out;
  MoveGenerator moves(model, party);
  moves.for_each_move(*model.states->index_of(pattern_bits(from)),
                      [&](StateIndex to) { out.insert(model.pattern(to)); });
  return out;
}

TEST(Moves, ElmiraRespectsDirectionsAndFeasibility) {
  auto model = testing::model_from(R"(
parley: 1
parties:
  - {id: MoE, options: [{id: modify, direction: take_only}], priorities: [modify]}
  - id: UR
    options: [{id: delay, direction: withdraw_only}, accept, {id: abandon, direction: take_only}]
    priorities: [delay]
  - {id: LG, options: [insist], priorities: [insist]}
mutually_exclusive: [[delay, accept, abandon]]
at_least_one: [[delay, accept, abandon]]
)");
  ASSERT_TRUE(model);
  // Uniroyal from delaying: may stop delaying and accept, or abandon; never back to delay later.
  EXPECT_EQ(moves_from(*model, 1, "NYNNN"), (std::set<std::string>{"NNYNN", "NNNYN"}));
  EXPECT_EQ(moves_from(*model, 1, "NNYNN"), (std::set<std::string>{"NNNYN"}));
  EXPECT_EQ(moves_from(*model, 1, "NNNYN"), (std::set<std::string>{}));
  // The ministry can modify but not revert.
  EXPECT_EQ(moves_from(*model, 0, "NYNNN"), (std::set<std::string>{"YYNNN"}));
  EXPECT_EQ(moves_from(*model, 0, "YYNNN"), (std::set<std::string>{}));
  EXPECT_EQ(moves_from(*model, 2, "NYNNN"), (std::set<std::string>{"NYNNY"}));
}

RC_GTEST_PROP(Moves, GeneratedMovesEqualTheDefinition, ()) {
  // Two parties with up to four options each, random directions, a random infeasible pair.
  const int a = *rc::gen::inRange(1, 5), b = *rc::gen::inRange(1, 5);
  const std::vector<std::string> directions = {"both", "take_only", "withdraw_only"};
  std::string text = "parley: 1\nparties:\n";
  std::vector<std::string> dirs;
  for (int p = 0; p < 2; ++p) {
    text += "  - id: P" + std::to_string(p) + "\n    priorities: [o0]\n    options:\n";
    for (int k = 0; k < (p == 0 ? a : b); ++k) {
      dirs.push_back(*rc::gen::elementOf(directions));
      text += "      - {id: o" + std::to_string(dirs.size() - 1) + ", direction: " + dirs.back() + "}\n";
    }
  }
  const int n = a + b;
  const int x = *rc::gen::inRange(0, n), y = *rc::gen::inRange(0, n);
  if (x != y) text += "infeasible: [o" + std::to_string(x) + " and o" + std::to_string(y) + "]\n";
  auto model = testing::model_from(text);
  RC_ASSERT(model != nullptr);
  for (int party = 0; party < 2; ++party) {
    const StateBits mask = model->parties[static_cast<std::size_t>(party)].option_mask;
    MoveGenerator moves(*model, party);
    for (StateIndex s = 0; s < model->states->size(); ++s) {
      std::set<StateIndex> generated;
      moves.for_each_move(s, [&](StateIndex t) { RC_ASSERT(generated.insert(t).second); });
      std::set<StateIndex> expected;
      for (StateIndex t = 0; t < model->states->size(); ++t) {
        const StateBits from = model->states->bits(s), to = model->states->bits(t);
        if (t == s || ((from ^ to) & ~mask) != 0) continue;
        bool legal = true;
        for (int k = 0; k < n; ++k) {
          const bool was = (from >> k) & 1U, is = (to >> k) & 1U;
          if (was && !is && dirs[static_cast<std::size_t>(k)] == "take_only") legal = false;
          if (!was && is && dirs[static_cast<std::size_t>(k)] == "withdraw_only") legal = false;
        }
        if (legal) expected.insert(t);
      }
      RC_ASSERT(generated == expected);
    }
  }
}

}  // namespace
}  // namespace parley
