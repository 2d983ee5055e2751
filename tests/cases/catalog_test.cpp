// SPDX-License-Identifier: Apache-2.0
/// Golden tests: every published conflict of catalog/ reproduces its published facts exactly.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>

#include "parley/analysis/inverse.hpp"
#include "parley/analysis/limited_move.hpp"
#include "parley/analysis/paths.hpp"
#include "parley/analysis/spatial.hpp"
#include "parley/analysis/stability.hpp"
#include "parley/io/model_reader.hpp"
#include "support/model_text.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> catalog_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(fs::path(PARLEY_SOURCE_DIR) / "catalog"))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

class Catalog : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto r = read_model_file(GetParam());
    ASSERT_TRUE(r.model) << GetParam() << " is invalid";
    model_ = r.model;
    file_ = YAML::LoadFile(GetParam());
  }
  std::shared_ptr<const Model> model_;
  YAML::Node file_;
};

TEST_P(Catalog, HasCitationAndExpectedResults) {
  EXPECT_FALSE(model_->source.empty());
  EXPECT_TRUE(file_["x-expected"].IsMap());
}

TEST_P(Catalog, StatesAreThePublishedOnesInCanonicalOrder) {
  const YAML::Node expected = file_["x-expected"]["states"];
  if (!expected) GTEST_SKIP() << "no published state list";
  EXPECT_EQ(testing::patterns(*model_), expected.as<std::vector<std::string>>());
}

TEST_P(Catalog, RankingsAreReproducedLevelByLevel) {
  const YAML::Node parties = file_["parties"];
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const YAML::Node ranking = parties[i]["ranking"];
    if (!ranking) continue;
    const auto levels = model_->preferences[i].ranking();
    ASSERT_EQ(levels.size(), ranking.size()) << model_->parties[i].id;
    for (std::size_t level = 0; level < levels.size(); ++level) {
      std::set<std::string> ours, published;
      for (StateIndex s : levels[level])
        ours.insert(model_->pattern(s));
      if (ranking[level].IsSequence())
        for (const auto& p : ranking[level])
          published.insert(p.as<std::string>());
      else
        published.insert(ranking[level].as<std::string>());
      EXPECT_EQ(ours, published) << model_->parties[i].id << " level " << level;
    }
  }
}

/// The states of a set as patterns, in state order.
std::vector<std::string> patterns_of(const Model& model, const StateSet& set) {
  std::vector<std::string> out;
  for (StateIndex s = 0; s < set.size(); ++s)
    if (set[s]) out.push_back(model.pattern(s));
  return out;
}

TEST_P(Catalog, StabilityIsThePublishedOne) {
  if (!model_->has_options()) GTEST_SKIP() << "spatial model";
  Progress progress;
  CancelToken cancel;
  StabilityOptions options;
  options.concepts = all_concepts();
  const auto result = analyze_stability(*model_, options, progress, cancel);
  int compared = 0;
  for (const auto& entry : file_["x-expected"]["equilibria"]) {
    const auto concept_name = entry.first.as<std::string>();
    auto c = parse_concept(concept_name);
    ASSERT_TRUE(c) << concept_name;
    if (!result.has(*c)) continue;
    EXPECT_EQ(patterns_of(*model_, result.equilibria(*c)), entry.second.as<std::vector<std::string>>()) << concept_name;
    ++compared;
  }
  for (const auto& entry : file_["x-expected"]["stability"]) {
    auto c = parse_concept(entry.first.as<std::string>());
    ASSERT_TRUE(c);
    if (!result.has(*c)) continue;
    for (const auto& party : entry.second) {
      const int i = model_->party_index(party.first.as<std::string>());
      ASSERT_GE(i, 0);
      EXPECT_EQ(patterns_of(*model_, result.stable(*c, i)), party.second.as<std::vector<std::string>>())
          << entry.first.as<std::string>() << " " << party.first.as<std::string>();
      ++compared;
    }
  }
  EXPECT_GT(compared, 0);
}

StateSet both(const std::vector<StateSet>& by_party) {
  StateSet out = by_party[0];
  for (std::size_t s = 0; s < out.size(); ++s)
    out[s] = by_party[0][s] && by_party[1][s];
  return out;
}

TEST_P(Catalog, LimitedMoveIsThePublishedOne) {
  const YAML::Node expected = file_["x-expected"]["limited_move"];
  if (!expected) GTEST_SKIP() << "no published limited-move results";
  Progress progress;
  CancelToken cancel;
  LimitedMoveOptions options;
  options.max_horizon = 0;
  for (const auto& entry : expected) {
    const auto key = entry.first.as<std::string>();
    if (key != "nonmyopic") options.max_horizon = std::max(options.max_horizon, std::stoi(key.substr(1)));
  }
  const auto result = analyze_limited_move(*model_, options, progress, cancel);
  for (const auto& entry : expected) {
    const auto key = entry.first.as<std::string>();
    const StateSet ours =
        key == "nonmyopic" ? both(result.nonmyopic) : both(result.stable[std::stoul(key.substr(1)) - 1]);
    EXPECT_EQ(patterns_of(*model_, ours), entry.second.as<std::vector<std::string>>()) << key;
  }
}

TEST_P(Catalog, StatusQuoPathIsAPublishedShortestPath) {
  const YAML::Node expected = file_["x-expected"]["status_quo_path"];
  if (!expected) GTEST_SKIP() << "no published status quo path";
  std::vector<Move> published;
  for (const auto& step : expected)
    published.push_back({model_->party_index(step["party"].as<std::string>()),
                         *model_->states->index_of(pattern_bits(step["to"].as<std::string>()))});
  ASSERT_TRUE(model_->status_quo);
  CancelToken cancel;
  const auto all = all_shortest_paths(*model_, *model_->status_quo, published.back().to, 1000, cancel);
  EXPECT_EQ(all.moves, static_cast<int>(published.size()));
  bool found = false;
  for (const auto& p : all.paths)
    found |= std::equal(p.begin(), p.end(), published.begin(), published.end(),
                        [](const Move& a, const Move& b) { return a.party == b.party && a.to == b.to; });
  EXPECT_TRUE(found) << "the published path is not a shortest path of unilateral improvements";
}

TEST_P(Catalog, SpatialPredictionsAreThePublishedOnes) {
  const YAML::Node expected = file_["x-expected"];
  if (!expected["median"] && !expected["compromise"]) GTEST_SKIP() << "no published spatial results";
  const auto p = predict_spatial(*model_);
  ASSERT_EQ(p.issues.size(), 1U) << "the published figures are for a single issue";
  if (expected["median"]) {
    EXPECT_DOUBLE_EQ(*p.issues[0].median, expected["median"].as<double>());
  }
  if (expected["compromise"]) {  // published to two decimals
    EXPECT_NEAR(*p.issues[0].compromise, expected["compromise"].as<double>(), 0.005);
  }
}

TEST_P(Catalog, InverseCountsAreThePublishedOnes) {
  const YAML::Node expected = file_["x-expected"]["inverse"];
  if (!expected) GTEST_SKIP() << "no published inverse problem";
  InverseOptions options;
  options.target = *model_->states->index_of(pattern_bits(expected["target"].as<std::string>()));
  for (const auto& party : expected["vary"])
    options.vary.push_back(model_->party_index(party.as<std::string>()));
  CancelToken cancel;
  const auto result = analyze_inverse(*model_, options, cancel);
  EXPECT_EQ(result.rankings_considered, expected["rankings_considered"].as<std::uint64_t>());
  for (const auto& c : result.concepts) {
    const auto key = std::string(concept_key(c.solution));
    ASSERT_TRUE(c.count) << key;
    EXPECT_EQ(*c.count, expected["counts"][key].as<std::uint64_t>()) << key;
  }
}

INSTANTIATE_TEST_SUITE_P(Published, Catalog, ::testing::ValuesIn(catalog_files()), [](const auto& param_info) {
  std::string name = fs::path(param_info.param).stem().string();
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

TEST(CatalogElmira, TheTextbookStatesPlusTheFourAbandonStates) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/elmira.yaml");
  ASSERT_TRUE(r.model);
  const auto ours = testing::patterns(*r.model);
  const std::set<std::string> textbook = {"NYNNN", "YYNNN", "NNYNN", "YNYNN", "NYNNY", "YYNNY",
                                          "NNYNY", "YNYNY", "NNNYN", "YNNYN", "NNNYY", "YNNYY"};
  EXPECT_EQ(std::set<std::string>(ours.begin(), ours.end()), textbook);
  EXPECT_EQ(r.model->pattern(*r.model->status_quo), "NYNNN");
}

TEST(CatalogCarEmissions, SpatialInputsAreRead) {
  auto r = read_model_file(std::string(PARLEY_SOURCE_DIR) + "/catalog/ec-car-emissions.yaml");
  ASSERT_TRUE(r.model);
  ASSERT_EQ(r.model->parties.size(), 10U);
  double total_capability = 0;
  for (const auto& p : r.model->parties)
    total_capability += *p.capability;
  EXPECT_NEAR(total_capability, 1.01, 1e-9);
  EXPECT_DOUBLE_EQ(r.model->parties[6].stances[0].salience, 0.9);  // the UK
}

TEST(Examples, EveryBundledExampleIsValid) {
  for (const auto& entry : fs::directory_iterator(fs::path(PARLEY_SOURCE_DIR) / "examples")) {
    if (entry.path().extension() != ".yaml") continue;
    auto r = read_model_file(entry.path().string());
    std::string errors;
    for (const auto& d : r.diagnostics.sorted())
      errors += format_diagnostic(entry.path().string(), d) + "\n";
    EXPECT_TRUE(r.model) << errors;
  }
}

}  // namespace
}  // namespace parley
