// SPDX-License-Identifier: Apache-2.0
#pragma once
/// What every analysis takes besides its model and options: a way to report progress and a way
/// to be asked to stop. Both are safe to use from other threads.

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace parley {

/// Set by a front end (Ctrl-C, an HTTP client going away); analyses check it between chunks of work.
class CancelToken {
 public:
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  [[nodiscard]] bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> cancelled_{false};
};

/// Thrown by an analysis that stopped because its CancelToken was set.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("the analysis was cancelled") {}
};

/// Receives (work done, work total, what is being done); the default ignores it. Analyses may
/// report from several threads at once, so the callback must be thread-safe.
class Progress {
 public:
  using Callback = std::function<void(std::uint64_t done, std::uint64_t total, const std::string& stage)>;
  Progress() = default;
  explicit Progress(Callback callback) : callback_(std::move(callback)) {}
  void report(std::uint64_t done, std::uint64_t total, const std::string& stage) const {
    if (callback_) callback_(done, total, stage);
  }

 private:
  Callback callback_;
};

}  // namespace parley
