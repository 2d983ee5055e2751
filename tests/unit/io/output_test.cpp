// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "parley/io/json_output.hpp"
#include "parley/io/text_output.hpp"
#include "support/model_text.hpp"

namespace parley {
namespace {

const char* kSyriaIraq = R"(parley: 1
name: Syria-Iraq
parties:
  - {id: Syria, options: [release, escalate], ranking: [NNN, NYN, NYY, YNN, NNY, YNY]}
  - {id: Iraq, options: [attack], ranking: [YNN, NNY, NYY, NNN, YNY, NYN]}
infeasible: [release and escalate]
status_quo: []
)";

TEST(JsonOutput, HeaderAndStatesFollowTheContract) {
  auto model = testing::model_from(kSyriaIraq);
  ASSERT_TRUE(model);
  Json out = json_header(*model);
  out["states"] = json_states(*model);
  EXPECT_EQ(out.dump(),
            R"({"parley":"0.1.0","model":"Syria-Iraq","options":["Syria.release","Syria.escalate",)"
            R"("Iraq.attack"],"status_quo":"NNN","states":[{"id":1,"pattern":"NNN"},{"id":2,"pattern":"YNN"},)"
            R"({"id":3,"pattern":"NYN"},{"id":4,"pattern":"NNY"},{"id":5,"pattern":"YNY"},{"id":6,"pattern":"NYY"}]})");
}

TEST(JsonOutput, PreferencesListTiesAsArrays) {
  auto model = testing::model_from(R"(parley: 1
parties: [{id: A, options: [a], ranking: [[NY, YN], YY, NN]}, {id: B, options: [b], priorities: [b]}]
)");
  ASSERT_TRUE(model);
  EXPECT_EQ(json_preferences(*model).dump(), R"({"A":[["YN","NY"],"YY","NN"],"B":[["NY","YY"],["NN","YN"]]})");
}

TEST(TextOutput, TabularFormHasOneColumnPerState) {
  auto model = testing::model_from(kSyriaIraq);
  ASSERT_TRUE(model);
  EXPECT_EQ(text_state_table(*model),
            "state           1* 2  3  4  5  6\n"
            "Syria release   N  Y  N  N  Y  N\n"
            "      escalate  N  N  Y  N  N  Y\n"
            "Iraq attack     N  N  N  Y  Y  Y\n"
            "(* status quo)\n");
  EXPECT_EQ(text_rankings(*model), "Syria      1 3 6 2 4 5\nIraq       2 4 6 1 5 3\n");
}

TEST(TextOutput, WideTablesAreCutWithANote) {
  auto model = testing::model_from("parley: 1\nparties: [{id: A, options: [a, b, c, d, e, f, g], priorities: [a]}]\n");
  ASSERT_TRUE(model);
  const std::string table = text_state_table(*model, {}, 30);
  EXPECT_NE(table.find("... 98 more states not shown; use --json for all of them"), std::string::npos);
}

}  // namespace
}  // namespace parley
