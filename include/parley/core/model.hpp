// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The model of a conflict: parties, their options and preferences, the feasible states, and the
/// spatial issues. Immutable once built (see build_model.hpp); analyses are pure functions of it.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/expression.hpp"
#include "parley/core/preference.hpp"
#include "parley/core/preference_uncertainty.hpp"
#include "parley/core/state_space.hpp"

namespace parley {

enum class Direction {
  Both,          ///< the option may be taken and withdrawn
  TakeOnly,      ///< N -> Y only: once taken it cannot be withdrawn
  WithdrawOnly,  ///< Y -> N only: once withdrawn it cannot be taken again
};

struct Option {
  std::string id;
  std::string name;
  Direction direction = Direction::Both;
  int party = 0;  ///< index of the party that controls it
};

/// An interval [low, high] on an issue's scale.
struct Interval {
  double low = 0;
  double high = 0;
};

/// A party's stance on one issue (spatial analysis).
struct IssueStance {
  int issue = 0;
  double position = 0;
  double salience = 0;
  std::optional<Interval> red_line;
  /// Uncertainty (Monte Carlo): the intervals the position and salience may lie in, if given.
  std::optional<Interval> position_range;
  std::optional<Interval> salience_range;
  /// Where the red line's lower and upper ends may lie, if given; the low one lies below the high one.
  std::optional<Interval> red_line_low_range;
  std::optional<Interval> red_line_high_range;
};

/// One priority statement as written, and compiled.
struct PriorityStatement {
  std::string text;
  Expression expression;
};

struct Party {
  std::string id;
  std::string name;
  int first_option = 0;  ///< the party's options are the contiguous range [first, first + count)
  int option_count = 0;
  std::uint64_t option_mask = 0;
  std::optional<double> capability;
  std::optional<Interval> capability_range;  ///< uncertainty, if given
  std::vector<IssueStance> stances;          ///< in issue order
  /// The priority statements, most important first, when the preference is given by priorities.
  std::vector<PriorityStatement> priorities;
  /// Partial preferences: what is unknown about the party's preference, if anything (its stated
  /// preference, Model::preferences, is the written order of every unknown).
  std::optional<PreferenceUncertainty> preference_uncertainty;
};

struct Issue {
  std::string id;
  std::string name;
  Interval range;
  /// Where the issue stands today, if the model says: the disagreement point of Nash bargaining.
  std::optional<double> status_quo;
};

/// A rule on states; a state where any rule is violated is infeasible.
struct FeasibilityRule {
  enum class Kind { Infeasible, AtMostOne, AtLeastOne };
  Kind kind = Kind::Infeasible;
  Expression expression;    ///< for Infeasible: the state is dropped where it is true
  std::uint64_t group = 0;  ///< for AtMostOne / AtLeastOne: the options of the group
  /// Three-valued check: true = satisfied whatever the undecided options, false = violated.
  [[nodiscard]] std::optional<bool> satisfied(std::uint64_t state, std::uint64_t known) const;
};

class Model {
 public:
  std::string name;
  std::string description;
  std::string source;
  std::vector<Party> parties;
  std::vector<Option> options;
  std::vector<Issue> issues;
  std::vector<FeasibilityRule> rules;
  std::optional<StateIndex> status_quo;
  /// Blocks of parties that act together (the model's coalition structure; every party not in a
  /// block acts alone): bit i = party i, two or more parties each, no party in two blocks.
  std::vector<std::uint32_t> coalitions;
  std::shared_ptr<const StateSpace> states;
  std::vector<Preference> preferences;  ///< one per party; empty for parties without options

  [[nodiscard]] int option_count() const { return static_cast<int>(options.size()); }
  [[nodiscard]] std::string pattern(StateIndex s) const { return states->pattern(s); }
  /// `party.option`, the name the JSON output and the expressions use.
  [[nodiscard]] std::string qualified_option(int option) const;
  /// The party index with this id, or -1.
  [[nodiscard]] int party_index(std::string_view id) const;
  /// True if the strategic part (options, states) is present.
  [[nodiscard]] bool has_options() const { return !options.empty(); }
};

}  // namespace parley
