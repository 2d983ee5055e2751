// SPDX-License-Identifier: Apache-2.0
/// Every kind of invalid model gets every one of its errors, each at its exact place.
#include <gtest/gtest.h>

#include "support/model_text.hpp"

namespace parley {
namespace {

using testing::error_lines;
using testing::first_help;

using Lines = std::vector<std::string>;

const char* kTwoParties = R"(parley: 1
parties:
  - id: A
    options: [a]
    ranking: [NN, YN, NY, YY]
  - id: B
    options: [b]
    ranking: [NN, YN, NY, YY]
)";

TEST(ModelErrors, ValidBaseline) {
  EXPECT_TRUE(testing::model_from(kTwoParties));
}

TEST(ModelErrors, Coalitions) {
  const std::string base = kTwoParties;
  EXPECT_TRUE(testing::model_from(base + "coalitions: [[A, B]]\n"));
  EXPECT_EQ(error_lines(base + "coalitions: [[A, C]]\n"), Lines{"m.yaml:9:18: error: unknown party 'C' in coalitions"});
  EXPECT_EQ(error_lines(base + "coalitions: [[A, b]]\n"), Lines{"m.yaml:9:18: error: unknown party 'b' in coalitions"});
  EXPECT_EQ(first_help(base + "coalitions: [[A, b]]\n"), "did you mean 'B'?");
  EXPECT_EQ(error_lines(base + "coalitions: [[A, B], [B, A]]\n"),
            (Lines{"m.yaml:9:23: error: party 'B' is in two coalitions",
                   "m.yaml:9:26: error: party 'A' is in two coalitions"}));
  EXPECT_EQ(error_lines(base + "coalitions: [[A]]\n"),
            Lines{"m.yaml:9:15: error: a coalition needs two or more parties"});
  EXPECT_EQ(error_lines(base + "coalitions: [A, B]\n"),
            (Lines{"m.yaml:9:14: error: `coalitions group` should be a list, not 'A'",
                   "m.yaml:9:17: error: `coalitions group` should be a list, not 'B'"}));
}

TEST(ModelErrors, EmptyFile) {
  EXPECT_EQ(error_lines(""), Lines{"m.yaml:1:1: error: the file is empty"});
  EXPECT_EQ(error_lines("  \n\n"), Lines{"m.yaml:1:1: error: the file is empty"});
}

TEST(ModelErrors, BinaryFile) {
  EXPECT_EQ(error_lines(std::string("parley: 1\nna\0me: x\n", 19)),
            Lines{"m.yaml:2:3: error: the file is binary (it contains a NUL byte), not a YAML or JSON model"});
}

TEST(ModelErrors, InvalidUtf8) {
  EXPECT_EQ(error_lines("parley: 1\nname: caf\xe9 war\n"), Lines{"m.yaml:2:10: error: invalid UTF-8 (byte 0xE9)"});
  EXPECT_EQ(error_lines("parley: 1\nname: \xc0\xaf\n"), Lines{"m.yaml:2:7: error: invalid UTF-8 (byte 0xC0)"});
}

TEST(ModelErrors, YamlSyntax) {
  const auto lines = error_lines("parley: 1\nparties:\n  - id: A\n   options: [a\n");
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0].rfind("m.yaml:4:", 0), 0U) << lines[0];
  EXPECT_NE(lines[0].find("error: not valid YAML or JSON"), std::string::npos);
}

TEST(ModelErrors, JsonSyntax) {
  const auto lines = error_lines("{\"parley\": 1,\n \"parties\": [}\n");
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0].rfind("m.yaml:2:", 0), 0U) << lines[0];
}

TEST(ModelErrors, TopLevelNotAMapping) {
  EXPECT_EQ(error_lines("- a\n- b\n"),
            Lines{"m.yaml:1:1: error: the file is not a model: its top level is not a mapping of keys"});
}

TEST(ModelErrors, VersionMissingOrWrong) {
  EXPECT_EQ(error_lines("parties: [{id: A, options: [a], priorities: [a]}]\n"),
            Lines{"m.yaml:1:1: error: missing key `parley`, the format version"});
  EXPECT_EQ(error_lines("parley: 2\nparties: [{id: A, options: [a], priorities: [a]}]\n"),
            Lines{"m.yaml:1:9: error: unsupported format version '2'"});
}

TEST(ModelErrors, UnknownKeysWithSuggestions) {
  const std::string text = R"(parley: 1
parites: []
parties:
  - id: A
    options: [{id: a, directon: both}]
    rankng: [N, Y]
)";
  EXPECT_EQ(error_lines(text), (Lines{"m.yaml:2:1: error: unknown key 'parites' in the model",
                                      "m.yaml:4:9: error: party 'A' has options but no preference",
                                      "m.yaml:5:23: error: unknown key 'directon' in an option",
                                      "m.yaml:6:5: error: unknown key 'rankng' in a party"}));
  EXPECT_EQ(first_help(text), "did you mean 'parties'? (prefix your own notes with 'x-')");
}

TEST(ModelErrors, UserKeysAreIgnored) {
  EXPECT_TRUE(testing::model_from(std::string(kTwoParties) + "x-notes: {anything: [goes]}\n"));
}

TEST(ModelErrors, DuplicateKeys) {
  EXPECT_EQ(error_lines("parley: 1\nname: a\nname: b\nparties: [{id: A, options: [a], priorities: [a]}]\n"),
            Lines{"m.yaml:3:1: error: duplicate key 'name' in the model"});
}

TEST(ModelErrors, DuplicateIds) {
  EXPECT_EQ(error_lines(R"(parley: 1
parties:
  - {id: A, options: [a], priorities: [a]}
  - {id: A, options: [a], priorities: [a]}
)"),
            (Lines{"m.yaml:4:10: error: duplicate party id 'A'", "m.yaml:4:23: error: duplicate option id 'a'"}));
}

TEST(ModelErrors, BadIdentifiers) {
  EXPECT_EQ(error_lines(R"(parley: 1
parties:
  - {id: 1st, options: [and, "two words"], priorities: [x]}
)"),
            (Lines{"m.yaml:3:10: error: party id '1st' is not an identifier",
                   "m.yaml:3:25: error: option id 'and' is a word of the expression language",
                   "m.yaml:3:31: error: option id 'two words' is not an identifier",
                   "m.yaml:3:57: error: unknown option 'x'"}));
}

TEST(ModelErrors, MissingIds) {
  EXPECT_EQ(error_lines("parley: 1\nparties:\n  - {name: A, options: [{name: a}], priorities: [x]}\n"),
            (Lines{"m.yaml:3:5: error: party without an id", "m.yaml:3:25: error: option without an id",
                   "m.yaml:3:50: error: unknown option 'x'"}));
}

TEST(ModelErrors, WrongTypes) {
  EXPECT_EQ(error_lines(R"(parley: 1
name: [a, b]
parties:
  - id: A
    options: a
    priorities: not a list
    capability: strong
)"),
            (Lines{"m.yaml:2:7: error: `name` should be text, not a list",
                   "m.yaml:5:14: error: `options` should be a list, not 'a'",
                   "m.yaml:6:17: error: `priorities` should be a list, not 'not a list'",
                   "m.yaml:7:17: error: `capability` should be a number, not 'strong'"}));
}

TEST(ModelErrors, NoParties) {
  EXPECT_EQ(error_lines("parley: 1\nname: x\n"), Lines{"m.yaml:1:1: error: missing key `parties`"});
  EXPECT_EQ(error_lines("parley: 1\nparties: []\n"), Lines{"m.yaml:2:10: error: the model has no parties"});
}

TEST(ModelErrors, UnknownReferences) {
  EXPECT_EQ(error_lines(R"(parley: 1
parties:
  - {id: A, options: [accept], priorities: [acept, B.accept]}
  - {id: B, options: [b], priorities: [b]}
infeasible: [accept and bb]
mutually_exclusive: [[accept, c]]
status_quo: [zz]
)"),
            (Lines{"m.yaml:3:45: error: unknown option 'acept'",
                   "m.yaml:3:52: error: option 'accept' belongs to party 'A', not 'B'",
                   "m.yaml:5:25: error: unknown option 'bb'",
                   "m.yaml:6:31: error: unknown option 'c' in mutually_exclusive"}));
}

TEST(ModelErrors, ExpressionColumnsInsideQuotes) {
  EXPECT_EQ(error_lines("parley: 1\nparties: [{id: A, options: [a, b], priorities: [\"a and (b or\"]}]\n"),
            Lines{"m.yaml:2:61: error: expression ends where an option was expected"});
}

TEST(ModelErrors, RankingProblems) {
  EXPECT_EQ(error_lines(R"(parley: 1
parties:
  - id: A
    options: [a]
    ranking: [NN, NNN, YX, [NY, NN]]
  - {id: B, options: [b], priorities: [b]}
)"),
            (Lines{"m.yaml:5:14: error: party 'A' does not rank 2 of the 4 feasible states: YN, YY",
                   "m.yaml:5:19: error: pattern 'NNN' in ranking has 3 letters, the model has 2 options",
                   "m.yaml:5:24: error: pattern 'YX' in ranking has 'X'; only Y (taken) and N (not taken) are allowed",
                   "m.yaml:5:33: error: state 'NN' appears twice in ranking"}));
}

TEST(ModelErrors, RankingWithInfeasibleState) {
  EXPECT_EQ(error_lines(R"(parley: 1
parties:
  - {id: A, options: [a, b], ranking: [NN, YN, NY, YY]}
infeasible: [a and b]
)"),
            Lines{"m.yaml:3:52: error: pattern 'YY' in ranking is not a feasible state"});
}

TEST(ModelErrors, PayoffProblems) {
  EXPECT_EQ(error_lines(R"(parley: 1
parties:
  - {id: A, options: [a], payoffs: {NN: 1, YN: high, NY: 3, YY: .inf}}
  - {id: B, options: [b], payoffs: {NN: 1, YN: 2, NY: 3, YY: 4, YY: 5}}
)"),
            (Lines{"m.yaml:3:48: error: `payoffs` should be a number, not 'high'",
                   "m.yaml:3:65: error: payoff of 'YY' is not a finite number",
                   "m.yaml:4:65: error: duplicate key 'YY' in `payoffs`"}));
}

TEST(ModelErrors, PayoffsMissStates) {
  EXPECT_EQ(error_lines("parley: 1\nparties:\n  - {id: A, options: [a, b], payoffs: {NN: 1, YY: 2}}\n"),
            Lines{"m.yaml:3:39: error: party 'A' gives no payoff for 2 of the 4 feasible states: YN, NY"});
}

TEST(ModelErrors, PreferenceMissingOrTwice) {
  EXPECT_EQ(error_lines(R"(parley: 1
parties:
  - {id: A, options: [a]}
  - {id: B, options: [b], priorities: [b], ranking: [NN, YN, NY, YY]}
)"),
            (Lines{"m.yaml:3:10: error: party 'A' has options but no preference",
                   "m.yaml:4:53: error: party 'B' gives more than one kind of preference"}));
}

TEST(ModelErrors, InvalidDirection) {
  EXPECT_EQ(error_lines("parley: 1\nparties: [{id: A, options: [{id: a, direction: take-only}], priorities: [a]}]\n"),
            Lines{"m.yaml:2:48: error: invalid direction 'take-only'"});
  EXPECT_EQ(first_help("parley: 1\nparties: [{id: A, options: [{id: a, direction: take-only}], priorities: [a]}]\n"),
            "did you mean 'take_only'? (both, take_only or withdraw_only)");
}

TEST(ModelErrors, StatusQuo) {
  EXPECT_EQ(error_lines(std::string(kTwoParties) + "status_quo: [a, c]\n"),
            Lines{"m.yaml:9:17: error: unknown option 'c' in status_quo"});
  const std::string infeasible = R"(parley: 1
parties:
  - {id: A, options: [a, b], priorities: [a]}
infeasible: [a and b]
status_quo: [a, b]
)";
  EXPECT_EQ(
      error_lines(infeasible),
      Lines{"m.yaml:5:13: error: the status quo YY is infeasible: it violates the infeasible rule 'a and b' (line 4)"});
}

TEST(ModelErrors, EmptyStateSpace) {
  EXPECT_EQ(error_lines("parley: 1\nparties: [{id: A, options: [a], priorities: [a]}]\ninfeasible: [a, not a]\n"),
            Lines{"m.yaml:3:14: error: no state is feasible: the rules exclude every combination of options"});
}

TEST(ModelErrors, GroupsNeedTwoOptions) {
  EXPECT_EQ(error_lines(std::string(kTwoParties) + "at_least_one: [[a], [a, a]]\n"),
            (Lines{"m.yaml:9:16: error: at_least_one group with fewer than two options",
                   "m.yaml:9:25: error: option 'a' is listed twice in this at_least_one group"}));
}

TEST(ModelErrors, OversizedStateSpaceSaysHowLargeAndWhatToDo) {
  std::string text = "parley: 1\nparties:\n  - id: A\n    priorities: [o0]\n    options: [";
  for (int k = 0; k < 40; ++k)
    text += (k ? ", o" : "o") + std::to_string(k);
  text += "]\n";
  const auto errors = testing::errors_of(text);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].substr(0, errors[0].find('\n')),
            "m.yaml:3:3: error: the model has more than 67108864 feasible states (up to 2^40 = 1.1e+12 for its 40 "
            "options), above the limit of 67108864; it would need more than 1.0 GiB of memory");
  EXPECT_NE(errors[0].find("--max-states"), std::string::npos);
}

TEST(ModelErrors, TooManyOptions) {
  std::string text = "parley: 1\nparties:\n  - id: A\n    priorities: [o0]\n    options: [";
  for (int k = 0; k < 64; ++k)
    text += (k ? ", o" : "o") + std::to_string(k);
  text += "]\n";
  const auto lines = error_lines(text);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "m.yaml:5:320: error: more than 63 options");
}

TEST(ModelErrors, SpatialProblems) {
  EXPECT_EQ(error_lines(R"(parley: 1
issues:
  - {id: t, range: [100, 0]}
  - {id: g, range: [0, 10]}
  - {id: s}
parties:
  - id: A
    capability: 0
    positions: {g: 11, x: 1}
    salience: {g: 1.5}
    red_lines: {g: [8, 2]}
  - id: B
    capability: 1
    positions: {g: 5}
    red_lines: {g: [0, 20]}
  - id: C
    positions: {g: 5}
    salience: {g: 0.5, t: 0.5}
  - id: D
)"),
            (Lines{"m.yaml:3:21: error: issue 't' has range [100, 0], whose low end is not below its high end",
                   "m.yaml:5:5: error: issue 's' has no range",
                   "m.yaml:8:17: error: capability 0 of party 'A' is not positive",
                   "m.yaml:9:20: error: position 11 on issue 'g' lies outside its range [0, 10]",
                   "m.yaml:9:24: error: unknown issue 'x' in positions",
                   "m.yaml:10:19: error: salience 1.5 on issue 'g' is outside 0..1",
                   "m.yaml:11:21: error: red line [8, 2] on issue 'g' is empty (low above high)",
                   "m.yaml:12:9: error: party 'B' has a position on 'g' but no salience for it",
                   "m.yaml:15:21: error: red line [0, 20] on issue 'g' leaves its range [0, 10]",
                   "m.yaml:16:9: error: party 'C' has positions but no capability",
                   "m.yaml:18:24: error: salience on issue 't' without a position on it",
                   "m.yaml:19:9: error: party 'D' has neither options nor positions"}));
}

TEST(ModelErrors, AllErrorsOfAFileAreReported) {
  const auto lines = error_lines(R"(parley: 1
parties:
  - {id: A, options: [a], priorities: [b]}
  - {id: B, options: [{id: c, direction: sideways}], ranking: [NN]}
infeasible: [a or]
)");
  EXPECT_EQ(lines, (Lines{"m.yaml:3:40: error: unknown option 'b'", "m.yaml:4:42: error: invalid direction 'sideways'",
                          "m.yaml:5:18: error: expression ends where an option was expected"}));
}

TEST(ModelErrors, UserNotesInsideDataMappingsAreIgnored) {
  EXPECT_TRUE(testing::model_from(R"(parley: 1
parties:
  - {id: A, options: [a], payoffs: {NN: 1, YN: 2, NY: 3, YY: 4, x-why: "a note"}}
  - {id: B, options: [b], priorities: [b]}
)"));
}

TEST(ModelErrors, EmptyPriorities) {
  EXPECT_EQ(error_lines("parley: 1\nparties: [{id: A, options: [a], priorities: []}]\n"),
            Lines{"m.yaml:2:45: error: empty priorities"});
}

TEST(ModelErrors, InfiniteRange) {
  EXPECT_EQ(error_lines("parley: 1\nissues: [{id: t, range: [-.inf, .inf]}]\nparties: [{id: A, capability: 1, "
                        "positions: {t: 1}, salience: {t: 1}}]\n"),
            Lines{"m.yaml:2:26: error: issue 't' has an infinite range"});
}

TEST(ModelErrors, StatusQuoWithoutOptions) {
  EXPECT_EQ(error_lines("parley: 1\nissues: [{id: t, range: [0, 1]}]\nparties: [{id: A, capability: 1, "
                        "positions: {t: 1}, salience: {t: 1}}]\nstatus_quo: [zz]\n"),
            Lines{"m.yaml:4:13: error: a status quo in a model without options"});
}

TEST(ModelErrors, NoSuggestionThatChangesMostOfAShortName) {
  const std::string text = "parley: 1\nparties: [{id: A, options: [a], priorities: [zz]}]\n";
  EXPECT_EQ(first_help(text).find("did you mean"), std::string::npos) << first_help(text);
}

TEST(ModelErrors, ColumnsCountCharactersNotBytes) {
  EXPECT_EQ(error_lines("parley: 1\nname: \"Ü\"\nparties: [{id: Ä, options: [a], priorities: [a]}]\n"),
            Lines{"m.yaml:3:16: error: party id 'Ä' is not an identifier"});
  EXPECT_EQ(error_lines("parley: 1\nparties: [{name: \"é\", id: A, options: [a], priorities: [b]}]\n"),
            Lines{"m.yaml:2:57: error: unknown option 'b'"});
}

TEST(ModelErrors, DeepNestingIsRefused) {
  const std::string deep = "parley: 1\nx-deep: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  const auto lines = error_lines(deep);
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_NE(lines[0].find("error: not valid YAML or JSON"), std::string::npos) << lines[0];
}

TEST(ModelErrors, AliasBombIsRefused) {
  // Each level repeats the previous one ten times: 10^8 values if expanded.
  std::string text = "parley: 1\nx-a0: &a0 [NN, NN, NN, NN, NN, NN, NN, NN, NN, NN]\n";
  for (int level = 1; level <= 8; ++level) {
    const std::string prev = "*a" + std::to_string(level - 1);
    text += "x-a" + std::to_string(level) + ": &a" + std::to_string(level) + " [" + prev;
    for (int i = 1; i < 10; ++i)
      text += ", " + prev;
    text += "]\n";
  }
  text += "parties:\n  - id: A\n    options: [a]\n    ranking: *a8\n  - {id: B, options: [b], priorities: [b]}\n";
  const auto lines = error_lines(text);
  ASSERT_FALSE(lines.empty());
  bool refused = false;
  for (const auto& l : lines)
    refused |= l.find("error: the file expands to more than " + std::to_string(text.size() + 10000) + " values") !=
                   std::string::npos ||
               l.find("should be text, not a list") != std::string::npos;
  EXPECT_TRUE(refused);
}

TEST(ModelErrors, WideAliasBombHitsTheValueBudget) {
  // Two levels that the ranking reads legitimately (a list of ties), 3000 x 3000 values.
  std::string text = "parley: 1\nx-tie: &t [NN";
  for (int i = 1; i < 3000; ++i)
    text += ", NN";
  text += "]\nparties:\n  - id: A\n    options: [a]\n    ranking: [*t";
  for (int i = 1; i < 3000; ++i)
    text += ", *t";
  text += "]\n  - {id: B, options: [b], priorities: [b]}\n";
  const auto lines = error_lines(text);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "m.yaml:1:1: error: the file expands to more than " + std::to_string(text.size() + 10000) + " values");
}

TEST(ModelErrors, OversizedFileIsRefusedBeforeParsing) {
  ReadOptions options;
  options.max_file_bytes = 100;
  EXPECT_EQ(error_lines(std::string(kTwoParties) + std::string(200, '#'), options),
            Lines{"m.yaml:1:1: error: the file has 333 bytes, more than the limit of 100"});
}

}  // namespace
}  // namespace parley
