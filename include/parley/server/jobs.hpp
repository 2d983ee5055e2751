// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Running analyses for the server: at most a fixed number at once (the machine's hardware
/// threads), each stopped at the time limit through its CancelToken; and background jobs with
/// progress and cancellation for the long ones (`POST /api/jobs`).

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <thread>
#include <vector>

#include "parley/analysis/run_control.hpp"
#include "parley/server/answer.hpp"

namespace parley::server {

/// An analysis to run: reports progress, stops (throws Cancelled) when the token is set.
using Work = std::function<Answer(Progress&, const CancelToken&)>;

struct RunLimits {
  std::chrono::milliseconds time_limit = std::chrono::seconds(60);
  unsigned slots = 0;           ///< analyses at once; 0 = the machine's hardware threads
  std::size_t kept_jobs = 200;  ///< finished jobs remembered for GET /api/jobs/{id}
};

struct Job;

class JobRunner {
 public:
  explicit JobRunner(RunLimits limits);
  ~JobRunner();  ///< cancels every analysis and waits for the jobs' threads
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  /// Runs `work` on the calling thread once a slot is free; past the time limit, a 503 answer.
  Answer run(const Work& work);
  /// Starts `work` as a job on its own thread; returns its id.
  std::string submit(const std::string& kind, Work work);
  /// `{"id", "kind", "status", "progress", "message", "result", "error"}`, or nullopt if unknown.
  std::optional<Json> status(const std::string& id);
  /// Cancels a queued or running job; its status after that, or nullopt if unknown.
  std::optional<Json> cancel(const std::string& id);
  /// Every job remembered, newest first, without results.
  Json list();
  /// Cancels everything running or queued (shutdown).
  void cancel_all();

  [[nodiscard]] unsigned slots() const { return slot_count_; }

 private:
  struct Deadline;
  Answer run_in_slot(const Work& work, Progress& progress, CancelToken& token);
  void watch();
  void forget_old_jobs();

  RunLimits limits_;
  unsigned slot_count_;
  std::counting_semaphore<4096> slots_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<Deadline*> deadlines_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::vector<std::string> order_;  ///< job ids, oldest first
  std::uint64_t next_id_ = 1;
  std::thread watchdog_;
};

}  // namespace parley::server
