// SPDX-License-Identifier: Apache-2.0
#include "parley/server/workspace.hpp"

#include <sqlite3.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace parley::server {

namespace {

constexpr int kSchemaVersion = 1;

const char* const kSchema = R"sql(
CREATE TABLE IF NOT EXISTS model_versions (
  name TEXT NOT NULL, version INTEGER NOT NULL, text TEXT NOT NULL, hash TEXT NOT NULL,
  title TEXT NOT NULL, valid INTEGER NOT NULL, deleted INTEGER NOT NULL, created TEXT NOT NULL,
  PRIMARY KEY (name, version));
CREATE TABLE IF NOT EXISTS runs (
  hash TEXT NOT NULL, kind TEXT NOT NULL, options TEXT NOT NULL, result TEXT NOT NULL,
  created TEXT NOT NULL, PRIMARY KEY (hash, kind, options));
)sql";

std::string now_utc() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[96];  // room for any int the format could print, so nothing is ever cut
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buffer;
}

/// One prepared statement; finalised on scope exit, so an exception never leaks it.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail("prepare");
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, const std::string& text) {
    if (sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
      fail("bind");
    return *this;
  }
  Statement& bind(int i, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, i, value) != SQLITE_OK) fail("bind");
    return *this;
  }
  /// Steps once: true if a row is ready.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail("step");
  }
  [[nodiscard]] std::string text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
  }
  [[nodiscard]] std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw WorkspaceError(std::string("workspace: SQLite ") + what + ": " + sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

void execute(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    throw WorkspaceError("workspace: " + why);
  }
}

/// BEGIN IMMEDIATE ... COMMIT, rolled back if anything throws before commit().
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { execute(db_, "BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    execute(db_, "COMMIT");
    done_ = true;
  }

 private:
  sqlite3* db_;
  bool done_ = false;
};

const char* const kVersionColumns = "name, version, text, hash, title, created, valid, deleted";

ModelVersion version_from(const Statement& s) {
  return {s.text(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.integer(6) != 0, s.integer(7) != 0};
}

std::vector<ModelVersion> all_versions(Statement& s) {
  std::vector<ModelVersion> out;
  while (s.step())
    out.push_back(version_from(s));
  return out;
}

}  // namespace

std::string model_hash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
  return buffer;
}

bool valid_model_name(std::string_view name) {
  if (name.empty() || name.size() > 200 || name.front() == '.') return false;
  for (unsigned char c : name)
    if (!std::isalnum(c) && c != '-' && c != '_' && c != '.' && c != ' ') return false;
  return true;
}

Workspace::Workspace(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw WorkspaceError("cannot open the workspace " + path + ": " + why);
  }
  try {
    sqlite3_busy_timeout(db_, 5000);
    execute(db_, "PRAGMA journal_mode=WAL");
    // FULL: a commit is on disk (the fsynced WAL) before save() returns and the client is told.
    execute(db_, "PRAGMA synchronous=FULL");
    Statement version(db_, "PRAGMA user_version");
    version.step();
    if (version.integer(0) > kSchemaVersion)
      throw WorkspaceError("the workspace " + path + " was written by a newer parley (schema " +
                           std::to_string(version.integer(0)) + ")");
    execute(db_, kSchema);
    execute(db_, ("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
  } catch (const WorkspaceError& e) {
    sqlite3_close(db_);
    throw WorkspaceError(std::string(e.what()) + " (" + path + ")");
  }
}

Workspace::~Workspace() {
  sqlite3_close(db_);
}

ModelVersion Workspace::save(const std::string& name, const std::string& text, const std::string& title, bool valid) {
  const std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(db_);
  Statement last(db_, "SELECT COALESCE(MAX(version), 0) FROM model_versions WHERE name = ?");
  last.bind(1, name).step();
  ModelVersion v{name, last.integer(0) + 1, text, model_hash(text), title, now_utc(), valid, false};
  Statement insert(db_,
                   "INSERT INTO model_versions (name, version, text, hash, title, created, valid, deleted) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, 0)");
  insert.bind(1, v.name).bind(2, v.version).bind(3, v.text).bind(4, v.hash).bind(5, v.title).bind(6, v.updated);
  insert.bind(7, std::int64_t{valid ? 1 : 0}).step();
  transaction.commit();
  return v;
}

std::optional<ModelVersion> Workspace::remove(const std::string& name) {
  const std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(db_);
  Statement last(db_,
                 "SELECT version, deleted, title FROM model_versions WHERE name = ? ORDER BY version DESC LIMIT 1");
  if (!last.bind(1, name).step() || last.integer(1) != 0) return std::nullopt;
  ModelVersion v{name, last.integer(0) + 1, "", model_hash(""), last.text(2), now_utc(), false, true};
  Statement insert(db_,
                   "INSERT INTO model_versions (name, version, text, hash, title, created, valid, deleted) "
                   "VALUES (?, ?, '', ?, ?, ?, 0, 1)");
  insert.bind(1, v.name).bind(2, v.version).bind(3, v.hash).bind(4, v.title).bind(5, v.updated).step();
  transaction.commit();
  return v;
}

std::vector<ModelVersion> Workspace::models() {
  const std::lock_guard<std::mutex> lock(mutex_);
  Statement s(db_, (std::string("SELECT ") + kVersionColumns +
                    " FROM model_versions AS m WHERE version = (SELECT MAX(version) FROM model_versions WHERE name = "
                    "m.name) AND deleted = 0 ORDER BY name")
                       .c_str());
  return all_versions(s);
}

std::optional<ModelVersion> Workspace::latest(const std::string& name) {
  const std::lock_guard<std::mutex> lock(mutex_);
  Statement s(db_, (std::string("SELECT ") + kVersionColumns +
                    " FROM model_versions WHERE name = ? ORDER BY version DESC LIMIT 1")
                       .c_str());
  if (!s.bind(1, name).step()) return std::nullopt;
  ModelVersion v = version_from(s);
  if (v.deleted) return std::nullopt;
  return v;
}

std::vector<ModelVersion> Workspace::versions(const std::string& name) {
  const std::lock_guard<std::mutex> lock(mutex_);
  Statement s(
      db_, (std::string("SELECT ") + kVersionColumns + " FROM model_versions WHERE name = ? ORDER BY version").c_str());
  s.bind(1, name);
  return all_versions(s);
}

std::optional<ModelVersion> Workspace::version(const std::string& name, std::int64_t number) {
  const std::lock_guard<std::mutex> lock(mutex_);
  Statement s(
      db_, (std::string("SELECT ") + kVersionColumns + " FROM model_versions WHERE name = ? AND version = ?").c_str());
  if (!s.bind(1, name).bind(2, number).step()) return std::nullopt;
  return version_from(s);
}

void Workspace::store_run(const RunRecord& run) {
  const std::lock_guard<std::mutex> lock(mutex_);
  Statement s(db_, "INSERT OR IGNORE INTO runs (hash, kind, options, result, created) VALUES (?, ?, ?, ?, ?)");
  s.bind(1, run.hash).bind(2, run.kind).bind(3, run.options).bind(4, run.result);
  s.bind(5, run.created.empty() ? now_utc() : run.created).step();
}

std::optional<std::string> Workspace::cached_run(const std::string& hash, const std::string& kind,
                                                 const std::string& options) {
  const std::lock_guard<std::mutex> lock(mutex_);
  Statement s(db_, "SELECT result FROM runs WHERE hash = ? AND kind = ? AND options = ?");
  if (!s.bind(1, hash).bind(2, kind).bind(3, options).step()) return std::nullopt;
  return s.text(0);
}

std::vector<RunRecord> Workspace::runs(const std::string& name) {
  const std::lock_guard<std::mutex> lock(mutex_);
  const char* sql = name.empty() ? "SELECT hash, kind, options, result, created FROM runs ORDER BY created DESC"
                                 : "SELECT hash, kind, options, result, created FROM runs WHERE hash IN "
                                   "(SELECT hash FROM model_versions WHERE name = ?) ORDER BY created DESC";
  Statement s(db_, sql);
  if (!name.empty()) s.bind(1, name);
  std::vector<RunRecord> out;
  while (s.step())
    out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4)});
  return out;
}

}  // namespace parley::server
