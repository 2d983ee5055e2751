// SPDX-License-Identifier: Apache-2.0
/// Partial preferences in the model file: `{any_order: [...]}` in rankings and priorities,
/// `{maybe: STATEMENT}` in priorities; their errors at their exact places; the writer keeps them.
#include <gtest/gtest.h>

#include <filesystem>

#include "parley/io/model_reader.hpp"
#include "parley/io/model_writer.hpp"
#include "support/model_text.hpp"

namespace parley {
namespace {

/// Two parties with one option each: states NN, YN, NY, YY. `a` is A's preference block.
std::string two_parties(const std::string& a) {
  return "parley: 1\nparties:\n  - id: A\n    options: [a]\n" + a +
         "  - id: B\n    options: [b]\n    ranking: [NN, YN, NY, YY]\n";
}

using testing::error_lines;
using testing::first_help;

using Lines = std::vector<std::string>;

TEST(PartialReader, AnyOrderInARankingReadsInTheWrittenOrder) {
  const auto partial = testing::model_from(two_parties("    ranking: [NN, {any_order: [YN, NY]}, YY]\n"));
  const auto plain = testing::model_from(two_parties("    ranking: [NN, YN, NY, YY]\n"));
  ASSERT_TRUE(partial && plain);
  EXPECT_EQ(partial->preferences[0].levels(), plain->preferences[0].levels());
  ASSERT_TRUE(partial->parties[0].preference_uncertainty);
  EXPECT_EQ(partial->parties[0].preference_uncertainty->completion_count(), 2U);
  EXPECT_FALSE(partial->parties[1].preference_uncertainty);
  EXPECT_FALSE(plain->parties[0].preference_uncertainty);
  // The other completion swaps YN and NY.
  const auto& u = *partial->parties[0].preference_uncertainty;
  const Preference other = u.preference(u.completion(1));
  EXPECT_TRUE(other.prefers(2, 1));  // NY over YN
  EXPECT_TRUE(other.prefers(0, 2));
  EXPECT_TRUE(other.prefers(1, 3));
}

TEST(PartialReader, PrioritiesWithAnyOrderAndMaybe) {
  const auto partial = testing::model_from(
      two_parties("    priorities:\n      - {any_order: [a, {maybe: b}]}\n      - {maybe: \"not a or b\"}\n"));
  const auto plain = testing::model_from(two_parties("    priorities: [a, b, not a or b]\n"));
  ASSERT_TRUE(partial && plain);
  EXPECT_EQ(partial->preferences[0].levels(), plain->preferences[0].levels());
  ASSERT_TRUE(partial->parties[0].preference_uncertainty);
  const auto& u = *partial->parties[0].preference_uncertainty;
  EXPECT_EQ(u.completion_count(), 8U);  // 2! orders x 2 x 2 choices
  EXPECT_EQ(u.maybe(), (std::vector<std::size_t>{1, 2}));
  // b first, a second, the last statement dropped: [b, a] ranks NY (b only) above YN (a only).
  PreferenceUncertainty::Completion c = u.stated();
  c.orders[0] = {1, 0};
  c.held = {true, false};
  const auto reordered = testing::model_from(two_parties("    priorities: [b, a]\n"));
  ASSERT_TRUE(reordered);
  EXPECT_EQ(u.preference(c).levels(), reordered->preferences[0].levels());
}

TEST(PartialReader, JsonModelsUseTheSameKeys) {
  const auto model = testing::model_from(R"({"parley": 1, "parties": [
    {"id": "A", "options": ["a"], "ranking": [{"any_order": ["NN", "YN", "NY"]}, "YY"]},
    {"id": "B", "options": ["b"], "priorities": [{"maybe": "b"}, "a"]}]})");
  ASSERT_TRUE(model);
  EXPECT_EQ(model->parties[0].preference_uncertainty->completion_count(), 6U);
  EXPECT_EQ(model->parties[1].preference_uncertainty->completion_count(), 2U);
}

TEST(PartialReader, ACatalogModelHasNoUncertainty) {
  const auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/elmira.yaml");
  ASSERT_TRUE(r.model);
  for (const Party& p : r.model->parties)
    EXPECT_FALSE(p.preference_uncertainty) << p.id;
}

TEST(PartialErrors, EmptyGroupAndUnknownKeys) {
  EXPECT_EQ(error_lines(two_parties("    ranking: [NN, {any_order: []}, YN, NY, YY]\n")),
            Lines{"m.yaml:5:31: error: empty any_order group in ranking"});
  EXPECT_EQ(error_lines(two_parties("    ranking: [NN, {any_ordr: [YN, NY]}, YY]\n")),
            Lines{"m.yaml:5:20: error: unknown key 'any_ordr' in a ranking item"});
  EXPECT_EQ(first_help(two_parties("    ranking: [NN, {any_ordr: [YN, NY]}, YY]\n")),
            "did you mean 'any_order'? (prefix your own notes with 'x-')");
  // `maybe` belongs to priorities only.
  EXPECT_EQ(error_lines(two_parties("    ranking: [NN, {maybe: YN}, NY, YY]\n")),
            Lines{"m.yaml:5:20: error: unknown key 'maybe' in a ranking item"});
  EXPECT_EQ(error_lines(two_parties("    ranking: [NN, {}, YN, NY, YY]\n")),
            Lines{"m.yaml:5:19: error: a mapping in `ranking` should be `{any_order: [...]}`"});
  EXPECT_EQ(error_lines(two_parties("    priorities: [{mabye: a}]\n")),
            Lines{"m.yaml:5:19: error: unknown key 'mabye' in a priorities item"});
}

TEST(PartialErrors, AStateTwiceAndTiesInAGroup) {
  EXPECT_EQ(error_lines(two_parties("    ranking: [NN, {any_order: [YN, YN]}, NY, YY]\n")),
            Lines{"m.yaml:5:36: error: state 'YN' appears twice in ranking"});
  EXPECT_EQ(error_lines(two_parties("    ranking: [NN, {any_order: [YN, NY]}, NY, YY]\n")),
            Lines{"m.yaml:5:42: error: state 'NY' appears twice in ranking"});
  EXPECT_EQ(error_lines(two_parties("    ranking: [NN, {any_order: [[YN, NY]]}, YY]\n")),
            Lines{"m.yaml:5:32: error: a tie inside an any_order group"});
  EXPECT_EQ(error_lines(two_parties("    ranking: [NN, {any_order: [YN, NNN]}, NY, YY]\n")),
            Lines{"m.yaml:5:36: error: pattern 'NNN' in ranking has 3 letters, the model has 2 options"});
  EXPECT_EQ(error_lines(two_parties("    ranking: [NN, {any_order: YN}, NY, YY]\n")),
            Lines{"m.yaml:5:31: error: `any_order` should be a list, not 'YN'"});
}

TEST(PartialErrors, MaybeAndNestedGroupsInPriorities) {
  EXPECT_EQ(error_lines(two_parties("    priorities: [{maybe: [a, b]}]\n")),
            Lines{"m.yaml:5:26: error: `maybe` should be text, not a list"});
  EXPECT_EQ(error_lines(two_parties("    priorities: [a, {any_order: [b, {any_order: [a]}]}]\n")),
            Lines{"m.yaml:5:37: error: an any_order group inside another"});
  EXPECT_EQ(error_lines(two_parties("    priorities: [{maybe: a, any_order: [b]}]\n")),
            Lines{"m.yaml:5:18: error: a priorities item with both `any_order` and `maybe`"});
  EXPECT_EQ(error_lines(two_parties("    priorities: [{any_order: []}]\n")),
            Lines{"m.yaml:5:30: error: empty any_order group in priorities"});
  // Expressions inside are located as usual, inside the quotes.
  EXPECT_EQ(error_lines(two_parties("    priorities: [{maybe: \"a and\"}]\n")),
            Lines{"m.yaml:5:32: error: expression ends where an option was expected"});
  EXPECT_EQ(error_lines(two_parties("    priorities: [{any_order: [a, {maybe: c}]}]\n")),
            Lines{"m.yaml:5:42: error: unknown option 'c'"});
}

TEST(PartialWriter, GroupsAndMaybeRoundTripThroughYamlAndJson) {
  const auto original = read_model_text(
      two_parties("    priorities:\n      - {any_order: [a, {maybe: b}, not b]}\n      - {maybe: \"not a or b\"}\n"),
      "partial");
  ASSERT_TRUE(original.model);
  const auto yaml = draft_to_yaml(original.draft);
  EXPECT_NE(yaml.find("any_order"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("maybe"), std::string::npos) << yaml;
  for (const std::string& text : {yaml, draft_to_json(original.draft).dump()}) {
    const auto again = read_model_text(text, "again");
    ASSERT_TRUE(again.model) << text;
    const PartyDraft& a = original.draft.parties[0];
    const PartyDraft& b = again.draft.parties[0];
    ASSERT_EQ(a.priorities->size(), b.priorities->size());
    ASSERT_EQ(b.priorities_any_order.size(), 1U);
    EXPECT_EQ(b.priorities_any_order[0].first, 0U);
    EXPECT_EQ(b.priorities_any_order[0].count, 3U);
    ASSERT_EQ(b.priorities_maybe.size(), 2U);
    EXPECT_EQ(b.priorities_maybe[0].value, 1U);
    EXPECT_EQ(b.priorities_maybe[1].value, 3U);
    EXPECT_EQ(again.model->preferences[0].levels(), original.model->preferences[0].levels());
    EXPECT_EQ(again.model->parties[0].preference_uncertainty->completion_count(), 24U);
  }
}

TEST(PartialWriter, RankingGroupsRoundTrip) {
  const auto original =
      read_model_text(two_parties("    ranking: [{any_order: [NN, YN]}, [NY], {any_order: [YY]}]\n"), "partial");
  ASSERT_TRUE(original.model);
  for (const std::string& text : {draft_to_yaml(original.draft), draft_to_json(original.draft).dump()}) {
    const auto again = read_model_text(text, "again");
    ASSERT_TRUE(again.model) << text;
    const auto& groups = again.draft.parties[0].ranking_any_order;
    ASSERT_EQ(groups.size(), 2U) << text;
    EXPECT_EQ(groups[0].first, 0U);
    EXPECT_EQ(groups[0].count, 2U);
    EXPECT_EQ(groups[1].first, 3U);  // levels NN, YN, [NY], YY
    EXPECT_EQ(groups[1].count, 1U);
    EXPECT_EQ(again.model->preferences[0].levels(), original.model->preferences[0].levels());
  }
}

TEST(PartialWriter, TheExampleRoundTrips) {
  const auto original = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/examples/syria-iraq-partial.yaml");
  ASSERT_TRUE(original.model);
  const auto again = read_model_text(draft_to_yaml(original.draft), "again");
  ASSERT_TRUE(again.model);
  for (std::size_t i = 0; i < original.model->parties.size(); ++i) {
    const auto& a = original.model->parties[i].preference_uncertainty;
    const auto& b = again.model->parties[i].preference_uncertainty;
    ASSERT_EQ(a.has_value(), b.has_value());
    if (a) {
      EXPECT_EQ(a->completion_count(), b->completion_count());
    }
    EXPECT_EQ(original.model->preferences[i].levels(), again.model->preferences[i].levels());
  }
}

}  // namespace
}  // namespace parley
