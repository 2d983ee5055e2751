// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The feasible states of a conflict as bit vectors over options (bit k = option k taken), in the
/// contract's canonical order: increasing value of the bit vector. State number = index + 1.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley {

using StateBits = std::uint64_t;
using StateIndex = std::uint32_t;

/// The largest number of options a model may have (one bit each in a StateBits).
inline constexpr int kMaxOptions = 63;
/// The most states a model may have: states are numbered with 32 bits.
inline constexpr std::uint64_t kMaxStateCount = 0xFFFFFFFEULL;

class StateSpace {
 public:
  /// `states` must be strictly increasing; `option_count` is the pattern length.
  StateSpace(int option_count, std::vector<StateBits> states);

  [[nodiscard]] std::size_t size() const { return states_.size(); }
  [[nodiscard]] int option_count() const { return option_count_; }
  [[nodiscard]] StateBits bits(StateIndex s) const { return states_[s]; }
  [[nodiscard]] const std::vector<StateBits>& all() const { return states_; }
  /// The index of a feasible state, or nullopt if `bits` is not feasible. Inline: move
  /// generation calls it for every candidate move.
  [[nodiscard]] std::optional<StateIndex> index_of(StateBits bits) const {
    if (!dense_index_.empty()) {
      if (bits >= dense_index_.size() || dense_index_[bits] == 0) return std::nullopt;
      return dense_index_[bits] - 1;
    }
    return sparse_index_of(bits);
  }
  /// `Y`/`N` per option in option order, e.g. "NYNNY".
  [[nodiscard]] std::string pattern(StateIndex s) const { return pattern_of(states_[s], option_count_); }
  [[nodiscard]] static std::string pattern_of(StateBits bits, int option_count);
  /// Bytes used, for size reports.
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  [[nodiscard]] std::optional<StateIndex> sparse_index_of(StateBits bits) const;

  int option_count_;
  std::vector<StateBits> states_;
  std::vector<std::uint32_t> dense_index_;  ///< bits -> index + 1 (0 = infeasible), when compact
};

/// Why a pattern string does not name a state; empty if it does.
std::string check_pattern(const std::string& pattern, int option_count);
/// Bits of a well-formed pattern (see check_pattern).
StateBits pattern_bits(const std::string& pattern);

}  // namespace parley
