// SPDX-License-Identifier: Apache-2.0
#include "parley/server/workspace.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

namespace parley::server {
namespace {

namespace fs = std::filesystem;

/// A fresh workspace path in the test's temporary folder, removed (with -wal, -shm) at the end.
class WorkspaceFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("parley-ws-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "workspace.sqlite").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string path_;
};

/// A one-value query through a separate connection, as another process would see the file.
std::string query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

TEST_F(WorkspaceFile, SavesNumberedVersionsAndKeepsEveryOne) {
  Workspace ws(path_);
  EXPECT_EQ(ws.save("talks", "v1 text", "Talks", true).version, 1);
  EXPECT_EQ(ws.save("talks", "v2 text", "Talks", true).version, 2);
  EXPECT_EQ(ws.save("other", "x", "Other", false).version, 1);
  const auto latest = ws.latest("talks");
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->version, 2);
  EXPECT_EQ(latest->text, "v2 text");
  EXPECT_EQ(latest->hash, model_hash("v2 text"));
  const auto history = ws.versions("talks");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].text, "v1 text");
  EXPECT_EQ(ws.version("talks", 1)->text, "v1 text");
  EXPECT_FALSE(ws.version("talks", 3));
  const auto models = ws.models();
  ASSERT_EQ(models.size(), 2u);
  EXPECT_EQ(models[0].name, "other");
  EXPECT_FALSE(models[0].valid);
  EXPECT_EQ(models[1].version, 2);
}

TEST_F(WorkspaceFile, DeletingAddsATombstoneAndLosesNoHistory) {
  Workspace ws(path_);
  ws.save("m", "one", "M", true);
  const auto tombstone = ws.remove("m");
  ASSERT_TRUE(tombstone);
  EXPECT_EQ(tombstone->version, 2);
  EXPECT_FALSE(ws.latest("m"));
  EXPECT_TRUE(ws.models().empty());
  EXPECT_FALSE(ws.remove("m")) << "already deleted";
  EXPECT_FALSE(ws.remove("never"));
  const auto history = ws.versions("m");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].text, "one");
  EXPECT_TRUE(history[1].deleted);
  EXPECT_EQ(ws.save("m", "again", "M", true).version, 3) << "a name can be used again after a delete";
}

TEST_F(WorkspaceFile, EverythingIsThereAfterReopening) {
  {
    Workspace ws(path_);
    for (int i = 1; i <= 5; ++i)
      ws.save("m", "text " + std::to_string(i), "M", true);
    ws.store_run({"h", "analyze", "", "{}\n", ""});
  }
  Workspace again(path_);
  EXPECT_EQ(again.versions("m").size(), 5u);
  EXPECT_EQ(again.latest("m")->text, "text 5");
  EXPECT_EQ(again.cached_run("h", "analyze", ""), "{}\n");
}

TEST_F(WorkspaceFile, RunsInWalModeWithAnIntactFile) {
  { Workspace ws(path_); }
  EXPECT_EQ(query(path_, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(query(path_, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query(path_, "PRAGMA user_version"), "1");
}

TEST_F(WorkspaceFile, CachesAnswersByHashKindAndOptions) {
  Workspace ws(path_);
  const std::string hash = model_hash("model text");
  ws.save("m", "model text", "M", true);
  ws.store_run({hash, "analyze", "concepts=nash", "A", ""});
  ws.store_run({hash, "analyze", "concepts=nash", "B", ""});  // the first answer stays
  ws.store_run({hash, "paths", "", "P", ""});
  EXPECT_EQ(ws.cached_run(hash, "analyze", "concepts=nash"), "A");
  EXPECT_FALSE(ws.cached_run(hash, "analyze", "concepts=gmr"));
  EXPECT_FALSE(ws.cached_run(model_hash("model text "), "analyze", "concepts=nash"));
  EXPECT_EQ(ws.runs("m").size(), 2u);
  EXPECT_TRUE(ws.runs("unknown").empty());
  EXPECT_EQ(ws.runs("").size(), 2u);
}

TEST(ModelHash, DiffersForDifferentTextsAndIsStable) {
  EXPECT_EQ(model_hash(""), "fnv1a64:cbf29ce484222325");  // the FNV-1a offset basis
  EXPECT_NE(model_hash("a"), model_hash("b"));
  EXPECT_EQ(model_hash("abc"), model_hash(std::string("abc")));
}

TEST(ModelName, AllowsPlainNamesOnly) {
  EXPECT_TRUE(valid_model_name("ukraine talks-2.v1"));
  EXPECT_FALSE(valid_model_name(""));
  EXPECT_FALSE(valid_model_name(".hidden"));
  EXPECT_FALSE(valid_model_name("a/b"));
  EXPECT_FALSE(valid_model_name(std::string(201, 'a')));
}

TEST_F(WorkspaceFile, RefusesAFileThatIsNotAWorkspace) {
  std::ofstream(path_) << "this is not an SQLite database, just text that is long enough to have a header";
  EXPECT_THROW(Workspace ws(path_), WorkspaceError);
}

TEST_F(WorkspaceFile, ConcurrentWritersLoseNothing) {
  Workspace ws(path_);
  Workspace second_connection(path_);  // as a second server process on the same file would
  constexpr int kThreads = 8;
  constexpr int kSaves = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      Workspace& w = t % 2 ? ws : second_connection;
      for (int i = 0; i < kSaves; ++i) {
        w.save("shared", "thread " + std::to_string(t) + " save " + std::to_string(i), "S", true);
        w.save("own-" + std::to_string(t), std::to_string(i), "O", true);
      }
    });
  for (auto& t : threads)
    t.join();
  const auto shared = ws.versions("shared");
  ASSERT_EQ(shared.size(), static_cast<std::size_t>(kThreads * kSaves));
  std::set<std::string> texts;
  for (std::size_t i = 0; i < shared.size(); ++i) {
    EXPECT_EQ(shared[i].version, static_cast<std::int64_t>(i + 1)) << "versions are 1..n without gaps";
    texts.insert(shared[i].text);
  }
  EXPECT_EQ(texts.size(), shared.size()) << "every save kept its own text";
  for (int t = 0; t < kThreads; ++t)
    EXPECT_EQ(ws.latest("own-" + std::to_string(t))->version, kSaves);
  EXPECT_EQ(query(path_, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace parley::server
