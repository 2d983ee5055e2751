// SPDX-License-Identifier: Apache-2.0
#pragma once
/// A model as written by its author, not yet checked: every value carries the place it came from,
/// so that validation (build_model) can point at it. Readers of file formats produce drafts.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/core/diagnostic.hpp"

namespace parley {

struct OptionDraft {
  Located<std::string> id;
  std::string name;
  std::optional<Located<std::string>> direction;  ///< both | take_only | withdraw_only
};

/// An explicit ranking: levels from most to least preferred; a level of several states is a tie.
using RankingDraft = std::vector<std::vector<Located<std::string>>>;

template <class T>
using LocatedMap = std::vector<std::pair<Located<std::string>, Located<T>>>;

struct IntervalDraft {
  Located<double> low;
  Located<double> high;
};

/// `{any_order: [...]}` in a ranking or priorities: `count` consecutive items from `first` (ranking
/// levels or priority statements, which hold them in the order written) in unknown order.
struct AnyOrderDraft {
  std::size_t first = 0;
  std::size_t count = 0;
  SourceLocation where;  ///< of the `any_order` list
};

struct PartyDraft {
  Located<std::string> id;
  std::string name;
  std::vector<OptionDraft> options;
  SourceLocation options_where;  ///< line 0 if the party has no `options` key

  /// At most one of the three preference forms; the reader records each one it saw.
  std::optional<std::vector<Located<std::string>>> priorities;
  std::optional<RankingDraft> ranking;
  std::optional<LocatedMap<double>> payoffs;
  SourceLocation priorities_where, ranking_where, payoffs_where;
  /// Partial preferences: runs of the ranking's levels (one state each) or of the statements in
  /// unknown order, and the statements the party may or may not hold (`{maybe: ...}`).
  std::vector<AnyOrderDraft> ranking_any_order;
  std::vector<AnyOrderDraft> priorities_any_order;
  std::vector<Located<std::size_t>> priorities_maybe;  ///< statement index, where the `maybe` is

  std::optional<Located<double>> capability;
  LocatedMap<double> positions;
  LocatedMap<double> salience;
  LocatedMap<IntervalDraft> red_lines;

  /// `uncertainty:` how far the spatial numbers may be off, as intervals around the stated values.
  std::optional<Located<IntervalDraft>> capability_range;
  LocatedMap<IntervalDraft> position_ranges;
  LocatedMap<IntervalDraft> salience_ranges;
  LocatedMap<IntervalDraft> red_line_low_ranges;   ///< where each red line's lower end may lie
  LocatedMap<IntervalDraft> red_line_high_ranges;  ///< where each red line's upper end may lie
};

struct IssueDraft {
  Located<std::string> id;
  std::string name;
  std::optional<IntervalDraft> range;
  bool range_given = false;                   ///< `range` was written, though perhaps invalid
  std::optional<Located<double>> status_quo;  ///< today's position on the issue, if given
  SourceLocation where;
};

struct ModelDraft {
  std::string name;
  std::string description;
  std::string source;
  std::vector<PartyDraft> parties;
  SourceLocation parties_where;
  std::vector<IssueDraft> issues;
  std::vector<Located<std::string>> infeasible;
  std::vector<std::vector<Located<std::string>>> mutually_exclusive;
  std::vector<std::vector<Located<std::string>>> at_least_one;
  std::optional<std::vector<Located<std::string>>> status_quo;  ///< the options taken
  SourceLocation status_quo_where;
  std::vector<std::vector<Located<std::string>>> coalitions;  ///< party ids that act together, per block
};

}  // namespace parley
