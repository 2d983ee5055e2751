// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The workspace: one SQLite file holding every version of every saved model and the cached
/// results of analyses. Rows are only ever inserted (a delete adds a tombstone version), each save
/// is one transaction, and the file runs in WAL mode with full syncs, so a process killed at any
/// moment loses no acknowledged save and leaves a consistent file (docs/api.md).

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace parley::server {

/// The workspace file cannot be opened, or SQLite reports an error (with its message).
class WorkspaceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ModelVersion {
  std::string name;
  std::int64_t version = 0;  ///< 1, 2, ... per name
  std::string text;          ///< the model text as saved (empty for a tombstone)
  std::string hash;          ///< model_hash(text)
  std::string title;         ///< the model's own name, for lists
  std::string updated;       ///< when this version was saved, UTC ISO 8601
  bool valid = true;         ///< false for a draft saved with errors
  bool deleted = false;      ///< a tombstone: the model was deleted at this version
};

/// A cached analysis answer: the exact JSON text, keyed by model hash, kind and options.
struct RunRecord {
  std::string hash;
  std::string kind;
  std::string options;
  std::string result;
  std::string created;
};

/// `fnv1a64:` and 16 hex digits: the key under which a model text's results are cached.
std::string model_hash(std::string_view text);

/// Whether `name` may name a model: 1 to 200 letters, digits, '-', '_', '.', spaces, not starting with '.'.
bool valid_model_name(std::string_view name);

/// Thread-safe: one connection under a mutex. Operations are short (the longest is an fsync),
/// and SQLite admits one writer at a time anyway, so threads lose little by taking turns.
class Workspace {
 public:
  /// Opens or creates the file; throws WorkspaceError if it cannot (not SQLite, newer schema...).
  explicit Workspace(const std::string& path);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  /// Saves `text` as the next version of `name`, atomically; returns the saved version.
  ModelVersion save(const std::string& name, const std::string& text, const std::string& title, bool valid);
  /// Adds a tombstone version; nullopt if there is no live model of that name.
  std::optional<ModelVersion> remove(const std::string& name);
  /// The latest version of every live (not deleted) model, by name.
  std::vector<ModelVersion> models();
  /// The latest version of `name`, if it is live.
  std::optional<ModelVersion> latest(const std::string& name);
  /// Every version of `name`, oldest first, tombstones included.
  std::vector<ModelVersion> versions(const std::string& name);
  std::optional<ModelVersion> version(const std::string& name, std::int64_t number);

  /// Caches an answer (keeps the first one stored for a key: answers are deterministic).
  void store_run(const RunRecord& run);
  std::optional<std::string> cached_run(const std::string& hash, const std::string& kind, const std::string& options);
  /// The runs of any version of `name`, or all runs if `name` is empty; newest first.
  std::vector<RunRecord> runs(const std::string& name);

 private:
  sqlite3* db_ = nullptr;
  std::mutex mutex_;
};

}  // namespace parley::server
