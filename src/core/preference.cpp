// SPDX-License-Identifier: Apache-2.0
#include "parley/core/preference.hpp"

#include <algorithm>
#include <cstdint>

namespace parley {

template <class Number>
Preference Preference::from_values(const std::vector<Number>& values, Source source) {
  std::vector<Number> distinct = values;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  Preference p;
  p.source_ = source;
  p.level_count_ = static_cast<std::uint32_t>(distinct.size());
  p.levels_.reserve(values.size());
  for (const Number& v : values)
    p.levels_.push_back(
        static_cast<std::uint32_t>(std::lower_bound(distinct.begin(), distinct.end(), v) - distinct.begin()));
  return p;
}

template Preference Preference::from_values(const std::vector<double>&, Source);
template Preference Preference::from_values(const std::vector<std::uint64_t>&, Source);
template Preference Preference::from_values(const std::vector<std::uint32_t>&, Source);

std::vector<std::vector<StateIndex>> Preference::ranking() const {
  std::vector<std::vector<StateIndex>> groups(level_count_);
  for (StateIndex s = 0; s < levels_.size(); ++s)
    groups[level_count_ - 1 - levels_[s]].push_back(s);
  return groups;
}

}  // namespace parley
