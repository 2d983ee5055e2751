// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Human-readable summaries and tables for a terminal.

#include <functional>
#include <string>
#include <vector>

#include "parley/core/model.hpp"

namespace parley {

/// What `parley check` prints for a valid model: parties, options, states, issues.
std::string text_summary(const Model& model);
/// A row added under the options of the tabular form: one mark per state.
struct TableRow {
  std::string label;
  std::function<char(StateIndex)> mark;
  bool gap_before = false;  ///< an empty line before it, to group rows
};

/// The tabular form of the literature: one column per state, Y/N per option, grouped by party,
/// then `rows`. Wider state spaces are cut after `max_columns` columns, with a note saying so.
std::string text_state_table(const Model& model, const std::vector<TableRow>& rows = {}, std::size_t max_columns = 64);
/// Each party's preference ranking, most preferred first, ties in braces.
std::string text_rankings(const Model& model, std::size_t max_states = 64);

}  // namespace parley
