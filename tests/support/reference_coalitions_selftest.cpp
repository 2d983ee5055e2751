// SPDX-License-Identifier: Apache-2.0
/// Self-test of the brute-force coalition reference (reference_coalitions.hpp). The published Elmira conflict
/// (and the Prisoner's Dilemma) are built here BY HAND, with the builder of
/// hand_built_conflict.hpp, and the coalition
/// facts of catalog/elmira.yaml (`x-expected.coalition`) are asserted; then the relations docs/coalitions.md
/// states are checked on random small conflicts.
#include "support/hand_built_conflict.hpp"
#include "support/reference_coalitions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace parley::reference {
namespace {

using namespace hand_built;  // NOLINT: the builder reads best unqualified here

using Names = std::vector<std::string>;

bool contains(const std::vector<int>& states, int s) {
  return std::find(states.begin(), states.end(), s) != states.end();
}

// catalog/elmira.yaml: MoE {modify (take_only)}, UR {delay (withdraw_only), accept, abandon (take_only)},
// LG {insist}; Uniroyal takes exactly one of delay, accept, abandon. (As in reference_stability_selftest.cpp.)
Built elmira() {
  const std::string abandon_states = "NNNYN YNNYN NNNYY YNNYY";
  return build(
      {{{1, {"NNYNY", "NNYNN", "YNYNN", "YNYNY", "NYNNY", "NYNNN", "YYNNN", "YYNNY", abandon_states}},
        {3, {"NYNNN", "YNYNN", "YNYNY", "NYNNY", abandon_states, "NNYNN", "NNYNY", "YYNNN", "YYNNY"}},
        {1, {"NNYNY", "NNYNN", "NYNNY", "NYNNN", "YNYNY", "YYNNY", "YNYNN", "YYNNN", abandon_states}}},
       "TWBTB",
       {"NYNNN", "YYNNN", "NNYNN", "YNYNN", "NNNYN", "YNNYN", "NYNNY", "YYNNY", "NNYNY", "YNYNY", "NNNYY", "YNNYY"}});
}

// catalog/prisoners-dilemma.yaml: P1 {p1_cooperates}, P2 {p2_cooperates}.
Built prisoners_dilemma() {
  return build({{{1, {"NY", "YY", "NN", "YN"}}, {1, {"YN", "YY", "NN", "NY"}}}, "BB", {"NN", "YN", "NY", "YY"}});
}

constexpr int moe = 0, ur = 1, lg = 2;

// ---------------------------------------------------------------------------------------------------------------
// Elmira: the coalition facts of catalog/elmira.yaml
// Textbook states: 1 NYNNN, 2 YYNNN, 3 NNYNN, 4 YNYNN, 5 NYNNY, 6 YYNNY, 7 NNYNY, 8 YNYNY, 9 any abandon state.
// ---------------------------------------------------------------------------------------------------------------

/// From the status quo (textbook 1) the local government's unilateral improvement reaches textbook 5.
TEST(ReferenceCoalitionsElmira, TheLocalGovernmentTakesTheStatusQuoToTextbook5) {
  const Built b = elmira();
  EXPECT_EQ(b.names(unilateral_improvements(b.conflict, lg, b.state("NYNNN"))), (Names{"NYNNY"}));
  EXPECT_TRUE(contains(equilibria(b.conflict, nash), b.state("NYNNY")));  // textbook 5 is a Nash equilibrium
}

/// From textbook 5 only {MoE, UR} has a coalitional improvement, and it is textbook 8, which both prefer.
TEST(ReferenceCoalitionsElmira, OnlyTheMinistryAndUniroyalImproveOnTextbook5) {
  const Built b = elmira();
  const Conflict& c = b.conflict;
  const int five = b.state("NYNNY"), eight = b.state("YNYNY");
  const Coalition moe_ur = coalition_of({moe, ur});
  for (Coalition h : all_coalitions(c))
    EXPECT_EQ(b.names(coalition_improvements(c, h, five)), h == moe_ur ? Names{"YNYNY"} : Names{}) << "H = " << h;
  EXPECT_GT(c.payoff[moe][eight], c.payoff[moe][five]);
  EXPECT_GT(c.payoff[ur][eight], c.payoff[ur][five]);
  EXPECT_LT(c.payoff[lg][eight], c.payoff[lg][five]);  // the local government would not join
}

/// The joint move: the ministry modifies (5 -> 6), then Uniroyal accepts (6 -> 8). The other order (Uniroyal
/// first, through textbook 7) is as short. The ministry's own step hurts it: only the end state is judged, so no
/// sequence of unilateral improvements gets there.
TEST(ReferenceCoalitionsElmira, TheJointMoveIsMinistryModifiesThenUniroyalAccepts) {
  const Built b = elmira();
  const Conflict& c = b.conflict;
  const int five = b.state("NYNNY"), six = b.state("YYNNY"), seven = b.state("NNYNY"), eight = b.state("YNYNY");
  const Coalition moe_ur = coalition_of({moe, ur});
  const JointMove ministry_first{{moe, five, six}, {ur, six, eight}};
  const JointMove uniroyal_first{{ur, five, seven}, {moe, seven, eight}};
  EXPECT_EQ(joint_move(c, moe_ur, five, eight), ministry_first);
  EXPECT_EQ(shortest_joint_moves(c, moe_ur, five, eight), (std::vector<JointMove>{ministry_first, uniroyal_first}));
  const auto improvements = coalitional_improvement_moves(c, moe_ur, five);
  ASSERT_EQ(improvements.size(), 1U);
  EXPECT_EQ(improvements[0].to, eight);
  EXPECT_EQ(improvements[0].move, ministry_first);
  EXPECT_LT(c.payoff[moe][six], c.payoff[moe][five]);  // modifying alone makes the ministry worse off
  EXPECT_TRUE(members_reachable(c, moe_ur, five, true).empty());
}

/// Textbook 5 is not coalitionally stable, textbook 8 and every abandon state (textbook 9) are, under all four
/// concepts; the coalition equilibria are the non-cooperative ones without textbook 5.
TEST(ReferenceCoalitionsElmira, Textbook5IsNotCoalitionallyStable8And9Are) {
  const Built b = elmira();
  const Conflict& c = b.conflict;
  const Coalition moe_ur = coalition_of({moe, ur});
  for (CoalitionConcept which : all_coalition_concepts) {
    EXPECT_FALSE(coalition_stable(c, which, moe_ur, b.state("NYNNY")));
    for (const char* good : {"YNYNY", "NNNYN", "YNNYN", "NNNYY", "YNNYY"})
      for (Coalition h : all_coalitions(c))
        EXPECT_TRUE(coalition_stable(c, which, h, b.state(good))) << good << " H = " << h;
  }
  const Names cnash_eq{"NNNYN", "YNNYN", "YNYNY", "NNNYY", "YNNYY"};
  const Names cgmr_eq{"NYNNN", "YNYNN", "NNNYN", "YNNYN", "YNYNY", "NNNYY", "YNNYY"};
  EXPECT_EQ(b.names(coalition_equilibria(c, CoalitionConcept::cnash)), cnash_eq);
  EXPECT_EQ(b.names(coalition_equilibria(c, CoalitionConcept::cseq)), cnash_eq);
  EXPECT_EQ(b.names(coalition_equilibria(c, CoalitionConcept::cgmr)), cgmr_eq);
  EXPECT_EQ(b.names(coalition_equilibria(c, CoalitionConcept::csmr)), cgmr_eq);
  // Naming only {MoE, UR} gives the same here.
  EXPECT_EQ(b.names(coalition_equilibria(c, CoalitionConcept::cnash, {moe_ur})), cnash_eq);
  // Party by party: textbook 5 stays CNash stable for the local government, not for the other two.
  EXPECT_TRUE(coalitionally_stable_for_party(c, CoalitionConcept::cnash, lg, b.state("NYNNY")));
  EXPECT_FALSE(coalitionally_stable_for_party(c, CoalitionConcept::cnash, moe, b.state("NYNNY")));
  EXPECT_FALSE(coalitionally_stable_for_party(c, CoalitionConcept::cnash, ur, b.state("NYNNY")));
}

/// The coalition report of {MoE, UR}: it destroys textbook 5 by the joint move to 8; acting together it also
/// holds textbook 7 (the ministry's favourite), where Uniroyal alone would abandon the plant.
TEST(ReferenceCoalitionsElmira, CoalitionReportOfMinistryAndUniroyal) {
  const Built b = elmira();
  const Conflict& c = b.conflict;
  const Coalition moe_ur = coalition_of({moe, ur});
  const int five = b.state("NYNNY"), six = b.state("YYNNY"), eight = b.state("YNYNY");
  for (CoalitionConcept which : all_coalition_concepts) {
    const CoalitionReport report = coalition_report(c, which, moe_ur);
    ASSERT_EQ(report.destroyed.size(), 1U);
    EXPECT_EQ(report.destroyed[0].state, five);
    ASSERT_EQ(report.destroyed[0].undeterred.size(), 1U);
    EXPECT_EQ(report.destroyed[0].undeterred[0].to, eight);
    EXPECT_EQ(report.destroyed[0].undeterred[0].move, (JointMove{{moe, five, six}, {ur, six, eight}}));
  }
  EXPECT_EQ(b.names(coalition_report(c, CoalitionConcept::cnash, moe_ur).created), (Names{"NNYNY"}));
  EXPECT_EQ(b.names(coalition_report(c, CoalitionConcept::cseq, moe_ur).created), (Names{"NNYNN", "NNYNY"}));
  EXPECT_EQ(b.names(coalition_report(c, CoalitionConcept::cgmr, moe_ur).created), (Names{"NNYNN", "NNYNY"}));
  EXPECT_EQ(b.names(structure_equilibria(c, CoalitionConcept::cnash, structure_with(c, moe_ur))),
            (Names{"NNNYN", "YNNYN", "NNYNY", "YNYNY", "NNNYY", "YNNYY"}));
  // The other coalitions destroy nothing.
  for (Coalition h : {coalition_of({moe, lg}), coalition_of({ur, lg}), coalition_of({moe, ur, lg})})
    for (CoalitionConcept which : all_coalition_concepts)
      EXPECT_TRUE(coalition_report(c, which, h).destroyed.empty()) << "H = " << h;
}

// ---------------------------------------------------------------------------------------------------------------
// Prisoner's Dilemma: the grand coalition destroys the Nash equilibrium and creates cooperation
// ---------------------------------------------------------------------------------------------------------------

TEST(ReferenceCoalitionsPrisonersDilemma, TheGrandCoalitionCooperates) {
  const Built b = prisoners_dilemma();
  const Conflict& c = b.conflict;
  const Coalition both = all_parties(c);
  EXPECT_EQ(b.names(coalition_improvements(c, both, b.state("NN"))), (Names{"YY"}));
  EXPECT_EQ(b.names(coalition_equilibria(c, CoalitionConcept::cnash)), (Names{}));  // CNash equilibria can be none
  EXPECT_EQ(b.names(coalition_equilibria(c, CoalitionConcept::cgmr)), (Names{"YY"}));
  const CoalitionReport report = coalition_report(c, CoalitionConcept::cnash, both);
  ASSERT_EQ(report.destroyed.size(), 1U);
  EXPECT_EQ(b.patterns[report.destroyed[0].state], "NN");
  ASSERT_EQ(report.destroyed[0].undeterred.size(), 1U);
  EXPECT_EQ(report.destroyed[0].undeterred[0].move,
            (JointMove{{0, b.state("NN"), b.state("YN")}, {1, b.state("YN"), b.state("YY")}}));
  EXPECT_EQ(b.names(report.created), (Names{"YN", "NY", "YY"}));  // the Pareto-optimal states
}

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

TEST(ReferenceCoalitionsMasks, MembersComplementAndValidation) {
  const Built b = elmira();
  const Conflict& c = b.conflict;
  EXPECT_EQ(coalition_of({0, 2}), 5U);
  EXPECT_EQ(members(coalition_of({2, 0})), (std::vector<int>{0, 2}));
  EXPECT_EQ(all_parties(c), 7U);
  EXPECT_EQ(complement(c, coalition_of({1})), coalition_of({0, 2}));
  EXPECT_EQ(all_coalitions(c), (std::vector<Coalition>{1, 2, 3, 4, 5, 6, 7}));
  EXPECT_THROW(coalition_moves(c, 0, 0), std::invalid_argument);
  EXPECT_THROW(coalition_moves(c, coalition_of({3}), 0), std::invalid_argument);
  EXPECT_THROW(coalition_of({32}), std::invalid_argument);
  EXPECT_THROW(structure_equilibria(c, CoalitionConcept::cnash, {coalition_of({0, 1}), coalition_of({1, 2})}),
               std::invalid_argument);
  EXPECT_THROW(structure_equilibria(c, CoalitionConcept::cnash, {coalition_of({0, 1})}), std::invalid_argument);
}

/// Three parties on a line of states 0 - 1 - 2 - 3: party 1 owns 0 -> 1 and 2 -> 3, party 2 owns 1 -> 2. A
/// coalition's members may not move twice in a row, but may move again after another member.
TEST(ReferenceCoalitionsMoves, NoMemberMovesTwiceInARow) {
  Conflict c;
  c.state_count = 4;
  c.moves.assign(3, std::vector<std::vector<int>>(4));
  c.payoff.assign(3, std::vector<long long>(4, 0));
  c.moves[1][0] = {1};
  c.moves[1][2] = {3};
  c.moves[2][1] = {2};
  c.moves[1][1] = {2};  // party 1 could also go 1 -> 2, but not right after its own 0 -> 1
  const Coalition one = coalition_of({1}), one_two = coalition_of({1, 2});
  EXPECT_EQ(coalition_moves(c, one, 0), (std::vector<int>{1}));
  EXPECT_EQ(coalition_moves(c, one_two, 0), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(joint_move(c, one_two, 0, 3), (JointMove{{1, 0, 1}, {2, 1, 2}, {1, 2, 3}}));
  EXPECT_TRUE(joint_move(c, one, 0, 2).empty());
  EXPECT_FALSE(is_legal_joint_move(c, one, 0, JointMove{{1, 0, 1}, {1, 1, 2}}));
  EXPECT_FALSE(is_legal_joint_move(c, one, 0, JointMove{}));
  EXPECT_FALSE(is_legal_joint_move(c, one, 0, JointMove{{2, 0, 1}}));  // not a member's move
  // Coalitional improvement judges the end state only: parties 1 and 2 both like 3 best, nothing else.
  c.payoff[1] = {1, 0, 0, 2};
  c.payoff[2] = {1, 0, 0, 2};
  EXPECT_EQ(coalition_improvements(c, one_two, 0), (std::vector<int>{3}));
  EXPECT_TRUE(members_reachable(c, one_two, 0, true).empty());
  // Party 0 is left alone with no moves: nothing sanctions, all four concepts agree.
  for (CoalitionConcept which : all_coalition_concepts)
    EXPECT_EQ(undeterred_improvements(c, which, one_two, 0), (std::vector<int>{3}));
}

/// GMR against CNash for a coalition, and the "some member" sanction: A = {0, 1} improves 0 -> 1; party 2 can
/// answer 1 -> 2, which party 1 likes no better than 0 while party 0 likes it better. That is a sanction
/// (party 1 would not have joined), unless the coalition can move on from 2 to 3, which both prefer to 0.
TEST(ReferenceCoalitionsConcepts, SomeMemberNoBetterOffIsASanction) {
  Conflict c;
  c.state_count = 4;
  c.moves.assign(3, std::vector<std::vector<int>>(4));
  c.payoff = {{0, 2, 3, 1}, {0, 2, 0, 1}, {0, 0, 0, 0}};
  c.moves[0][0] = {1};
  c.moves[2][1] = {2};
  const Coalition h = coalition_of({0, 1});
  EXPECT_EQ(coalition_improvements(c, h, 0), (std::vector<int>{1}));
  EXPECT_FALSE(cnash(c, h, 0));
  EXPECT_TRUE(cgmr(c, h, 0));
  EXPECT_TRUE(csmr(c, h, 0));
  EXPECT_FALSE(cseq(c, h, 0));  // party 2 gains nothing by 1 -> 2: not credible
  c.payoff[2] = {0, 0, 1, 0};
  EXPECT_TRUE(cseq(c, h, 0));
  c.moves[1][2] = {3};  // now the coalition escapes the sanction: 2 -> 3, both prefer 3 to 0
  EXPECT_TRUE(cgmr(c, h, 0));
  EXPECT_FALSE(csmr(c, h, 0));
}

// ---------------------------------------------------------------------------------------------------------------
// Relations on random conflicts
// ---------------------------------------------------------------------------------------------------------------

/// A random conflict in option form (as in reference_stability_selftest.cpp, smaller: at most 5 options):
/// each party owns 1-2 options, a random subset of option vectors is feasible, a move changes any non-empty
/// subset of the mover's options (some dropped at random, so moves need not be transitive), payoffs are
/// random with ties.
Conflict random_conflict(std::mt19937& rng, int parties) {
  std::vector<int> owned(parties, 1);
  int options = parties;
  for (int i = 0; i < parties; ++i)
    if (options < 5 && rng() % 2 == 0) ++owned[i], ++options;
  return random_option_conflict(rng, owned);
}

bool subset(const std::vector<int>& a, const std::vector<int>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

/// The fewest steps in which H gets from s to t, computed independently of joint_move(): layer by layer over
/// (state, last mover) pairs. -1 if never.
int fewest_steps(const Conflict& c, Coalition h, int s, int t) {
  std::set<std::pair<int, int>> layer{{s, -1}}, seen = layer;
  for (int k = 1; !layer.empty(); ++k) {
    std::set<std::pair<int, int>> next;
    for (const auto& [u, last] : layer)
      for (int p : members(h))
        if (p != last)
          for (int v : c.moves[p][u]) {
            if (v == t) return k;
            if (seen.insert({v, p}).second) next.insert({v, p});
          }
    layer = std::move(next);
  }
  return -1;
}

TEST(ReferenceCoalitionsRelations, SingletonsGiveBackTheNonCooperativeConcepts) {
  std::mt19937 rng(20250601);
  for (int round = 0; round < 120; ++round) {
    const int parties = 2 + round % 3;
    const Conflict c = random_conflict(rng, parties);
    for (int i = 0; i < parties; ++i) {
      const Coalition alone = coalition_of({i});
      for (int s = 0; s < c.state_count; ++s) {
        std::vector<int> moves = c.moves[i][s], improvements = unilateral_improvements(c, i, s);
        std::sort(moves.begin(), moves.end());
        std::sort(improvements.begin(), improvements.end());
        EXPECT_EQ(coalition_moves(c, alone, s), moves);
        EXPECT_EQ(coalition_improvements(c, alone, s), improvements);
        for (bool improving : {false, true})
          EXPECT_EQ(members_reachable(c, complement(c, alone), s, improving), group_reachable(c, i, s, improving));
        for (CoalitionConcept which : all_coalition_concepts)
          EXPECT_EQ(coalition_stable(c, which, alone, s), individual_concept(which)(c, i, s))
              << "concept " << static_cast<int>(which) << " party " << i << " state " << s;
      }
    }
  }
}

TEST(ReferenceCoalitionsRelations, ConceptsNestAndCoalitionEquilibriaAreEquilibria) {
  std::mt19937 rng(20250602);
  for (int round = 0; round < 45; ++round) {
    const int parties = 2 + round % 3;
    const Conflict c = random_conflict(rng, parties);
    const Coalition everyone = all_parties(c);
    for (Coalition h : all_coalitions(c))
      for (int s = 0; s < c.state_count; ++s) {
        const bool n = cnash(c, h, s), g = cgmr(c, h, s), m = csmr(c, h, s), q = cseq(c, h, s);
        EXPECT_EQ(n, coalition_improvements(c, h, s).empty());
        EXPECT_TRUE(!n || m) << "CNash implies CSMR";
        EXPECT_TRUE(!m || g) << "CSMR implies CGMR";
        EXPECT_TRUE(!n || q) << "CNash implies CSEQ";
        EXPECT_TRUE(!q || g) << "CSEQ implies CGMR";
        if (h == everyone) {
          EXPECT_TRUE(n == g && g == m && m == q) << "nobody sanctions the grand coalition";
        }
      }
    std::vector<std::vector<int>> eq;
    for (CoalitionConcept which : all_coalition_concepts) {
      const std::vector<int> coalition_eq = coalition_equilibria(c, which);
      const std::vector<int> individual_eq = equilibria(c, individual_concept(which));
      EXPECT_TRUE(subset(coalition_eq, individual_eq))
          << "C" << static_cast<int>(which) << " equilibria are equilibria";
      // The same set, three ways: every party's coalitions; singletons plus every larger coalition; a family.
      std::vector<Coalition> larger;
      for (Coalition h : all_coalitions(c))
        if (members(h).size() >= 2) larger.push_back(h);
      EXPECT_EQ(coalition_equilibria(c, which, larger), coalition_eq);
      std::vector<int> per_party;
      for (int s = 0; s < c.state_count; ++s) {
        bool all = true;
        for (int i = 0; i < parties; ++i) {
          const bool stable = coalitionally_stable_for_party(c, which, i, s);
          EXPECT_TRUE(!stable || individual_concept(which)(c, i, s)) << "CX stable for i implies X stable for i";
          all = all && stable;
        }
        if (all) per_party.push_back(s);
      }
      EXPECT_EQ(per_party, coalition_eq);
      // No coalition named: the non-cooperative equilibria; naming more coalitions only removes states.
      EXPECT_EQ(coalition_equilibria(c, which, {}), individual_eq);
      if (!larger.empty()) {
        EXPECT_TRUE(subset(coalition_eq, coalition_equilibria(c, which, {larger.front()})));
      }
      std::vector<Coalition> singletons;
      for (int i = 0; i < parties; ++i)
        singletons.push_back(coalition_of({i}));
      EXPECT_EQ(structure_equilibria(c, which, singletons), individual_eq);
      eq.push_back(coalition_eq);
    }
    // Order of all_coalition_concepts: cnash, cgmr, csmr, cseq.
    EXPECT_TRUE(subset(eq[0], eq[3]) && subset(eq[3], eq[1])) << "CNash <= CSEQ <= CGMR";
    EXPECT_TRUE(subset(eq[0], eq[2]) && subset(eq[2], eq[1])) << "CNash <= CSMR <= CGMR";
  }
}

TEST(ReferenceCoalitionsRelations, JointMovesRealiseCoalitionalMoves) {
  std::mt19937 rng(20250603);
  for (int round = 0; round < 30; ++round) {
    const int parties = 2 + round % 3;
    const Conflict c = random_conflict(rng, parties);
    for (Coalition h : all_coalitions(c))
      for (int s = 0; s < c.state_count; ++s) {
        const std::vector<int> reachable = coalition_moves(c, h, s);
        for (int t = 0; t < c.state_count; ++t) {
          const JointMove move = joint_move(c, h, s, t);
          EXPECT_EQ(!move.empty(), contains(reachable, t));
          EXPECT_EQ(move.empty() ? -1 : static_cast<int>(move.size()), fewest_steps(c, h, s, t));
          if (move.empty()) continue;
          EXPECT_TRUE(is_legal_joint_move(c, h, s, move));
          EXPECT_EQ(move.back().to, t);
        }
        for (const auto& improvement : coalitional_improvement_moves(c, h, s)) {
          EXPECT_TRUE(every_member_prefers(c, h, improvement.to, s));
          EXPECT_TRUE(is_legal_joint_move(c, h, s, improvement.move));
        }
      }
    // On the smaller conflicts, every shortest joint move: joint_move() comes first, all equally short.
    if (c.state_count <= 8)
      for (Coalition h : all_coalitions(c))
        for (int s = 0; s < c.state_count; ++s)
          for (int t : coalition_moves(c, h, s)) {
            const auto all = shortest_joint_moves(c, h, s, t);
            ASSERT_FALSE(all.empty());
            EXPECT_EQ(all.front(), joint_move(c, h, s, t));
            for (const JointMove& move : all) {
              EXPECT_TRUE(is_legal_joint_move(c, h, s, move));
              EXPECT_EQ(move.size(), all.front().size());
              EXPECT_EQ(move.back().to, t);
            }
          }
  }
}

TEST(ReferenceCoalitionsRelations, ReportsAreConsistent) {
  std::mt19937 rng(20250604);
  for (int round = 0; round < 30; ++round) {
    const int parties = 2 + round % 3;
    const Conflict c = random_conflict(rng, parties);
    for (Coalition h : all_coalitions(c))
      for (CoalitionConcept which : all_coalition_concepts) {
        const CoalitionReport report = coalition_report(c, which, h);
        const std::vector<int> before = equilibria(c, individual_concept(which));
        const std::vector<int> after = structure_equilibria(c, which, structure_with(c, h));
        if (members(h).size() == 1) {
          EXPECT_TRUE(report.destroyed.empty() && report.created.empty());
          continue;
        }
        std::set<int> expected(before.begin(), before.end());
        for (const auto& d : report.destroyed) {
          EXPECT_TRUE(contains(before, d.state));
          EXPECT_FALSE(coalition_stable(c, which, h, d.state));
          EXPECT_FALSE(d.undeterred.empty());
          for (const auto& u : d.undeterred) {
            EXPECT_TRUE(every_member_prefers(c, h, u.to, d.state));
            EXPECT_TRUE(is_legal_joint_move(c, h, d.state, u.move));
            EXPECT_EQ(u.move.back().to, u.to);
          }
          expected.erase(d.state);
        }
        for (int s : report.created) {
          EXPECT_FALSE(contains(before, s));
          expected.insert(s);
        }
        EXPECT_EQ(std::vector<int>(expected.begin(), expected.end()), after);
      }
  }
}

}  // namespace
}  // namespace parley::reference
