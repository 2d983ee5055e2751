// SPDX-License-Identifier: Apache-2.0
#pragma once
/// A party's preference over the feasible states as an ordinal payoff per state: higher is
/// better, equal is indifferent. Only the order matters to the analyses, so payoffs are
/// compressed to levels 0 (least preferred) .. level_count - 1 (most preferred).

#include <cstdint>
#include <vector>

#include "parley/core/state_space.hpp"

namespace parley {

class Preference {
 public:
  enum class Source { Priorities, Ranking, Payoffs };
  Preference() = default;
  /// Levels from any numbers where higher is better (ties kept).
  template <class Number>
  static Preference from_values(const std::vector<Number>& values, Source source);

  [[nodiscard]] std::uint32_t level(StateIndex s) const { return levels_[s]; }
  [[nodiscard]] const std::vector<std::uint32_t>& levels() const { return levels_; }
  [[nodiscard]] std::uint32_t level_count() const { return level_count_; }
  [[nodiscard]] Source source() const { return source_; }
  /// True if the party strictly prefers a to b.
  [[nodiscard]] bool prefers(StateIndex a, StateIndex b) const { return levels_[a] > levels_[b]; }
  /// States grouped by level, most preferred group first, each group in state order.
  [[nodiscard]] std::vector<std::vector<StateIndex>> ranking() const;

 private:
  std::vector<std::uint32_t> levels_;
  std::uint32_t level_count_ = 0;
  Source source_ = Source::Ranking;
};

}  // namespace parley
