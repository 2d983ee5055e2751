// SPDX-License-Identifier: Apache-2.0
/// GMCR+ save files: the example files in tests/data/gmcr/ give the catalog's models, and every
/// malformed file gets its errors at their places.
#include "parley/io/gmcr_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "parley/core/build_model.hpp"
#include "parley/io/model_reader.hpp"

namespace parley {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string gmcr_file(const std::string& name) {
  return slurp(std::string(PARLEY_SOURCE_DIR) + "/tests/data/gmcr/" + name);
}

struct Parsed {
  ModelDraft draft;
  Diagnostics diagnostics;
  GmcrExtras extras;
};

Parsed parse(const std::string& text) {
  Parsed p;
  p.draft = parse_gmcr_text(text, "test", p.diagnostics, &p.extras);
  return p;
}

std::string listed(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.sorted())
    out += format_diagnostic("m.gmcr", d) + "\n";
  return out;
}

/// Parses and builds a file that must be valid.
std::shared_ptr<const Model> model_of(const std::string& text) {
  Parsed p = parse(text);
  EXPECT_TRUE(p.diagnostics.empty()) << listed(p.diagnostics);
  Diagnostics diagnostics;
  auto model = build_model(p.draft, BuildOptions{}, diagnostics);
  EXPECT_TRUE(model) << listed(diagnostics);
  return model;
}

using Lines = std::vector<std::string>;

/// The first line (FILE:LINE:COLUMN: error: WHAT) of each error, in file order.
Lines error_lines(const std::string& text) {
  Parsed p = parse(text);
  EXPECT_FALSE(p.diagnostics.empty()) << "the file was accepted";
  Lines out;
  for (const auto& d : p.diagnostics.sorted()) {
    const std::string e = format_diagnostic("m.gmcr", d);
    out.push_back(e.substr(0, e.find('\n')));
  }
  return out;
}

/// The help of the first error in file order.
std::string first_help(const std::string& text) {
  Parsed p = parse(text);
  return p.diagnostics.empty() ? std::string() : p.diagnostics.sorted()[0].help;
}

std::vector<std::string> states_of(const Model& model) {
  std::vector<std::string> out;
  for (StateIndex s = 0; s < model.states->size(); ++s)
    out.push_back(model.pattern(s));
  return out;
}

/// A party's ranking as patterns, most preferred group first, each group in state order.
std::vector<std::vector<std::string>> ranking_of(const Model& model, int party) {
  std::vector<std::vector<std::string>> out;
  for (const auto& group : model.preferences[party].ranking()) {
    auto& level = out.emplace_back();
    for (StateIndex s : group)
      level.push_back(model.pattern(s));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The example files against the catalog.

struct CatalogCase {
  const char* gmcr;
  const char* catalog;
};

class GmcrCatalog : public ::testing::TestWithParam<CatalogCase> {};

TEST_P(GmcrCatalog, GivesTheCatalogModel) {
  const CatalogCase c = GetParam();
  auto model = model_of(gmcr_file(c.gmcr));
  ReadResult expected = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/" + c.catalog);
  ASSERT_TRUE(expected.model) << listed(expected.diagnostics);
  ASSERT_TRUE(model);
  ASSERT_EQ(model->parties.size(), expected.model->parties.size());
  ASSERT_EQ(model->option_count(), expected.model->option_count());
  // Options regrouped by party give the catalog's option order, so patterns compare directly.
  for (int o = 0; o < model->option_count(); ++o) {
    EXPECT_EQ(model->options[o].party, expected.model->options[o].party) << "option " << o;
    EXPECT_EQ(model->options[o].direction, expected.model->options[o].direction) << "option " << o;
  }
  EXPECT_EQ(states_of(*model), states_of(*expected.model));
  for (int p = 0; p < static_cast<int>(model->parties.size()); ++p)
    EXPECT_EQ(ranking_of(*model, p), ranking_of(*expected.model, p)) << "party " << model->parties[p].id;
  EXPECT_FALSE(model->status_quo);  // GMCR+ files have none
}

INSTANTIATE_TEST_SUITE_P(Files, GmcrCatalog,
                         ::testing::Values(CatalogCase{"prisoners-dilemma.gmcr", "prisoners-dilemma.yaml"},
                                           CatalogCase{"syria-iraq.gmcr", "syria-iraq.yaml"},
                                           CatalogCase{"syria-iraq-ranking.gmcr", "syria-iraq.yaml"},
                                           CatalogCase{"elmira.gmcr", "elmira.yaml"},
                                           CatalogCase{"elmira-priorities.gmcr", "elmira.yaml"},
                                           CatalogCase{"cuban-missile-crisis.gmcr", "cuban-missile-crisis.yaml"}),
                         [](const auto& test) {
                           std::string name = test.param.gmcr;
                           name = name.substr(0, name.find('.'));
                           for (char& ch : name)
                             if (ch == '-') ch = '_';
                           return name;
                         });

TEST(GmcrReader, RegroupsOptionsByDecisionMakerAndTranslatesConditions) {
  // The file lists Attack (Iraq's) first; the draft lists Syria's two options first.
  Parsed p = parse(gmcr_file("syria-iraq.gmcr"));
  ASSERT_TRUE(p.diagnostics.empty()) << listed(p.diagnostics);
  const ModelDraft& d = p.draft;
  EXPECT_EQ(d.name, "test");
  EXPECT_EQ(d.description, "Imported from a GMCR+ save file (gmcr-py 0.3.13).");
  ASSERT_EQ(d.parties.size(), 2U);
  EXPECT_EQ(d.parties[0].id.value, "Syria");
  EXPECT_EQ(d.parties[1].id.value, "Iraq");
  ASSERT_EQ(d.parties[0].options.size(), 2U);
  EXPECT_EQ(d.parties[0].options[0].id.value, "release_more_water");
  EXPECT_EQ(d.parties[0].options[0].name, "Release more water");
  EXPECT_EQ(d.parties[0].options[1].id.value, "escalate");
  EXPECT_EQ(d.parties[1].options[0].id.value, "attack");
  ASSERT_TRUE(d.parties[0].priorities);
  std::vector<std::string> syria;
  for (const auto& s : *d.parties[0].priorities)
    syria.push_back(s.value);
  EXPECT_EQ(syria, (Lines{"escalate or (not release_more_water and not attack)", "not attack",
                          "not escalate if not attack", "not release_more_water"}));
  std::vector<std::string> iraq;
  for (const auto& s : *d.parties[1].priorities)
    iraq.push_back(s.value);
  EXPECT_EQ(iraq, (Lines{"release_more_water and not attack", "attack iff not release_more_water",
                         "not escalate and not release_more_water", "attack"}));
  ASSERT_EQ(d.infeasible.size(), 1U);
  EXPECT_EQ(d.infeasible[0].value, "release_more_water and escalate");
  EXPECT_FALSE(d.status_quo);
  EXPECT_FALSE(d.parties[0].ranking);
  EXPECT_EQ(p.extras.coalitions, (std::vector<std::vector<std::string>>{{"Syria"}, {"Iraq"}}));
}

TEST(GmcrReader, ValuesCarryTheirPlaceInTheFile) {
  Parsed p = parse(gmcr_file("syria-iraq.gmcr"));
  ASSERT_TRUE(p.diagnostics.empty()) << listed(p.diagnostics);
  const ModelDraft& d = p.draft;
  // "Attack" is on line 6, its text starting in column 15 (inside the quotes).
  EXPECT_EQ(d.parties[1].options[0].id.where.line, 6);
  EXPECT_EQ(d.parties[1].options[0].id.where.column, 15);
  ASSERT_TRUE(d.parties[1].options[0].direction);
  EXPECT_EQ(d.parties[1].options[0].direction->where.line, 6);
  EXPECT_EQ(d.parties[1].options[0].direction->where.column, 47);
  EXPECT_EQ(d.parties[0].id.where.line, 12);  // "name": "Syria"
  // The third statement of Syria, a compound condition, starts on line 17 at its '{'.
  EXPECT_EQ((*d.parties[0].priorities)[2].where.line, 17);
  EXPECT_EQ((*d.parties[0].priorities)[2].where.column, 9);
  EXPECT_EQ(d.infeasible[0].where.line, 36);
}

TEST(GmcrReader, ReadsManualRankingsWithTiesDirectionsAndCoalitions) {
  Parsed p = parse(gmcr_file("elmira.gmcr"));
  ASSERT_TRUE(p.diagnostics.empty()) << listed(p.diagnostics);
  const ModelDraft& d = p.draft;
  ASSERT_EQ(d.parties.size(), 3U);
  EXPECT_EQ(d.parties[0].id.value, "MoE");
  ASSERT_TRUE(d.parties[0].options[0].direction);
  EXPECT_EQ(d.parties[0].options[0].direction->value, "take_only");
  EXPECT_EQ(d.parties[1].options[0].direction->value, "withdraw_only");
  EXPECT_EQ(d.parties[1].options[1].direction->value, "both");
  EXPECT_EQ(d.parties[1].options[2].direction->value, "take_only");
  EXPECT_FALSE(d.parties[0].priorities);  // `preferences` is not used with manual rankings
  ASSERT_TRUE(d.parties[0].ranking);
  const RankingDraft& r = *d.parties[0].ranking;
  ASSERT_EQ(r.size(), 9U);
  EXPECT_EQ(r[0][0].value, "NNYNY");  // state 9
  EXPECT_EQ(r[0][0].where.line, 14);
  EXPECT_EQ(r[0][0].where.column, 28);
  ASSERT_EQ(r[8].size(), 4U);
  EXPECT_EQ(r[8][0].value, "NNNYN");
  EXPECT_EQ(r[8][3].value, "YNNYY");
  EXPECT_EQ(d.infeasible.back().value, "not delay and not accept and not abandon");
  EXPECT_EQ(p.extras.coalitions, (std::vector<std::vector<std::string>>{{"MoE", "UR"}, {"LG"}}));
  // The block of two becomes the model's coalition structure; LG alone needs no entry.
  ASSERT_EQ(d.coalitions.size(), 1U);
  ASSERT_EQ(d.coalitions[0].size(), 2U);
  EXPECT_EQ(d.coalitions[0][0].value, "MoE");
  EXPECT_EQ(d.coalitions[0][1].value, "UR");
}

TEST(GmcrReader, WritesIfAndIffShapesBack) {
  Parsed p = parse(gmcr_file("elmira-priorities.gmcr"));
  ASSERT_TRUE(p.diagnostics.empty()) << listed(p.diagnostics);
  const ModelDraft& d = p.draft;
  EXPECT_EQ(d.parties[0].id.value, "Ministry_of_Environment");
  EXPECT_EQ(d.parties[2].id.value, "Local_government");
  EXPECT_EQ(d.parties[0].options[0].id.value, "modify_control_order");
  EXPECT_EQ(d.parties[0].options[0].name, "Modify control order");
  EXPECT_EQ((*d.parties[0].priorities)[2].value, "not modify_control_order if not abandon_elmira_plant");
  EXPECT_EQ((*d.parties[2].priorities)[0].value, "accept_control_order iff not delay_by_appealing");
  EXPECT_EQ((*d.parties[0].priorities)[3].value,
            "(not modify_control_order and insist_on_original_order and not abandon_elmira_plant) or "
            "(modify_control_order and not insist_on_original_order and not abandon_elmira_plant)");
  // GMCR+ files without coalitions: each decision maker alone.
  EXPECT_EQ(p.extras.coalitions.size(), 3U);
  EXPECT_TRUE(d.coalitions.empty());
}

TEST(GmcrReader, RecognisesSaveFiles) {
  for (const char* f : {"prisoners-dilemma.gmcr", "syria-iraq.gmcr", "elmira.gmcr", "cuban-missile-crisis.gmcr"})
    EXPECT_TRUE(looks_like_gmcr(gmcr_file(f))) << f;
  EXPECT_TRUE(looks_like_gmcr("\xEF\xBB\xBF {\"decisionMakers\": []}"));
  EXPECT_TRUE(looks_like_gmcr("{\"options\": [], \"decisionMakers\": [{\"name\": "));  // broken, but GMCR+'s
  EXPECT_FALSE(looks_like_gmcr(slurp(std::string(PARLEY_SOURCE_DIR) + "/catalog/elmira.yaml")));
  EXPECT_FALSE(looks_like_gmcr(R"({"parley": 1, "parties": [{"id": "A", "options": ["a"], "ranking": ["N", "Y"]}]})"));
  EXPECT_FALSE(looks_like_gmcr(""));
  EXPECT_FALSE(looks_like_gmcr("[1, 2]"));
  EXPECT_FALSE(looks_like_gmcr("{\"options\": []}"));
}

// ---------------------------------------------------------------------------------------------
// Ids from names.

/// A file with one decision maker per entry of `parties`, each with one option of the given name.
std::string named(const std::vector<std::pair<std::string, std::string>>& parties) {
  std::string options, dms;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    options +=
        (i ? ", " : "") + std::string(R"({"name": ")") + parties[i].second + R"(", "permittedDirection": "both"})";
    dms += (i ? ", " : "") + std::string(R"({"name": ")") + parties[i].first + R"(", "options": [)" +
           std::to_string(i) + R"(], "preferences": [[[)" + std::to_string(i) + R"(, "Y"]]]})";
  }
  return R"({"useManualPreferenceRanking": false, "options": [)" + options + R"(], "decisionMakers": [)" + dms +
         R"(], "infeasibles": []})";
}

TEST(GmcrReader, DerivesIdentifiersFromNames) {
  Parsed p = parse(named({{"Local Government", "Modify control order"},
                          {"Local Government", "Full"},
                          {"US", "Full"},
                          {"2 Party", "2nd strike"},
                          {"", ""},
                          {"Région", "Élan vital (ß)"},
                          {"X", "Not"},
                          {"Y", "and / or"},
                          {"Z", "   ??  "},
                          {"Ä", "a very long name that goes on and on past the limit of forty characters"}}));
  ASSERT_TRUE(p.diagnostics.empty()) << listed(p.diagnostics);
  std::vector<std::string> parties, options;
  for (const auto& party : p.draft.parties) {
    parties.push_back(party.id.value);
    options.push_back(party.options[0].id.value);
  }
  EXPECT_EQ(parties, (Lines{"Local_Government", "Local_Government_2", "US", "party_2_Party", "party_5", "Region", "X",
                            "Y", "Z", "A"}));
  EXPECT_EQ(options, (Lines{"modify_control_order", "full", "full_2", "option_2nd_strike", "option_5", "elan_vital_ss",
                            "not_option", "and_or", "option_9", "a_very_long_name_that_goes_on_and_on"}));
  EXPECT_EQ(p.draft.parties[5].name, "Région");
  EXPECT_EQ(p.draft.parties[5].options[0].name, "Élan vital (ß)");
  Diagnostics diagnostics;
  EXPECT_TRUE(build_model(p.draft, BuildOptions{}, diagnostics)) << listed(diagnostics);
}

// ---------------------------------------------------------------------------------------------
// Conditions.

/// Two options of one decision maker and the given preference statements.
std::string with_preferences(const std::string& preferences, const std::string& infeasibles = "[]") {
  return R"({"useManualPreferenceRanking": false,
"options": [{"name": "a", "permittedDirection": "both"}, {"name": "b", "permittedDirection": "both"}],
"decisionMakers": [{"name": "A", "options": [0, 1], "preferences": )" +
         preferences + R"(}],
"infeasibles": )" +
         infeasibles + "}";
}

Lines statements(const std::string& preferences) {
  Parsed p = parse(with_preferences(preferences));
  EXPECT_TRUE(p.diagnostics.empty()) << listed(p.diagnostics);
  Lines out;
  if (!p.draft.parties.empty() && p.draft.parties[0].priorities)
    for (const auto& s : *p.draft.parties[0].priorities)
      out.push_back(s.value);
  return out;
}

TEST(GmcrReader, TranslatesEveryShapeOfCondition) {
  EXPECT_EQ(statements(R"([[[0, "Y"]], [[1, "N"]], [[0, "Y"], [1, "N"]], [[0, "Y"], [0, "Y"]], [[0, "Y"], [0, "N"]]])"),
            (Lines{"a", "not b", "a and not b", "a", "a and not a"}));
  // Compound conditions: one member must hold.
  EXPECT_EQ(statements(R"([{"compound": true, "members": [[[0, "Y"], [1, "Y"]], [[0, "N"]]]},
                           {"members": [[[1, "N"]]]}])"),
            (Lines{"(a and b) or not a", "not b"}));
  // The shapes of "q if p" and "q iff p", members and pairs in any order.
  EXPECT_EQ(
      statements(R"([{"compound": true, "members": [[[1, "Y"], [0, "N"]], [[1, "N"], [0, "N"]], [[1, "N"], [0, "Y"]]]},
                           {"compound": true, "members": [[[1, "Y"], [0, "N"]], [[0, "Y"], [1, "N"]], [[1, "N"], [0, "N"]]]},
                           {"compound": true, "members": [[[0, "N"], [1, "N"]], [[0, "Y"], [1, "Y"]]]},
                           {"compound": true, "members": [[[0, "N"], [1, "N"]], [[0, "Y"], [1, "N"]]]}])"),
      (Lines{"not a if b", "not a if b", "not b iff not a", "(not a and not b) or (a and not b)"}));
  // A condition of no option always holds; a compound of no member never does.
  EXPECT_EQ(statements(R"([[], {"compound": true, "members": []}, {"compound": true, "members": [[[0, "Y"]], []]}])"),
            (Lines{"a or not a", "a and not a", "a or not a"}));
}

TEST(GmcrReader, StatementsMeanWhatGmcrMeans) {
  // "not a if b" ranks the state where b holds and a too lowest, the rest tied.
  auto model = model_of(with_preferences(
      R"([{"compound": true, "members": [[[1, "Y"], [0, "N"]], [[1, "N"], [0, "N"]], [[1, "N"], [0, "Y"]]]}])"));
  ASSERT_TRUE(model);
  EXPECT_EQ(ranking_of(*model, 0), (std::vector<std::vector<std::string>>{{"NN", "YN", "NY"}, {"YY"}}));
  // An empty infeasible condition matches every state, like GMCR+'s: no state is left.
  Parsed p = parse(with_preferences("[]", "[[]]"));
  ASSERT_TRUE(p.diagnostics.empty()) << listed(p.diagnostics);
  EXPECT_EQ(p.draft.infeasible[0].value, "a or not a");
}

// ---------------------------------------------------------------------------------------------
// Errors.

TEST(GmcrErrors, InvalidJson) {
  EXPECT_EQ(error_lines("{\"options\": [1, 2,\n x]}"),
            Lines{"m.gmcr:2:2: error: not valid JSON: syntax error while parsing value - invalid literal; last read: "
                  "'2,<U+000A> x'"});
  EXPECT_EQ(first_help("{\"options\": [1, 2,\n x]}"),
            "fix the syntax at this place (brackets, commas, quotes); a GMCR+ save file is JSON");
  EXPECT_EQ(error_lines("{\"options\": [\n"),
            Lines{"m.gmcr:2:1: error: not valid JSON: syntax error while parsing value - unexpected end of input; "
                  "expected '[', '{', or a literal"});
  // A character cut in two in nlohmann's quote of the input is left out of the message.
  EXPECT_EQ(error_lines("{\"name\": \xC3\xA9}"),
            Lines{"m.gmcr:1:10: error: not valid JSON: syntax error while parsing value - invalid literal; last read: "
                  "'\"name\": '"});
  EXPECT_EQ(error_lines("{\"name\": \"\xC3\xA9t\xE9\"}"), Lines{"m.gmcr:1:13: error: invalid UTF-8 (byte 0xE9)"});
  EXPECT_EQ(error_lines(std::string("{\"a\":\0 1}", 9)),
            Lines{"m.gmcr:1:6: error: the file is binary (it contains a NUL byte), not a YAML or JSON model"});
}

TEST(GmcrErrors, EmptyOrNotAnObject) {
  EXPECT_EQ(error_lines(" \n"), Lines{"m.gmcr:1:1: error: the file is empty"});
  EXPECT_EQ(error_lines("[1, 2]"),
            Lines{"m.gmcr:1:1: error: the file is not a GMCR+ save file: its top level is a list, not an object"});
  EXPECT_EQ(error_lines("\n  \"text\""),
            Lines{"m.gmcr:2:4: error: the file is not a GMCR+ save file: its top level is the text \"text\", not an "
                  "object"});
}

TEST(GmcrErrors, MissingKeys) {
  EXPECT_EQ(error_lines("{}"), (Lines{"m.gmcr:1:1: error: missing key `useManualPreferenceRanking`",
                                      "m.gmcr:1:1: error: missing key `options` at the top level",
                                      "m.gmcr:1:1: error: missing key `decisionMakers` at the top level",
                                      "m.gmcr:1:1: error: missing key `infeasibles` at the top level"}));
  EXPECT_EQ(first_help("{}"),
            "add \"useManualPreferenceRanking\": false to use each decision maker's prioritized `preferences`, or "
            "true to use its `preferenceRanking`");
  EXPECT_EQ(error_lines(R"({"useManualPreferenceRanking": false, "infeasibles": [],
  "options": [{"name": "a"}, {"permittedDirection": "both"}],
  "decisionMakers": [{"name": "A", "options": [0, 1]}, {"preferences": []}]})"),
            (Lines{"m.gmcr:2:15: error: missing key `permittedDirection` in options[0]",
                   "m.gmcr:2:30: error: missing key `name` in options[1]",
                   "m.gmcr:3:22: error: missing key `preferences` in decisionMakers[0]",
                   "m.gmcr:3:56: error: missing key `name` in decisionMakers[1]",
                   "m.gmcr:3:56: error: missing key `options` in decisionMakers[1]"}));
}

TEST(GmcrErrors, WrongTypes) {
  EXPECT_EQ(
      error_lines(R"({"useManualPreferenceRanking": "no", "options": {}, "decisionMakers": 3, "infeasibles": null})"),
      (Lines{"m.gmcr:1:33: error: useManualPreferenceRanking should be true or false, not the text \"no\"",
             "m.gmcr:1:49: error: options should be a list, not an object",
             "m.gmcr:1:71: error: decisionMakers should be a list, not the number 3",
             "m.gmcr:1:89: error: infeasibles should be a list, not null"}));
  EXPECT_EQ(error_lines(R"({"useManualPreferenceRanking": false, "infeasibles": [],
"options": [7, {"name": 5, "permittedDirection": "forward"}, {"name": "c", "permittedDirection": true}],
"decisionMakers": ["A", {"name": ["A"], "options": [0, 1, 2], "preferences": {}}]})"),
            (Lines{"m.gmcr:2:13: error: options[0] should be an object, not the number 7",
                   "m.gmcr:2:25: error: options[1].name should be text, not the number 5",
                   "m.gmcr:2:51: error: options[1].permittedDirection is 'forward', not one of both, fwd or back",
                   "m.gmcr:2:98: error: options[2].permittedDirection should be text, not true",
                   "m.gmcr:3:21: error: decisionMakers[0] should be an object, not the text \"A\"",
                   "m.gmcr:3:34: error: decisionMakers[1].name should be text, not a list",
                   "m.gmcr:3:78: error: decisionMakers[1].preferences should be a list, not an object"}));
  EXPECT_EQ(first_help(R"({"useManualPreferenceRanking": false, "infeasibles": [],
"options": [{"name": "x", "permittedDirection": "forward"}],
"decisionMakers": [{"name": "X", "options": [0], "preferences": []}]})"),
            "GMCR+ writes \"both\" (taken and withdrawn), \"fwd\" (can only be taken, N to Y) or \"back\" (can only be "
            "withdrawn, Y to N)");
}

/// Five options, A controls 0-1, B controls 2-4; `a` and `b` are their preferences.
std::string five(const std::string& a, const std::string& b, const std::string& infeasibles = "[]",
                 const std::string& b_options = "[2, 3, 4]") {
  return R"({"useManualPreferenceRanking": false,
"options": [{"name": "a1", "permittedDirection": "both"}, {"name": "a2", "permittedDirection": "both"},
            {"name": "b1", "permittedDirection": "both"}, {"name": "b2", "permittedDirection": "both"},
            {"name": "b3", "permittedDirection": "both"}],
"decisionMakers": [{"name": "A", "options": [0, 1], "preferences": )" +
         a + R"(},
                   {"name": "B", "options": )" +
         b_options + R"(, "preferences": )" + b + R"(}],
"infeasibles": )" +
         infeasibles + "}";
}

TEST(GmcrErrors, OptionIndices) {
  EXPECT_TRUE(model_of(five("[]", "[]")));
  EXPECT_EQ(error_lines(five("[]", "[]", "[]", "[7, 2, 3, 4]")),
            Lines{"m.gmcr:6:46: error: decisionMakers[1].options[0] refers to option 7, but there are 5 options"});
  EXPECT_EQ(first_help(five("[]", "[]", "[]", "[7, 2, 3, 4]")),
            "options are numbered from 0 in the file's `options` list; use 0 to 4");
  EXPECT_EQ(error_lines(five("[]", "[]", "[]", "[2, 3, 4, -1, 1.0, \"4\"]")),
            (Lines{"m.gmcr:6:55: error: decisionMakers[1].options[3] refers to option -1, but there are 5 options",
                   "m.gmcr:6:59: error: decisionMakers[1].options[4] should be an option index, not the number 1.0",
                   "m.gmcr:6:65: error: decisionMakers[1].options[5] should be an option index, not the text \"4\""}));
  // An option listed twice by one decision maker counts once, as in GMCR+.
  EXPECT_TRUE(model_of(five("[]", "[]", "[]", "[2, 3, 3, 4]")));
}

TEST(GmcrErrors, OptionControl) {
  EXPECT_EQ(error_lines(five("[]", "[]", "[]", "[1, 2, 3, 4]")),
            Lines{"m.gmcr:6:46: error: decisionMakers[1].options[0] gives option 1 ('a2') to 'B', but "
                  "decisionMakers[0] ('A') controls it already"});
  EXPECT_EQ(error_lines(five("[]", "[]", "[]", "[2, 3]")),
            Lines{"m.gmcr:4:13: error: option 4 ('b3') is not controlled by any decision maker"});
  EXPECT_EQ(first_help(five("[]", "[]", "[]", "[2, 3]")),
            "add 4 to the `options` of the decision maker who controls it, or delete the option");
}

TEST(GmcrErrors, Conditions) {
  EXPECT_EQ(error_lines(five(R"([[[0, "Y"]], [[5, "Y"]], [[0, "y"]], [[0]], [0, "Y"], "a1", {"compound": true}])", "[]",
                             R"([[[1, "Y"], [2, "N", 3]], {"members": [[[9, "N"]]]}])")),
            (Lines{"m.gmcr:5:83: error: decisionMakers[0].preferences[1][0][0] refers to option 5, but there are 5 "
                   "options",
                   "m.gmcr:5:99: error: decisionMakers[0].preferences[2][0][1] should be \"Y\" or \"N\", not the "
                   "text \"y\"",
                   "m.gmcr:5:106: error: decisionMakers[0].preferences[3][0] should be a pair [option index, \"Y\" or "
                   "\"N\"], not a list of 1",
                   "m.gmcr:5:113: error: decisionMakers[0].preferences[4][0] should be a pair [option index, \"Y\" or "
                   "\"N\"], not the number 0",
                   "m.gmcr:5:117: error: decisionMakers[0].preferences[4][1] should be a pair [option index, \"Y\" or "
                   "\"N\"], not the text \"Y\"",
                   "m.gmcr:5:123: error: decisionMakers[0].preferences[5] should be a list, not the text \"a1\"",
                   "m.gmcr:5:128: error: missing key `members` in decisionMakers[0].preferences[6]",
                   "m.gmcr:7:28: error: infeasibles[0][1] should be a pair [option index, \"Y\" or \"N\"], not a list "
                   "of 3",
                   "m.gmcr:7:57: error: infeasibles[1].members[0][0][0] refers to option 9, but there are 5 "
                   "options"}));
  EXPECT_EQ(first_help(five("[[[0, \"y\"]]]", "[]")), "\"Y\": the option is taken; \"N\": it is not taken");
}

/// Elmira's options and infeasibles with manual rankings `moe`, `ur` and `lg`.
std::string elmira_ranked(const std::string& moe, const std::string& ur, const std::string& lg) {
  return R"({"useManualPreferenceRanking": true,
"options": [{"name": "Modify", "permittedDirection": "fwd"}, {"name": "Delay", "permittedDirection": "back"},
 {"name": "Accept", "permittedDirection": "both"}, {"name": "Abandon", "permittedDirection": "fwd"},
 {"name": "Insist", "permittedDirection": "both"}],
"decisionMakers": [{"name": "MoE", "options": [0], "preferenceRanking": )" +
         moe + R"(},
 {"name": "UR", "options": [1, 2, 3], "preferenceRanking": )" +
         ur + R"(},
 {"name": "LG", "options": [4], )" +
         lg + R"(}],
"infeasibles": [[[1, "Y"], [2, "Y"]], [[1, "Y"], [3, "Y"]], [[2, "Y"], [3, "Y"]], [[1, "N"], [2, "N"], [3, "N"]]]})";
}

TEST(GmcrErrors, ManualRankings) {
  const std::string ok = "[9, 3, 4, 10, 7, 1, 2, 8, [5, 6, 11, 12]]";
  EXPECT_TRUE(model_of(elmira_ranked(ok, ok, R"("preferenceVector": )" + ok)));
  EXPECT_EQ(error_lines(elmira_ranked(ok, ok, R"("preferences": [])")),
            Lines{"m.gmcr:7:2: error: decisionMakers[2] ('LG') has no `preferenceRanking`, but "
                  "`useManualPreferenceRanking` is true"});
  EXPECT_EQ(
      error_lines(elmira_ranked("[9, 3, 4, 10, 7, 1, 2, 8, [5, 6, 11, 13]]", ok, R"("preferenceRanking": )" + ok)),
      Lines{"m.gmcr:5:110: error: decisionMakers[0].preferenceRanking[8][3] refers to state 13, but there are 12 "
            "feasible states"});
  EXPECT_EQ(first_help(elmira_ranked("[9, 3, 4, 10, 7, 1, 2, 8, [5, 6, 11, 13]]", ok, R"("preferenceRanking": )" + ok)),
            "GMCR+ numbers the feasible states from 1 to 12 in increasing order of their decimal value, options "
            "grouped by decision maker");
  EXPECT_EQ(
      error_lines(elmira_ranked("[0, 3, \"4\", [10, [7]], 1, 2, 8, [5, 6, 11, 12]]", ok, R"("preferenceRanking": {})")),
      (Lines{"m.gmcr:5:74: error: decisionMakers[0].preferenceRanking[0] refers to state 0, but GMCR+ numbers "
             "states from 1",
             "m.gmcr:5:81: error: decisionMakers[0].preferenceRanking[2] should be a state number, not the text "
             "\"4\"",
             "m.gmcr:5:90: error: decisionMakers[0].preferenceRanking[3][1] should be a state number, not a list",
             "m.gmcr:7:54: error: decisionMakers[2].preferenceRanking should be a list, not an object"}));
  // Missing and repeated states are build_model's to report, with their patterns.
  Parsed p = parse(elmira_ranked("[9, 3, 4, 10, 7, 1, 2, 8, [5, 6, 11], 9]", ok, R"("preferenceRanking": )" + ok));
  ASSERT_TRUE(p.diagnostics.empty()) << listed(p.diagnostics);
  Diagnostics diagnostics;
  EXPECT_FALSE(build_model(p.draft, BuildOptions{}, diagnostics));
  // The repeated 9 (NNYNY) is reported at its place; the ranking's place stands for the missing state.
  std::vector<std::pair<int, int>> places;
  for (const auto& d : diagnostics.sorted())
    places.emplace_back(d.where.line, d.where.column);
  EXPECT_EQ(places, (std::vector<std::pair<int, int>>{{5, 73}, {5, 111}})) << listed(diagnostics);
}

TEST(GmcrErrors, Coalitions) {
  const std::string base = gmcr_file("syria-iraq-ranking.gmcr");
  auto with = [&](const std::string& coalitions) {
    std::string text = base;
    text.insert(text.rfind('}'), ", \"coalitions\": " + coalitions + "\n");
    return text;
  };
  EXPECT_EQ(error_lines(with("[0, [1, 2], \"x\"]")),
            (Lines{"m.gmcr:14:25: error: coalitions[1][1] refers to decision maker 2, but there are 2 decision makers",
                   "m.gmcr:14:30: error: coalitions[2] should be a decision maker index, not the text \"x\""}));
  // Coalitions that do not split the decision makers are replaced, as GMCR+ does.
  for (const char* odd : {"[0]", "[[0, 1], 1]", "[[], 0, 1]"}) {
    Parsed p = parse(with(odd));
    EXPECT_TRUE(p.diagnostics.empty()) << listed(p.diagnostics);
    EXPECT_EQ(p.extras.coalitions, (std::vector<std::vector<std::string>>{{"Syria"}, {"Iraq"}})) << odd;
  }
  Parsed p = parse(with("[[1, 0]]"));
  EXPECT_EQ(p.extras.coalitions, (std::vector<std::vector<std::string>>{{"Iraq", "Syria"}}));
}

TEST(GmcrErrors, IgnoresWhatParleyDoesNotUse) {
  // Misperceptions, payoffs, unknown keys: read without a word, even when odd.
  auto model = model_of(five(R"([[[0, "Y"]]], "misperceptions": "anything", "payoffs": 3, "x": [1])", "[]"));
  EXPECT_TRUE(model);
}

TEST(GmcrErrors, DeepNesting) {
  const std::string deep = "{\"x\": " + std::string(100, '[') + std::string(100, ']') + "}";
  EXPECT_EQ(error_lines(deep), Lines{"m.gmcr:1:70: error: the file nests values more than 64 levels deep"});
}

TEST(GmcrErrors, NeverCrashesOnDamagedFiles) {
  // Truncations and one-character changes of real files: errors, never a crash.
  int accepted = 0;
  auto check = [&](const std::string& t) {
    Diagnostics diagnostics;
    GmcrExtras extras;
    ModelDraft draft = parse_gmcr_text(t, "x", diagnostics, &extras);
    if (diagnostics.empty()) ++accepted;
    build_model(draft, BuildOptions{}, diagnostics);  // even a partial draft must not crash it
    (void)looks_like_gmcr(t);
  };
  const std::string large = gmcr_file("elmira-priorities.gmcr");
  for (std::size_t n = 0; n <= large.size(); n += 5)
    check(large.substr(0, n));
  const std::string file = gmcr_file("syria-iraq-ranking.gmcr");
  for (std::size_t n = 0; n <= file.size(); ++n)
    check(file.substr(0, n));
  for (std::size_t i = 0; i < file.size(); ++i)
    for (char c : std::string("9-\"]}x"))
      if (file[i] != c) {
        std::string t = file;
        t[i] = c;
        check(t);
      }
  EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace parley
