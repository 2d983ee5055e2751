// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/explain.hpp"

#include <gtest/gtest.h>

#include "parley/analysis/stability.hpp"
#include "parley/io/explain_output.hpp"
#include "support/model_text.hpp"

namespace parley {
namespace {

std::vector<std::string> steps(const Model& model, const std::vector<Move>& moves) {
  std::vector<std::string> out;
  for (const Move& m : moves)
    out.push_back(model.parties[static_cast<std::size_t>(m.party)].id + ">" + model.pattern(m.to));
  return out;
}

TEST(Explain, ElmiraLocalGovernmentIsDeterredByTheMinistry) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/elmira.yaml");
  ASSERT_TRUE(r.model);
  const Model& m = *r.model;
  CancelToken cancel;
  const auto e = explain_state(m, 0, basic_concepts(), cancel);
  const PartyExplanation& lg = e.parties[2];
  ASSERT_EQ(lg.concepts.size(), 4U);
  ASSERT_EQ(lg.concepts[1].improvements.size(), 1U);  // GMR
  EXPECT_EQ(m.pattern(lg.concepts[1].improvements[0].to), "NYNNY");
  EXPECT_TRUE(lg.concepts[1].improvements[0].deterred);
  EXPECT_EQ(steps(m, lg.concepts[1].improvements[0].sanction), std::vector<std::string>{"MoE>YYNNY"});
  EXPECT_FALSE(lg.concepts[3].stable);  // SEQ: modifying is no improvement for the ministry
  EXPECT_FALSE(lg.concepts[0].stable);  // Nash
}

TEST(Explain, SanctionSequenceWhereAnOpponentMovesTwice) {
  auto model = testing::model_from(R"(parley: 1
parties:
  - {id: A, options: [a], ranking: [YNNN, YYNN, YYNY, NYNN, NYNY, NYYY, NNNN, YYYY]}
  - {id: B, options: [b1, b2], ranking: [YYYY, YYNN, [NNNN, YNNN, NYNN, NYNY, YYNY, NYYY]]}
  - {id: C, options: [c], ranking: [YYNY, [NNNN, YNNN, NYNN, YYNN, NYNY, NYYY, YYYY]]}
infeasible: [b2 and not c, c and not b1]
)");
  ASSERT_TRUE(model);
  CancelToken cancel;
  const auto e = explain_state(*model, 0, {Concept::GMR, Concept::SEQ}, cancel);
  for (const ConceptVerdict& cv : e.parties[0].concepts) {
    EXPECT_TRUE(cv.stable);
    ASSERT_EQ(cv.improvements.size(), 1U);
    EXPECT_EQ(steps(*model, cv.improvements[0].sanction), (std::vector<std::string>{"B>YYNN", "C>YYNY", "B>YYYY"}));
  }
}

TEST(Explain, VerdictsAgreeWithTheStabilityEngineOnTheCatalog) {
  for (const char* name : {"prisoners-dilemma", "chicken", "syria-iraq", "cuban-missile-crisis", "elmira"}) {
    auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/" + name + ".yaml");
    ASSERT_TRUE(r.model) << name;
    Progress progress;
    CancelToken cancel;
    const auto stability = analyze_stability(*r.model, {all_concepts()}, progress, cancel);
    for (StateIndex s = 0; s < r.model->states->size(); ++s) {
      const auto e = explain_state(*r.model, s, all_concepts(), cancel);
      for (const PartyExplanation& p : e.parties)
        for (const ConceptVerdict& cv : p.concepts)
          EXPECT_EQ(cv.stable, stability.stable(cv.concept_, p.party)[s])
              << name << " state " << s + 1 << " " << concept_label(cv.concept_);
    }
  }
}

TEST(Explain, StatesAreFoundByNumberOrPattern) {
  auto model =
      testing::model_from("parley: 1\nparties: [{id: A, options: [a, b], priorities: [a]}]\ninfeasible: [a and b]\n");
  ASSERT_TRUE(model);
  std::string why;
  EXPECT_EQ(find_state(*model, "2", why), StateIndex{1});
  EXPECT_EQ(find_state(*model, "NY", why), StateIndex{2});
  EXPECT_FALSE(find_state(*model, "4", why));
  EXPECT_EQ(why, "there is no state 4: states are numbered 1 to 3");
  EXPECT_FALSE(find_state(*model, "YY", why));
  EXPECT_EQ(why, "the state YY is infeasible");
  EXPECT_FALSE(find_state(*model, "YYY", why));
  EXPECT_EQ(why, "'YYY' is neither a state number nor a pattern: it has 3 letters, the model has 2 options");
}

}  // namespace
}  // namespace parley
