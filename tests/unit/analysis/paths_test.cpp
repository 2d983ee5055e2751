// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/paths.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <numeric>

#include "support/model_text.hpp"
#include "support/random_conflict.hpp"

namespace parley {
namespace {

/// Brute force: distances by repeated relaxation over every pair of states, from the definition
/// of a unilateral improvement (only the mover's options change, in allowed directions, to a
/// feasible state it strictly prefers).
std::vector<int> brute_force_distances(const Model& model, StateIndex from) {
  const std::size_t n = model.states->size();
  auto improves = [&](StateIndex a, StateIndex b, int& who) {
    for (std::size_t i = 0; i < model.parties.size(); ++i) {
      const StateBits x = model.states->bits(a), y = model.states->bits(b);
      if (a == b || ((x ^ y) & ~model.parties[i].option_mask) != 0 || model.parties[i].option_count == 0) continue;
      bool legal = true;
      for (int k = 0; k < model.option_count(); ++k) {
        const bool was = (x >> k) & 1U, is = (y >> k) & 1U;
        const Direction d = model.options[static_cast<std::size_t>(k)].direction;
        if ((was && !is && d == Direction::TakeOnly) || (!was && is && d == Direction::WithdrawOnly)) legal = false;
      }
      if (legal && model.preferences[i].prefers(b, a)) {
        who = static_cast<int>(i);
        return true;
      }
    }
    return false;
  };
  std::vector<int> d(n, -1);
  d[from] = 0;
  for (bool changed = true; changed;) {
    changed = false;
    for (StateIndex a = 0; a < n; ++a)
      for (StateIndex b = 0; b < n; ++b) {
        int who = 0;
        if (d[a] >= 0 && improves(a, b, who) && (d[b] < 0 || d[b] > d[a] + 1)) {
          d[b] = d[a] + 1;
          changed = true;
        }
      }
  }
  return d;
}

/// True if every step of `path` is a unilateral improvement of its mover, from `from` on.
template <class Step>
bool valid_path(const Model& model, StateIndex from, const std::vector<Step>& path) {
  StateIndex at = from;
  for (const Move& m : path) {
    const StateBits x = model.states->bits(at), y = model.states->bits(m.to);
    if (((x ^ y) & ~model.parties[static_cast<std::size_t>(m.party)].option_mask) != 0) return false;
    if (!model.preferences[static_cast<std::size_t>(m.party)].prefers(m.to, at)) return false;
    at = m.to;
  }
  return true;
}

RC_GTEST_PROP(Paths, ReachableSetMovesAndPathsEqualBruteForce, ()) {
  const auto conflict = testing::random_conflict();
  std::vector<std::size_t> order(conflict.parties.size());
  std::iota(order.begin(), order.end(), 0);
  auto r = read_model_text(conflict.yaml(order, false), "random");
  RC_ASSERT(r.model != nullptr);
  const Model& model = *r.model;
  const auto from = *rc::gen::inRange<StateIndex>(0, static_cast<StateIndex>(model.states->size()));
  Progress progress;
  CancelToken cancel;
  const auto result = status_quo_paths(model, from, progress, cancel);
  const auto expected = brute_force_distances(model, from);
  std::size_t reachable = 0;
  for (int d : expected)
    reachable += d >= 0;
  RC_ASSERT(result.reachable.size() == reachable);
  for (std::size_t k = 0; k < result.reachable.size(); ++k) {
    const ReachableState& s = result.reachable[k];
    RC_ASSERT(s.moves == expected[s.state]);
    RC_ASSERT(static_cast<int>(s.path.size()) == s.moves);
    RC_ASSERT(valid_path(model, from, s.path));
    if (!s.path.empty()) RC_ASSERT(s.path.back().to == s.state);
    if (k > 0) {  // ordered by moves, then state number
      const ReachableState& p = result.reachable[k - 1];
      RC_ASSERT(p.moves < s.moves || (p.moves == s.moves && p.state < s.state));
    }
    // Every shortest path to it is valid and as short; the one kept is among them.
    const auto all = all_shortest_paths(model, from, s.state, 1000, cancel);
    RC_ASSERT(all.moves == s.moves);
    for (const auto& p : all.paths) {
      RC_ASSERT(static_cast<int>(p.size()) == s.moves);
      RC_ASSERT(valid_path(model, from, p));
    }
    if (!all.truncated)
      RC_ASSERT(std::find_if(all.paths.begin(), all.paths.end(), [&](const auto& p) {
                  return p.size() == s.path.size() &&
                         std::equal(p.begin(), p.end(), s.path.begin(),
                                    [](const Move& a, const Move& b) { return a.party == b.party && a.to == b.to; });
                }) != all.paths.end());
  }
}

TEST(Paths, UnreachableTargetHasNoPath) {
  auto model = testing::model_from(
      "parley: 1\nparties:\n  - {id: A, options: [{id: a, direction: take_only}], ranking: [YN, YY, NN, NY]}\n"
      "  - {id: B, options: [b], ranking: [NN, YN, NY, YY]}\n");
  ASSERT_TRUE(model);
  CancelToken cancel;
  // From YN (state 2) A cannot withdraw a, and B prefers to stay: nothing else is reachable.
  const auto paths = all_shortest_paths(*model, 1, 0, 10, cancel);
  EXPECT_EQ(paths.moves, -1);
  EXPECT_TRUE(paths.paths.empty());
}

TEST(Paths, ElmiraTheCoalitionCarriesTheEvolutionOnToEight) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/elmira.yaml");
  ASSERT_TRUE(r.model);
  const Model& m = *r.model;
  Progress progress;
  CancelToken cancel;
  const StateIndex five = *m.states->index_of(pattern_bits("NYNNY"));
  const StateIndex eight = *m.states->index_of(pattern_bits("YNYNY"));
  // Alone, nobody improves on textbook state 5.
  const auto alone = status_quo_paths(m, *m.status_quo, progress, cancel);
  ASSERT_EQ(alone.reachable.size(), 2U);
  EXPECT_EQ(alone.reachable[1].state, five);
  // The ministry and Uniroyal together: MoE modifies, then Uniroyal accepts; both prefer 8 to 5.
  std::string why;
  const Coalition moe_ur = parse_coalition(m, "MoE+UR", why);
  const auto together = status_quo_paths(m, *m.status_quo, progress, cancel, {moe_ur});
  const auto it = std::find_if(together.reachable.begin(), together.reachable.end(),
                               [&](const ReachableState& s) { return s.state == eight; });
  ASSERT_NE(it, together.reachable.end());
  ASSERT_EQ(it->path.size(), 2U);
  EXPECT_EQ(it->path[1].coalition, moe_ur);
  ASSERT_EQ(it->path[1].joint.size(), 2U);
  EXPECT_EQ(m.pattern(it->path[1].joint[0].to), "YYNNY");
  EXPECT_EQ(m.pattern(it->path[1].joint[1].to), "YNYNY");
  EXPECT_EQ(coalitional_improvements(m, moe_ur, five).size(), 1U);
}

}  // namespace
}  // namespace parley
