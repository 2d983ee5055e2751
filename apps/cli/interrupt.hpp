// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Long runs on a terminal: progress on standard error, and Ctrl-C cancelling the analysis cleanly
/// (the analysis stops at its next check, the command says so and exits with 130).

#include "parley/analysis/run_control.hpp"

namespace parley::cli {

/// The token that Ctrl-C (SIGINT) sets while a command runs.
CancelToken& interrupt_token();
/// Installs the SIGINT handler that sets interrupt_token().
void cancel_on_interrupt();
/// Progress printed on standard error when it is a terminal, else silent.
Progress terminal_progress();

inline constexpr int kExitInterrupted = 130;

}  // namespace parley::cli
