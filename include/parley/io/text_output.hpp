// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Human-readable summaries and tables for a terminal.

#include <string>

#include "parley/core/model.hpp"

namespace parley {

/// What `parley check` prints for a valid model: parties, options, states, issues.
std::string text_summary(const Model& model);
/// The tabular form of the literature: one column per state, Y/N per option, grouped by party.
/// Wider state spaces are cut after `max_columns` columns, with a note saying so.
std::string text_state_table(const Model& model, std::size_t max_columns = 64);
/// Each party's preference ranking, most preferred first, ties in braces.
std::string text_rankings(const Model& model, std::size_t max_states = 64);

}  // namespace parley
