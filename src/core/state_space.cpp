// SPDX-License-Identifier: Apache-2.0
#include "parley/core/state_space.hpp"

#include <algorithm>
#include <cassert>

namespace parley {

namespace {
/// A direct table from bits to index pays off when the states fill a good part of 2^options.
bool use_dense_index(int option_count, std::size_t state_count) {
  if (option_count > 28) return false;
  const std::uint64_t table = std::uint64_t{1} << option_count;
  return table <= 4 * static_cast<std::uint64_t>(state_count) + 64;
}
}  // namespace

StateSpace::StateSpace(int option_count, std::vector<StateBits> states)
    : option_count_(option_count), states_(std::move(states)) {
  assert(std::is_sorted(states_.begin(), states_.end()));
  if (use_dense_index(option_count_, states_.size())) {
    dense_index_.assign(std::size_t{1} << option_count_, 0);
    for (std::size_t i = 0; i < states_.size(); ++i)
      dense_index_[states_[i]] = static_cast<std::uint32_t>(i + 1);
  }
}

std::optional<StateIndex> StateSpace::sparse_index_of(StateBits bits) const {
  auto it = std::lower_bound(states_.begin(), states_.end(), bits);
  if (it == states_.end() || *it != bits) return std::nullopt;
  return static_cast<StateIndex>(it - states_.begin());
}

std::string StateSpace::pattern_of(StateBits bits, int option_count) {
  std::string p(static_cast<std::size_t>(option_count), 'N');
  for (int k = 0; k < option_count; ++k)
    if ((bits >> k) & 1U) p[static_cast<std::size_t>(k)] = 'Y';
  return p;
}

std::size_t StateSpace::memory_bytes() const {
  return states_.capacity() * sizeof(StateBits) + dense_index_.capacity() * sizeof(std::uint32_t);
}

std::string check_pattern(const std::string& pattern, int option_count) {
  if (static_cast<int>(pattern.size()) != option_count)
    return "has " + std::to_string(pattern.size()) + (pattern.size() == 1 ? " letter" : " letters") +
           ", the model has " + std::to_string(option_count) + (option_count == 1 ? " option" : " options");
  for (char c : pattern)
    if (c != 'Y' && c != 'N') return std::string("has '") + c + "'; only Y (taken) and N (not taken) are allowed";
  return {};
}

StateBits pattern_bits(const std::string& pattern) {
  StateBits bits = 0;
  for (std::size_t k = 0; k < pattern.size(); ++k)
    if (pattern[k] == 'Y') bits |= StateBits{1} << k;
  return bits;
}

}  // namespace parley
