// SPDX-License-Identifier: Apache-2.0
#include "parley/io/model_reader.hpp"

#include <gtest/gtest.h>

#include "support/model_text.hpp"

namespace parley {
namespace {

using testing::model_from;

TEST(ModelReader, ReadsEveryFieldOfTheContract) {
  auto model = model_from(R"(parley: 1
name: Everything
description: A model using every field.
source: The contract.
parties:
  - id: A
    name: Party A
    options:
      - {id: a1, name: First, direction: take_only}
      - {id: a2, direction: withdraw_only}
      - a3
    priorities: [a1, not a2 if B.b1, a3 iff b1]
    capability: 2.5
    positions: {territory: 40, guarantees: 3}
    salience: {territory: 0.9, guarantees: 0.2}
    red_lines: {territory: [30, 100]}
  - id: B
    options: [{id: b1}]
    payoffs: {NNNN: 1, YNNN: 2, NYNN: 3, NNYN: 4, YNYN: 5, NYYN: 6, NNNY: 1, YNNY: 2, NYNY: 3, NNYY: 4, YNYY: 5, NYYY: 6}
    x-note: ignored
  - id: C
    capability: 1
    positions: {territory: 100}
    salience: {territory: 1}
issues:
  - {id: territory, name: Territory, range: [0, 100]}
  - {id: guarantees, range: [0, 10]}
infeasible: [a1 and a2]
mutually_exclusive: [[a1, a2]]
at_least_one: []
status_quo: [a2, b1]
x-expected: {anything: [1, 2]}
)");
  ASSERT_TRUE(model);
  EXPECT_EQ(model->name, "Everything");
  EXPECT_EQ(model->source, "The contract.");
  ASSERT_EQ(model->parties.size(), 3U);
  EXPECT_EQ(model->parties[0].name, "Party A");
  EXPECT_EQ(model->parties[2].name, "C");
  ASSERT_EQ(model->options.size(), 4U);
  EXPECT_EQ(model->options[0].direction, Direction::TakeOnly);
  EXPECT_EQ(model->options[1].direction, Direction::WithdrawOnly);
  EXPECT_EQ(model->options[2].direction, Direction::Both);
  EXPECT_EQ(model->qualified_option(3), "B.b1");
  EXPECT_EQ(model->states->size(), 12U);
  ASSERT_TRUE(model->status_quo);
  EXPECT_EQ(model->pattern(*model->status_quo), "NYNY");
  EXPECT_EQ(model->preferences[1].source(), Preference::Source::Payoffs);
  EXPECT_TRUE(model->preferences[2].levels().empty());
  ASSERT_EQ(model->parties[0].stances.size(), 2U);
  EXPECT_EQ(model->parties[0].stances[0].issue, 0);
  EXPECT_DOUBLE_EQ(model->parties[0].stances[0].position, 40);
  EXPECT_DOUBLE_EQ(model->parties[0].stances[0].salience, 0.9);
  ASSERT_TRUE(model->parties[0].stances[0].red_line);
  EXPECT_DOUBLE_EQ(model->parties[0].stances[0].red_line->low, 30);
  EXPECT_FALSE(model->parties[0].stances[1].red_line);
  EXPECT_DOUBLE_EQ(*model->parties[0].capability, 2.5);
}

TEST(ModelReader, JsonIsReadByTheSameReader) {
  auto model = model_from(R"({"parley": 1, "name": "PD",
    "parties": [{"id": "P1", "options": [{"id": "c1"}], "ranking": ["NY", "YY", "NN", "YN"]},
                {"id": "P2", "options": [{"id": "c2"}], "ranking": ["YN", "YY", "NN", "NY"]}],
    "status_quo": []})");
  ASSERT_TRUE(model);
  EXPECT_EQ(model->states->size(), 4U);
  EXPECT_EQ(model->pattern(*model->status_quo), "NN");
}

TEST(ModelReader, NameDefaultsToTheFileName) {
  auto model = model_from("parley: 1\nparties: [{id: A, options: [a], priorities: [a]}]\n");
  ASSERT_TRUE(model);
  EXPECT_EQ(model->name, "test");
  EXPECT_FALSE(model->status_quo);
}

TEST(ModelReader, SpatialOnlyModelHasNoStates) {
  auto model = model_from(R"(parley: 1
issues: [{id: years, range: [4, 10]}]
parties:
  - {id: NL, capability: 0.08, positions: {years: 4}, salience: {years: 0.8}}
)");
  ASSERT_TRUE(model);
  EXPECT_FALSE(model->has_options());
  EXPECT_EQ(model->states, nullptr);
}

TEST(ModelReader, MissingFileIsAnError) {
  auto r = read_model_file("/nonexistent/model.yaml");
  EXPECT_FALSE(r.model);
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics.items()[0].message, "cannot open the file");
}

TEST(ModelReader, DirectoryIsAnError) {
  auto r = read_model_file(PARLEY_SOURCE_DIR);
  EXPECT_FALSE(r.model);
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics.items()[0].message, "this is a directory, not a model file");
}

TEST(ModelReader, RaisedLimitAdmitsLargerModels) {
  std::string text = "parley: 1\nparties:\n  - id: A\n    priorities: [o0]\n    options: [";
  for (int k = 0; k < 12; ++k)
    text += (k ? ", o" : "o") + std::to_string(k);
  text += "]\n";
  ReadOptions small;
  small.build.max_states = 4095;
  EXPECT_FALSE(read_model_text(text, "t", small).model);
  small.build.max_states = 4096;
  EXPECT_TRUE(read_model_text(text, "t", small).model);
}

}  // namespace
}  // namespace parley
