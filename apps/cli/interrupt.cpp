// SPDX-License-Identifier: Apache-2.0
#include "interrupt.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <mutex>

namespace parley::cli {

CancelToken& interrupt_token() {
  static CancelToken token;
  return token;
}

namespace {
extern "C" void on_interrupt(int) {
  interrupt_token().cancel();
}  // an atomic store: safe in a handler
}  // namespace

void cancel_on_interrupt() {
  std::signal(SIGINT, on_interrupt);
}

Progress terminal_progress() {
  if (!::isatty(STDERR_FILENO)) return Progress();
  auto lock = std::make_shared<std::mutex>();
  return Progress([lock](std::uint64_t done, std::uint64_t total, const std::string& stage) {
    const std::lock_guard<std::mutex> guard(*lock);
    std::fprintf(stderr, "\r%3llu%% %-50.50s", static_cast<unsigned long long>(total ? 100 * done / total : 100),
                 stage.c_str());
    if (done >= total) std::fprintf(stderr, "\r%*s\r", 56, "");
    std::fflush(stderr);
  });
}

}  // namespace parley::cli
