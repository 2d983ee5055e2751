// SPDX-License-Identifier: Apache-2.0
/// KTAB's SMP CSV and the expected-utility CSV, read wherever a model file is.
#include <gtest/gtest.h>

#include "parley/analysis/spatial.hpp"
#include "parley/io/model_reader.hpp"
#include "support/model_text.hpp"

namespace parley {
namespace {

std::vector<std::string> first_lines(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& e : testing::errors_of(text))
    out.push_back(e.substr(0, e.find('\n')));
  return out;
}

TEST(SpatialCsv, ExpectedUtilityLayoutGivesTheCatalogsPredictions) {
  // The EC car emissions case as an EUM CSV with saliences in percent: the same median and
  // compromise as catalog/ec-car-emissions.yaml.
  const auto csv = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/examples/imports/ec-car-emissions.csv");
  const auto yaml = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/ec-car-emissions.yaml");
  ASSERT_TRUE(csv.model) << format_diagnostic("csv", csv.diagnostics.sorted().at(0));
  ASSERT_TRUE(yaml.model);
  EXPECT_EQ(csv.model->name, "ec-car-emissions");
  ASSERT_EQ(csv.model->parties.size(), 10U);
  EXPECT_EQ(csv.model->parties[9].id, "Greece");
  EXPECT_DOUBLE_EQ(csv.model->parties[0].stances[0].salience, 0.8);
  EXPECT_DOUBLE_EQ(csv.model->issues[0].range.low, 4);
  EXPECT_DOUBLE_EQ(csv.model->issues[0].range.high, 10);
  const auto a = predict_spatial(*csv.model), b = predict_spatial(*yaml.model);
  EXPECT_DOUBLE_EQ(*a.issues[0].median, *b.issues[0].median);
  EXPECT_DOUBLE_EQ(*a.issues[0].compromise, *b.issues[0].compromise);
}

TEST(SpatialCsv, ExpectedUtilityColumnsInAnyOrderAndSaliencesAsFractions) {
  const auto model = testing::model_from("salience,position,actor,capability\n0.5,10,A,1\n0.25,30,B,2\n");
  ASSERT_TRUE(model);
  EXPECT_EQ(model->parties[1].id, "B");
  EXPECT_DOUBLE_EQ(*model->parties[1].capability, 2);
  EXPECT_DOUBLE_EQ(model->parties[1].stances[0].position, 30);
  EXPECT_DOUBLE_EQ(model->parties[1].stances[0].salience, 0.25);
}

TEST(SpatialCsv, KtabLayout) {
  const auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/examples/imports/ktab-smp-sample.csv");
  ASSERT_TRUE(r.model);
  const Model& m = *r.model;
  EXPECT_EQ(m.name, "Sample SMP scenario");
  ASSERT_EQ(m.issues.size(), 2U);
  EXPECT_EQ(m.issues[0].id, "reform");
  EXPECT_EQ(m.issues[0].name, "Reform Position");
  EXPECT_DOUBLE_EQ(m.issues[1].range.high, 100);
  ASSERT_EQ(m.parties.size(), 4U);
  EXPECT_EQ(m.parties[3].name, "Civil society, coalition");  // a quoted field keeps its comma
  EXPECT_DOUBLE_EQ(*m.parties[1].capability, 60);
  EXPECT_DOUBLE_EQ(m.parties[1].stances[1].position, 70);
  EXPECT_DOUBLE_EQ(m.parties[1].stances[0].salience, 0.7);
}

TEST(SpatialCsv, KtabSaliencesAddingUpToMoreThanAHundredAreNormalised) {
  const auto model = testing::model_from("S,d,1,2,\nActor,Description,Power,P1,S1,P2,S2,\nA,a,10,20,90,30,60,\n");
  ASSERT_TRUE(model);
  EXPECT_DOUBLE_EQ(model->parties[0].stances[0].salience, 0.6);
  EXPECT_DOUBLE_EQ(model->parties[0].stances[1].salience, 0.4);
}

TEST(SpatialCsv, ErrorsPointAtTheField) {
  EXPECT_EQ(first_lines("Actor,Capability,Position,Salience\nA,1,ten,0.5\n"),
            std::vector<std::string>{"m.yaml:2:5: error: position 'ten' is not a number"});
  EXPECT_EQ(first_lines("Actor,Capability,Positon,Salience\nA,1,3,0.5\n").at(0),
            "m.yaml:1:18: error: unknown column 'Positon'");
  EXPECT_EQ(first_lines("Actor,Capability,Position,Salience\nA,1,3\n").at(0),
            "m.yaml:2:5: error: this row has 3 fields where the header has 4");
  EXPECT_EQ(first_lines("Actor,Capability,Position,Salience\nA,-1,3,0.5\nB,1,4,0.5\n").at(0),
            "m.yaml:2:3: error: capability -1 of party 'A' is not positive");
  EXPECT_EQ(first_lines("S,d,3,1,\nActor,Description,Power,P1,S1,\nA,a,10,20,90,\n").at(0),
            "m.yaml:1:5: error: the first line announces 3 actors, but 1 follow");
  EXPECT_EQ(first_lines("S,d,1,2,\nActor,Description,Power,P1,S1,\nA,a,10,20,90,\n").at(0),
            "m.yaml:2:1: error: the header has 5 columns, but 2 issues need 3 + 2 x 2 = 7");
  EXPECT_EQ(first_lines("Actor,Capability,Position,Salience\n\"A,1,3,0.5\n").at(0),
            "m.yaml:2:1: error: a quoted field is not closed");
}

}  // namespace
}  // namespace parley
