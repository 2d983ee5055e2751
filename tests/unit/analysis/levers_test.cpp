// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/levers.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>
#include <numeric>
#include <set>

#include "parley/analysis/inverse.hpp"
#include "parley/analysis/stability.hpp"
#include "support/model_text.hpp"
#include "support/random_conflict.hpp"

namespace parley {
namespace {

std::shared_ptr<const Model> model_of(const testing::RandomConflict& conflict) {
  std::vector<std::size_t> order(conflict.parties.size());
  std::iota(order.begin(), order.end(), 0);
  return read_model_text(conflict.yaml(order, false), "random").model;
}

/// Brute-force Kendall distance: pairs strictly ordered one way before and the other way after.
std::uint64_t brute_kendall(const Preference& before, const Preference& after) {
  std::uint64_t n = 0;
  for (StateIndex a = 0; a < before.levels().size(); ++a)
    for (StateIndex b = 0; b < before.levels().size(); ++b)
      n += before.prefers(a, b) && after.prefers(b, a);
  return n;
}

/// Party 0's levels and the equilibria, after the model is written again with party 0's
/// priorities replaced by `priorities` and read back: an independent path through the reader and
/// the stability engine.
struct Outcome {
  std::vector<std::uint32_t> levels;
  std::vector<bool> equilibrium;  ///< per concept: the target is an equilibrium
};
std::optional<Outcome> outcome_with(testing::RandomConflict conflict, const std::vector<std::string>& priorities,
                                    StateIndex target) {
  conflict.parties[0].priorities = priorities;
  const auto model = model_of(conflict);
  if (!model) return std::nullopt;
  Progress progress;
  CancelToken cancel;
  const StabilityResult r = analyze_stability(*model, {basic_concepts()}, progress, cancel);
  Outcome out{model->preferences[0].levels(), {}};
  for (Concept c : basic_concepts())
    out.equilibrium.push_back(r.equilibria(c)[target]);
  return out;
}

RC_GTEST_PROP(Levers, EveryLeverWorksAndNoneIsMissed, ()) {
  auto conflict = testing::random_conflict(3, 6);
  const auto ids = conflict.option_ids();
  conflict.parties[0].preference_kind = "priorities";
  const int statements = *rc::gen::inRange(1, 4);
  conflict.parties[0].priorities.clear();
  for (int k = 0; k < statements; ++k) {
    // Literals, conjunctions and the statement forms, so that negation meets every shape.
    const int shape = *rc::gen::inRange(0, 4);
    const std::string a = testing::random_literal(ids), b = testing::random_literal(ids);
    conflict.parties[0].priorities.push_back(shape == 0   ? a
                                             : shape == 1 ? a + " and " + b
                                             : shape == 2 ? a + " if " + b
                                                          : a + " iff " + b);
  }
  const auto model = model_of(conflict);
  RC_ASSERT(model != nullptr);
  const auto target = *rc::gen::inRange<StateIndex>(0, static_cast<StateIndex>(model->states->size()));
  CancelToken cancel;
  const LeverResult result = find_levers(*model, {target, {0}, basic_concepts()}, cancel);
  RC_ASSERT(result.notes.empty());

  // Every lever, written out and read back, has the distance claimed and makes the target an
  // equilibrium under its concept.
  std::vector<std::set<std::vector<std::uint32_t>>> found(4);
  for (std::size_t k = 0; k < 4; ++k)
    for (const Lever& lever : result.concepts[k].levers) {
      const auto outcome = outcome_with(conflict, lever.priorities, target);
      RC_ASSERT(outcome.has_value());
      RC_ASSERT(outcome->equilibrium[k]);
      const Preference after = Preference::from_values(outcome->levels, Preference::Source::Priorities);
      RC_ASSERT(lever.distance == brute_kendall(model->preferences[0], after));
      RC_ASSERT(lever.distance == kendall_distance(model->preferences[0], after));
      RC_ASSERT(outcome->levels != model->preferences[0].levels());
      found[k].insert(outcome->levels);
    }

  // Brute force: every single change, made on the statement texts.
  const std::vector<std::string>& today = conflict.parties[0].priorities;
  std::vector<std::vector<std::string>> changes;
  for (std::size_t j = 0; j < today.size(); ++j)
    for (std::size_t place = 0; place < today.size(); ++place) {
      if (place == j) continue;
      auto v = today;
      const std::string moved = v[j];
      v.erase(v.begin() + static_cast<std::ptrdiff_t>(j));
      v.insert(v.begin() + static_cast<std::ptrdiff_t>(place), moved);
      changes.push_back(v);
    }
  for (std::size_t j = 0; j < today.size() && today.size() > 1; ++j) {
    auto v = today;
    v.erase(v.begin() + static_cast<std::ptrdiff_t>(j));
    changes.push_back(v);
  }
  for (std::size_t j = 0; j < today.size(); ++j) {
    // The negation, by hand: (A if B) -> B and not A; (A iff B) -> A iff not B; else not (S).
    auto v = today;
    const std::string& s = today[j];
    if (auto at = s.find(" iff "); at != std::string::npos)
      v[j] = s.substr(0, at) + " iff not (" + s.substr(at + 5) + ")";
    else if (auto at_if = s.find(" if "); at_if != std::string::npos)
      v[j] = "(" + s.substr(at_if + 4) + ") and not (" + s.substr(0, at_if) + ")";
    else
      v[j] = "not (" + s + ")";
    changes.push_back(v);
  }
  for (const std::string& id : ids)
    for (const std::string& literal : {id, "not " + id}) {
      if (std::find(today.begin(), today.end(), literal) != today.end()) continue;
      for (std::size_t place = 0; place <= today.size(); ++place) {
        auto v = today;
        v.insert(v.begin() + static_cast<std::ptrdiff_t>(place), literal);
        changes.push_back(v);
      }
    }
  std::vector<std::set<std::vector<std::uint32_t>>> expected(4);
  for (const auto& v : changes) {
    const auto outcome = outcome_with(conflict, v, target);
    RC_ASSERT(outcome.has_value());
    if (outcome->levels == model->preferences[0].levels()) continue;
    for (std::size_t k = 0; k < 4; ++k)
      if (outcome->equilibrium[k]) expected[k].insert(outcome->levels);
  }
  for (std::size_t k = 0; k < 4; ++k) {
    RC_ASSERT(found[k] == expected[k]);
    // Each resulting ranking once, smallest distance first.
    RC_ASSERT(found[k].size() == result.concepts[k].levers.size());
    const auto& levers = result.concepts[k].levers;
    RC_ASSERT(std::is_sorted(levers.begin(), levers.end(),
                             [](const Lever& a, const Lever& b) { return a.distance < b.distance; }));
  }
}

TEST(Levers, PartiesWithoutPrioritiesAreNamedInANote) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/elmira.yaml");
  ASSERT_TRUE(r.model);
  CancelToken cancel;
  // Elmira's parties are given by rankings in the catalog, not priorities.
  const LeverResult result = find_levers(*r.model, {0, {0}, basic_concepts()}, cancel);
  ASSERT_EQ(result.notes.size(), 1U);
  EXPECT_NE(result.notes[0].find("MoE"), std::string::npos) << result.notes[0];
}

TEST(Levers, HandWorkedTwoPartyCase) {
  // A wants a taken; B wants b not taken. Target NN (neither). A leaves NN for YN today.
  // Nash: only reversing A's concern works ("not a", 4 pairs reversed). Adding "not b" as A's
  // first concern also works under GMR, 1 pair reversed: A's payoffs become NN 2, YN 3, YY 1,
  // NY 0, and B's reply from YN to YY leaves A worse than at NN. Under SEQ that reply is no
  // improvement for B (it wants b not taken), so only the reversal works there.
  auto model = testing::model_from(
      "parley: 1\nparties:\n  - {id: A, options: [a], priorities: [a]}\n"
      "  - {id: B, options: [b], priorities: [not b]}\n");
  ASSERT_TRUE(model);
  const StateIndex nn = *model->states->index_of(pattern_bits("NN"));
  CancelToken cancel;
  const LeverResult r = find_levers(*model, {nn, {0}, {Concept::Nash, Concept::GMR, Concept::SEQ}}, cancel);
  auto listed = [&](std::size_t k) {
    std::vector<std::pair<std::vector<std::string>, std::uint64_t>> out;
    for (const Lever& lever : r.concepts[k].levers)
      out.emplace_back(lever.priorities, lever.distance);
    return out;
  };
  using Listed = std::vector<std::pair<std::vector<std::string>, std::uint64_t>>;
  EXPECT_EQ(listed(0), (Listed{{{"not a"}, 4}}));
  EXPECT_EQ(listed(1), (Listed{{{"not b", "a"}, 1}, {{"not a"}, 4}}));
  EXPECT_EQ(listed(2), (Listed{{{"not a"}, 4}}));
  EXPECT_EQ(r.concepts[1].levers[0].edit.kind, PriorityEdit::Kind::Add);
  EXPECT_EQ(r.concepts[1].levers[0].edit.place, 0U);
  EXPECT_EQ(r.concepts[1].levers[1].edit.kind, PriorityEdit::Kind::Negate);
}

}  // namespace
}  // namespace parley
