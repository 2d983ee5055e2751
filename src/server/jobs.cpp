// SPDX-License-Identifier: Apache-2.0
#include "parley/server/jobs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>

namespace parley::server {

/// One job: its state is read by polling threads while its own thread updates it.
struct Job {
  std::string id;
  std::string kind;
  std::mutex mutex;
  std::string status = "queued";
  double progress = 0;
  std::string message;
  std::optional<Answer> answer;
  CancelToken token;
  std::atomic<bool> cancelled_by_client{false};
  std::thread thread;

  [[nodiscard]] bool finished() {
    const std::lock_guard<std::mutex> lock(mutex);
    return status == "done" || status == "failed" || status == "cancelled";
  }
};

/// A running analysis's time limit; the watchdog cancels its token once the time is up.
struct JobRunner::Deadline {
  std::chrono::steady_clock::time_point when;
  CancelToken* token;
  bool passed = false;
};

JobRunner::JobRunner(RunLimits limits)
    : limits_(limits),
      slot_count_(limits.slots ? limits.slots : std::max(1u, std::thread::hardware_concurrency())),
      slots_(static_cast<std::ptrdiff_t>(std::min(slot_count_, 4096u))),
      watchdog_([this] { watch(); }) {}

JobRunner::~JobRunner() {
  cancel_all();
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  watchdog_.join();
  for (auto& [id, job] : jobs_)
    if (job->thread.joinable()) job->thread.join();
}

void JobRunner::watch() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, std::chrono::milliseconds(20));
    const auto now = std::chrono::steady_clock::now();
    for (Deadline* d : deadlines_)
      if (!d->passed && now >= d->when) {
        d->passed = true;
        d->token->cancel();
      }
  }
}

Answer JobRunner::run_in_slot(const Work& work, Progress& progress, CancelToken& token) {
  // Wait for a slot, but give up if cancelled meanwhile (a job deleted while queued, shutdown).
  while (!slots_.try_acquire_for(std::chrono::milliseconds(20)))
    if (token.cancelled()) throw Cancelled();
  struct Release {
    std::counting_semaphore<4096>& slots;
    ~Release() { slots.release(); }
  } release{slots_};
  Deadline deadline{std::chrono::steady_clock::now() + limits_.time_limit, &token};
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    deadlines_.push_back(&deadline);
  }
  auto forget = [&] {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::erase(deadlines_, &deadline);
    return deadline.passed;
  };
  try {
    Answer answer = work(progress, token);
    forget();
    return answer;
  } catch (const Cancelled&) {
    if (!forget()) throw;
    const auto seconds = std::chrono::duration<double>(limits_.time_limit).count();
    return error_answer(503, fmt::format("the analysis took longer than the time limit of {:g} s", seconds),
                        "analyse a smaller model or fewer concepts, or start the server with a larger --time-limit");
  }
}

Answer JobRunner::run(const Work& work) {
  CancelToken token;
  Progress progress;
  return run_in_slot(work, progress, token);
}

std::string JobRunner::submit(const std::string& kind, Work work) {
  auto job = std::make_shared<Job>();
  job->kind = kind;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    job->id = fmt::format("j{}", next_id_++);
    jobs_[job->id] = job;
    order_.push_back(job->id);
  }
  job->thread = std::thread([this, job, work = std::move(work)] {
    Progress progress([job](std::uint64_t done, std::uint64_t total, const std::string& stage) {
      const std::lock_guard<std::mutex> lock(job->mutex);
      job->status = "running";
      job->progress = total ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
      job->message = stage;
    });
    Work started = [&](Progress& p, const CancelToken& t) {
      {
        const std::lock_guard<std::mutex> lock(job->mutex);
        job->status = "running";
      }
      return work(p, t);
    };
    std::optional<Answer> answer;
    std::string status;
    try {
      answer = run_in_slot(started, progress, job->token);
      status = answer->status == 200 ? "done" : "failed";
    } catch (const Cancelled&) {
      status = "cancelled";
    } catch (const std::exception& e) {
      answer = error_answer(500, std::string("internal error: ") + e.what());
      status = "failed";
    }
    const std::lock_guard<std::mutex> lock(job->mutex);
    job->answer = std::move(answer);
    job->status = status;
    if (status == "done") job->progress = 1;
    job->message = status;
  });
  forget_old_jobs();
  return job->id;
}

void JobRunner::forget_old_jobs() {
  std::vector<std::shared_ptr<Job>> dropped;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = 0; order_.size() > limits_.kept_jobs && i < order_.size();) {
      auto job = jobs_[order_[i]];
      if (!job->finished()) {
        ++i;
        continue;
      }
      dropped.push_back(job);
      jobs_.erase(order_[i]);
      order_.erase(order_.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  for (auto& job : dropped)
    if (job->thread.joinable()) job->thread.join();
}

namespace {
Json job_json(Job& job, bool with_result) {
  const std::lock_guard<std::mutex> lock(job.mutex);
  Json out = {
      {"id", job.id}, {"kind", job.kind}, {"status", job.status}, {"progress", job.progress}, {"message", job.message}};
  if (!with_result) return out;
  out["result"] = nullptr;
  out["error"] = nullptr;
  if (job.answer) {
    Json body = Json::parse(job.answer->body);
    if (job.answer->status == 200) {
      out["result"] = std::move(body);
    } else {
      body["status"] = job.answer->status;
      out["error"] = std::move(body);
    }
  }
  return out;
}
}  // namespace

std::optional<Json> JobRunner::status(const std::string& id) {
  std::shared_ptr<Job> job;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = jobs_.find(id);
    if (it == jobs_.end()) return std::nullopt;
    job = it->second;
  }
  return job_json(*job, true);
}

std::optional<Json> JobRunner::cancel(const std::string& id) {
  std::shared_ptr<Job> job;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = jobs_.find(id);
    if (it == jobs_.end()) return std::nullopt;
    job = it->second;
  }
  if (!job->finished()) {
    job->cancelled_by_client = true;
    job->token.cancel();
  }
  // Answer once the job has stopped (the analysis checks its token between chunks of work), so a
  // client that deleted a job sees it cancelled, not still running.
  for (int i = 0; i < 500 && !job->finished(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return job_json(*job, false);
}

Json JobRunner::list() {
  std::vector<std::shared_ptr<Job>> all;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = order_.rbegin(); it != order_.rend(); ++it)
      all.push_back(jobs_[*it]);
  }
  Json out = Json::array();
  for (auto& job : all)
    out.push_back(job_json(*job, false));
  return out;
}

void JobRunner::cancel_all() {
  const std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [id, job] : jobs_)
    job->token.cancel();
  for (Deadline* d : deadlines_)
    d->token->cancel();
}

}  // namespace parley::server
