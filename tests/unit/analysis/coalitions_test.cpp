// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/coalitions.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>
#include <numeric>

#include "parley/analysis/paths.hpp"
#include "support/model_text.hpp"
#include "support/random_conflict.hpp"
#include "support/reference_coalitions.hpp"
#include "support/to_reference.hpp"

namespace parley {
namespace {

std::shared_ptr<const Model> random_model(int max_parties = 4, int max_options = 8) {
  const auto conflict = testing::random_conflict(max_parties, max_options);
  std::vector<std::size_t> order(conflict.parties.size());
  std::iota(order.begin(), order.end(), 0);
  return read_model_text(conflict.yaml(order, false), "random").model;
}

constexpr std::pair<CoalitionConcept, reference::CoalitionConcept> kConcepts[] = {
    {CoalitionConcept::CNash, reference::CoalitionConcept::cnash},
    {CoalitionConcept::CGMR, reference::CoalitionConcept::cgmr},
    {CoalitionConcept::CSMR, reference::CoalitionConcept::csmr},
    {CoalitionConcept::CSEQ, reference::CoalitionConcept::cseq}};

std::vector<int> members_of(const StateSet& set) {
  std::vector<int> out;
  for (StateIndex s = 0; s < set.size(); ++s)
    if (set[s]) out.push_back(static_cast<int>(s));
  return out;
}

RC_GTEST_PROP(Coalitions, ImprovementsEqualTheReferenceAndJointMovesAreLegal, ()) {
  const auto conflict = testing::random_conflict();
  std::vector<std::size_t> order(conflict.parties.size());
  std::iota(order.begin(), order.end(), 0);
  auto model = read_model_text(conflict.yaml(order, false), "random").model;
  RC_ASSERT(model != nullptr);
  const auto ref = testing::to_reference(*model);
  for (Coalition c : all_coalitions(*model))
    for (StateIndex s = 0; s < model->states->size(); ++s) {
      std::vector<int> ours;
      for (const JointMove& jm : coalitional_improvements(*model, c, s)) {
        ours.push_back(static_cast<int>(jm.to));
        RC_ASSERT(!jm.steps.empty() && jm.steps.back().to == jm.to);
        for (std::size_t k = 0; k < jm.steps.size(); ++k) {
          RC_ASSERT(((c >> jm.steps[k].party) & 1U) != 0U);                  // only members move
          if (k > 0) RC_ASSERT(jm.steps[k].party != jm.steps[k - 1].party);  // never twice in a row
        }
      }
      auto theirs = reference::coalition_improvements(ref, c, static_cast<int>(s));
      std::sort(theirs.begin(), theirs.end());
      RC_ASSERT(ours == theirs);
    }
}

RC_GTEST_PROP(Coalitions, StabilityConceptsEqualTheReference, ()) {
  const auto conflict = testing::random_conflict(3, 7);
  std::vector<std::size_t> order(conflict.parties.size());
  std::iota(order.begin(), order.end(), 0);
  auto model = read_model_text(conflict.yaml(order, false), "random").model;
  RC_ASSERT(model != nullptr);
  const auto ref = testing::to_reference(*model);
  const std::pair<CoalitionConcept, reference::CoalitionConcept> concepts[] = {
      {CoalitionConcept::CNash, reference::CoalitionConcept::cnash},
      {CoalitionConcept::CGMR, reference::CoalitionConcept::cgmr},
      {CoalitionConcept::CSMR, reference::CoalitionConcept::csmr},
      {CoalitionConcept::CSEQ, reference::CoalitionConcept::cseq}};
  for (Coalition c : all_coalitions(*model))
    for (StateIndex s = 0; s < model->states->size(); ++s)
      for (const auto& [ours, theirs] : concepts) {
        std::vector<int> undeterred;
        for (const JointMove& jm : undeterred_coalitional_improvements(*model, ours, c, s))
          undeterred.push_back(static_cast<int>(jm.to));
        auto expected = reference::undeterred_improvements(ref, theirs, c, static_cast<int>(s));
        std::sort(expected.begin(), expected.end());
        RC_ASSERT(undeterred == expected);
      }
}

TEST(Coalitions, ElmiraTextbookFiveIsNotCoalitionallyStableEightIs) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/elmira.yaml");
  ASSERT_TRUE(r.model);
  const Model& m = *r.model;
  std::string why;
  const Coalition moe_ur = parse_coalition(m, "MoE+UR", why);
  const StateIndex five = *m.states->index_of(pattern_bits("NYNNY"));
  const StateIndex eight = *m.states->index_of(pattern_bits("YNYNY"));
  for (CoalitionConcept c :
       {CoalitionConcept::CNash, CoalitionConcept::CGMR, CoalitionConcept::CSMR, CoalitionConcept::CSEQ}) {
    const auto undeterred = undeterred_coalitional_improvements(m, c, moe_ur, five);
    ASSERT_EQ(undeterred.size(), 1U);  // the joint move to 8 is deterred under no concept
    EXPECT_EQ(undeterred[0].to, eight);
    EXPECT_TRUE(undeterred_coalitional_improvements(m, c, moe_ur, eight).empty());
  }
}

TEST(Coalitions, ParsingAndNames) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/elmira.yaml");
  ASSERT_TRUE(r.model);
  std::string why;
  EXPECT_EQ(parse_coalition(*r.model, "UR,MoE", why), Coalition{0b011});
  EXPECT_EQ(coalition_name(*r.model, 0b101), "MoE+LG");
  EXPECT_EQ(parse_coalition(*r.model, "UR", why), Coalition{0});
  EXPECT_EQ(why, "a coalition needs two or more parties");
  EXPECT_EQ(all_coalitions(*r.model), (std::vector<Coalition>{0b011, 0b101, 0b110, 0b111}));
}

RC_GTEST_PROP(Coalitions, EffectsAndStructuresEqualTheReferenceReport, ()) {
  const auto model = random_model(3, 7);
  RC_ASSERT(model != nullptr);
  const auto ref = testing::to_reference(*model);
  Progress progress;
  CancelToken cancel;
  const StabilityResult individual =
      analyze_stability(*model, {{Concept::Nash, Concept::GMR, Concept::SMR, Concept::SEQ}}, progress, cancel);
  // A random coalition structure: each party joins block 0, 1 or 2.
  std::vector<Coalition> blocks(3, 0);
  for (std::size_t i = 0; i < model->parties.size(); ++i)
    blocks[*rc::gen::inRange<std::size_t>(0, 3)] |= Coalition{1} << i;
  std::vector<Coalition> structure;
  for (Coalition b : blocks)
    if (std::popcount(b) >= 2) structure.push_back(b);
  const CoalitionReport report = analyze_coalitions(*model, individual, all_coalitions(*model), structure, cancel);
  RC_ASSERT(report.stability.concepts.size() == 4U);
  for (std::size_t k = 0; k < 4; ++k) {
    const auto& [ours, theirs] = kConcepts[k];
    RC_ASSERT(report.stability.concepts[k] == ours);
    for (const CoalitionEffect& effect : report.effects[k]) {
      const reference::CoalitionReport expected = reference::coalition_report(ref, theirs, effect.coalition);
      std::vector<int> destroyed, created;
      for (const auto& [s, moves] : effect.destroyed) {
        destroyed.push_back(static_cast<int>(s));
        RC_ASSERT(!moves.empty());  // the joint moves that unsettle it
        for (const JointMove& jm : moves)
          RC_ASSERT(every_member_prefers(*model, effect.coalition, jm.to, s));
      }
      for (const CreatedEquilibrium& c : effect.created) {
        created.push_back(static_cast<int>(c.state));
        // The member named was unstable alone, by a unilateral improvement the coalition forgoes.
        RC_ASSERT(((effect.coalition >> c.member) & 1U) != 0U);
        RC_ASSERT(!individual.stable(individual_concept(ours), c.member)[c.state]);
        RC_ASSERT(model->preferences[static_cast<std::size_t>(c.member)].prefers(c.forgone, c.state));
      }
      std::vector<int> expected_destroyed;
      for (const auto& d : expected.destroyed)
        expected_destroyed.push_back(d.state);
      RC_ASSERT(destroyed == expected_destroyed);
      RC_ASSERT(created == expected.created);
    }
    // The structure's equilibria (all singletons when no block has two parties).
    std::vector<Coalition> partition = structure;
    Coalition grouped = 0;
    for (Coalition b : structure)
      grouped |= b;
    for (std::size_t i = 0; i < model->parties.size(); ++i)
      if (((grouped >> i) & 1U) == 0) partition.push_back(Coalition{1} << i);
    const auto expected = reference::structure_equilibria(ref, theirs, partition);
    if (structure.empty())
      RC_ASSERT(report.structure.empty());
    else
      RC_ASSERT(members_of(report.structure[k]) == expected);
  }
}

TEST(Coalitions, ElmiraMinistryAndUniroyalCreateEquilibria) {
  // MoE+UR acting as one forgo unilateral improvements a partner dislikes. In 9 NNYNY Uniroyal has
  // accepted the order and LG insists; alone, Uniroyal would rather abandon (11 NNNYY), and nothing
  // deters it under Nash, so 9 is no equilibrium. The ministry prefers 9 to 11, so the coalition
  // does not make that move, has no other it both prefer, and LG does not improve: CNash-stable.
  // Under GMR and SEQ 3 NNYNN (accepted, LG not insisting) becomes stable the same way.
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/elmira.yaml");
  ASSERT_TRUE(r.model);
  const Model& m = *r.model;
  std::string why;
  const Coalition moe_ur = parse_coalition(m, "MoE+UR", why);
  Progress progress;
  CancelToken cancel;
  const StabilityResult individual =
      analyze_stability(m, {{Concept::Nash, Concept::GMR, Concept::SMR, Concept::SEQ}}, progress, cancel);
  const CoalitionReport report = analyze_coalitions(m, individual, {moe_ur}, {moe_ur}, cancel);
  auto created = [&](std::size_t k) {
    std::vector<std::string> out;
    for (const CreatedEquilibrium& c : report.effects[k][0].created)
      out.push_back(m.pattern(c.state));
    return out;
  };
  EXPECT_EQ(created(0), (std::vector<std::string>{"NNYNY"}));           // CNash
  EXPECT_EQ(created(1), (std::vector<std::string>{"NNYNN", "NNYNY"}));  // CGMR
  EXPECT_EQ(created(3), (std::vector<std::string>{"NNYNN", "NNYNY"}));  // CSEQ
  // The structure MoE+UR, LG alone: CNash equilibria are the Nash ones MoE+UR keep, plus NNYNY.
  const auto nash = members_of(individual.equilibria(Concept::Nash));
  std::vector<int> kept;
  for (int s : nash)
    if (report.stability.stable[0][0][static_cast<StateIndex>(s)]) kept.push_back(s);
  kept.push_back(static_cast<int>(*m.states->index_of(pattern_bits("NNYNY"))));
  std::sort(kept.begin(), kept.end());
  EXPECT_EQ(members_of(report.structure[0]), kept);
}

/// The number of shortest paths of steps (unilateral improvements and the coalitions' coalitional
/// improvements) from `from` to every state, by dynamic programming over the brute-force layers.
std::vector<std::uint64_t> brute_force_path_counts(const Model& model, StateIndex from,
                                                   const std::vector<Coalition>& coalitions) {
  const std::size_t n = model.states->size();
  // steps[a][b]: how many different steps lead from a to b.
  std::vector<std::vector<int>> steps(n, std::vector<int>(n, 0));
  for (StateIndex a = 0; a < n; ++a)
    for (StateIndex b = 0; b < n; ++b) {
      if (a == b) continue;
      for (std::size_t i = 0; i < model.parties.size(); ++i) {
        const Coalition alone = Coalition{1} << i;
        const auto moves = coalitional_moves(model, alone, a);
        if (model.preferences[i].level_count() > 0 && model.preferences[i].prefers(b, a) &&
            std::any_of(moves.begin(), moves.end(), [&](const JointMove& jm) { return jm.to == b; }))
          ++steps[a][b];
      }
      for (Coalition h : coalitions) {
        const auto moves = coalitional_moves(model, h, a);
        if (every_member_prefers(model, h, b, a) &&
            std::any_of(moves.begin(), moves.end(), [&](const JointMove& jm) { return jm.to == b; }))
          ++steps[a][b];
      }
    }
  std::vector<int> distance(n, -1);
  std::vector<std::uint64_t> count(n, 0);
  distance[from] = 0;
  count[from] = 1;
  for (int layer = 0;; ++layer) {
    bool grew = false;
    for (StateIndex b = 0; b < n; ++b) {
      if (distance[b] >= 0) continue;
      std::uint64_t ways = 0;
      for (StateIndex a = 0; a < n; ++a)
        if (distance[a] == layer) ways += count[a] * static_cast<std::uint64_t>(steps[a][b]);
      if (ways > 0) count[b] = ways;
    }
    for (StateIndex b = 0; b < n; ++b)
      if (distance[b] < 0 && count[b] > 0) {
        distance[b] = layer + 1;
        grew = true;
      }
    if (!grew) break;
  }
  return count;
}

RC_GTEST_PROP(Coalitions, AllShortestPathsWithCoalitionsAreValidDistinctAndComplete, ()) {
  const auto model = random_model(3, 6);
  RC_ASSERT(model != nullptr);
  const std::vector<Coalition> coalitions = all_coalitions(*model);
  const auto from = *rc::gen::inRange<StateIndex>(0, static_cast<StateIndex>(model->states->size()));
  Progress progress;
  CancelToken cancel;
  const PathsResult reach = status_quo_paths(*model, from, progress, cancel, coalitions);
  const auto expected = brute_force_path_counts(*model, from, coalitions);
  for (const ReachableState& r : reach.reachable) {
    const AllShortestPaths all = all_shortest_paths(*model, from, r.state, 100000, cancel, coalitions);
    RC_ASSERT(all.moves == r.moves);
    RC_ASSERT(!all.truncated);
    RC_ASSERT(all.paths.size() == expected[r.state]);
    std::set<std::vector<std::pair<Coalition, std::pair<int, StateIndex>>>> distinct;
    for (const auto& path : all.paths) {
      RC_ASSERT(static_cast<int>(path.size()) == r.moves);
      StateIndex at = from;
      std::vector<std::pair<Coalition, std::pair<int, StateIndex>>> key;
      for (const PathStep& step : path) {
        if (step.coalition == 0) {
          RC_ASSERT(model->preferences[static_cast<std::size_t>(step.party)].prefers(step.to, at));
        } else {
          const auto improvements = coalitional_improvements(*model, step.coalition, at);
          RC_ASSERT(std::any_of(improvements.begin(), improvements.end(),
                                [&](const JointMove& jm) { return jm.to == step.to; }));
        }
        key.push_back({step.coalition, {step.party, step.to}});
        at = step.to;
      }
      RC_ASSERT(at == r.state);
      RC_ASSERT(distinct.insert(key).second);
    }
  }
}

}  // namespace
}  // namespace parley
