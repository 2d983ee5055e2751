// SPDX-License-Identifier: Apache-2.0
#pragma once
/// What is unknown about one party's preference (partial preferences): runs of a ranking or of
/// priority statements whose order among themselves is unknown (`any_order`), and priority
/// statements the party may or may not hold (`maybe`). Each way of settling every unknown is a
/// completion, a full preference; the written order with every statement held is one of them, the
/// stated one, and the preference every ordinary analysis uses.

#include <cstdint>
#include <optional>
#include <vector>

#include "parley/core/preference.hpp"
#include "parley/core/state_space.hpp"

namespace parley {

class PreferenceUncertainty {
 public:
  /// `count` consecutive items from `first` (ranking levels or priority statements) in unknown order.
  struct Run {
    std::size_t first = 0;
    std::size_t count = 0;
  };

  /// One completion: an order of each run (orders[r][k] = which item of run r takes its place k,
  /// a permutation of 0 .. count - 1) and, for each maybe statement, whether the party holds it.
  struct Completion {
    std::vector<std::vector<std::uint32_t>> orders;
    std::vector<bool> held;
  };

  /// A ranking: its levels, most preferred first; each run covers levels of one state each.
  static PreferenceUncertainty from_ranking(std::vector<std::vector<StateIndex>> levels, std::vector<Run> runs);
  /// Priorities: per state a mask of the statements true there (bit j = statement j, in the
  /// written order, most important first), the runs, and the statements that are maybe held.
  static PreferenceUncertainty from_priorities(std::vector<std::uint64_t> truths, std::size_t statements,
                                               std::vector<Run> runs, std::vector<std::size_t> maybe);

  [[nodiscard]] Preference::Source source() const { return source_; }
  [[nodiscard]] const std::vector<Run>& runs() const { return runs_; }
  [[nodiscard]] const std::vector<std::size_t>& maybe() const { return maybe_; }

  /// Every order of every run times every choice of the maybe statements; nullopt past 2^64 - 1.
  [[nodiscard]] std::optional<std::uint64_t> completion_count() const;
  /// The written order, every maybe statement held.
  [[nodiscard]] Completion stated() const;
  /// Completion number `index`; 0 is the stated one. Throws std::out_of_range unless
  /// index < completion_count() (so also when the count does not fit in 64 bits).
  [[nodiscard]] Completion completion(std::uint64_t index) const;
  /// The party's preference under a completion.
  [[nodiscard]] Preference preference(const Completion& completion) const;

 private:
  Preference::Source source_ = Preference::Source::Ranking;
  std::vector<std::vector<StateIndex>> levels_;  ///< ranking
  std::vector<std::uint64_t> truths_;            ///< priorities: per state
  std::size_t statements_ = 0;                   ///< priorities
  std::vector<Run> runs_;
  std::vector<std::size_t> maybe_;  ///< priorities: statement indices
};

}  // namespace parley
