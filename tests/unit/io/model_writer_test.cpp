// SPDX-License-Identifier: Apache-2.0
#include "parley/io/model_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "parley/io/model_reader.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

/// Every catalog model, written as YAML and as JSON and read back, is the same model.
TEST(ModelWriter, CatalogRoundTripsThroughYamlAndJson) {
  for (const auto& entry : fs::directory_iterator(fs::path(PARLEY_SOURCE_DIR) / "catalog")) {
    if (entry.path().extension() != ".yaml") continue;
    const auto original = read_model_file(entry.path().string());
    ASSERT_TRUE(original.model) << entry.path();
    for (const std::string& text : {draft_to_yaml(original.draft), draft_to_json(original.draft).dump()}) {
      const auto again = read_model_text(text, "again");
      ASSERT_TRUE(again.model) << entry.path() << "\n" << text;
      const Model& a = *original.model;
      const Model& b = *again.model;
      EXPECT_EQ(a.name, b.name);
      ASSERT_EQ(a.parties.size(), b.parties.size());
      EXPECT_EQ(a.option_count(), b.option_count());
      if (!a.has_options()) continue;
      EXPECT_EQ(a.states->all(), b.states->all());
      EXPECT_EQ(a.status_quo, b.status_quo);
      for (std::size_t i = 0; i < a.parties.size(); ++i)
        EXPECT_EQ(a.preferences[i].levels(), b.preferences[i].levels()) << entry.path() << " " << a.parties[i].id;
      for (int k = 0; k < a.option_count(); ++k)
        EXPECT_EQ(a.options[static_cast<std::size_t>(k)].direction, b.options[static_cast<std::size_t>(k)].direction);
    }
  }
}

TEST(ModelWriter, CoalitionsRoundTrip) {
  const auto original = read_model_text(R"(parley: 1
parties:
  - {id: A, options: [a], ranking: [NNN, YNN, NYN, YYN, NNY, YNY, NYY, YYY]}
  - {id: B, options: [b], ranking: [NNN, YNN, NYN, YYN, NNY, YNY, NYY, YYY]}
  - {id: C, options: [c], ranking: [NNN, YNN, NYN, YYN, NNY, YNY, NYY, YYY]}
coalitions: [[C, A]]
)",
                                        "m.yaml");
  ASSERT_TRUE(original.model);
  EXPECT_EQ(original.model->coalitions, (std::vector<std::uint32_t>{0b101}));
  for (const std::string& text : {draft_to_yaml(original.draft), draft_to_json(original.draft).dump()}) {
    const auto again = read_model_text(text, "again");
    ASSERT_TRUE(again.model) << text;
    EXPECT_EQ(again.model->coalitions, original.model->coalitions) << text;
  }
}

TEST(ModelWriter, AtomicWriteRefusesToReplaceUnlessAsked) {
  const fs::path path = fs::temp_directory_path() / "parley-writer-test.yaml";
  fs::remove(path);
  EXPECT_EQ(write_file_atomically(path.string(), "first\n", false), "");
  EXPECT_NE(write_file_atomically(path.string(), "second\n", false), "");
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "first");  // nothing a user saved is lost
  EXPECT_EQ(write_file_atomically(path.string(), "second\n", true), "");
  std::ifstream again(path);
  std::getline(again, line);
  EXPECT_EQ(line, "second");
  for (const auto& entry : fs::directory_iterator(path.parent_path()))  // no temporary file left behind
    EXPECT_FALSE(entry.path().string().rfind(path.string(), 0) == 0 && entry.path().extension() == ".parley-tmp")
        << entry.path();
  fs::remove(path);
}

}  // namespace
}  // namespace parley
