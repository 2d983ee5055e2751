// SPDX-License-Identifier: Apache-2.0
#include "parley/core/preference_uncertainty.hpp"

#include <numeric>
#include <stdexcept>

namespace parley {

namespace {

/// a * b, or nullopt past 2^64 - 1.
std::optional<std::uint64_t> times(std::optional<std::uint64_t> a, std::uint64_t b) {
  if (!a || (b != 0 && *a > UINT64_MAX / b)) return std::nullopt;
  return *a * b;
}

std::optional<std::uint64_t> factorial(std::size_t n) {
  std::optional<std::uint64_t> out = 1;
  for (std::size_t k = 2; k <= n; ++k)
    out = times(out, k);
  return out;
}

/// The permutation of 0 .. n - 1 with Lehmer code `code` (0 <= code < n!); code 0 is the identity.
std::vector<std::uint32_t> nth_permutation(std::size_t n, std::uint64_t code) {
  std::vector<std::uint32_t> left(n);
  std::iota(left.begin(), left.end(), 0U);
  std::vector<std::uint32_t> out;
  out.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint64_t place = *factorial(n - 1 - k);
    const auto pick = static_cast<std::size_t>(code / place);
    code %= place;
    out.push_back(left[pick]);
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(pick));
  }
  return out;
}

}  // namespace

PreferenceUncertainty PreferenceUncertainty::from_ranking(std::vector<std::vector<StateIndex>> levels,
                                                          std::vector<Run> runs) {
  PreferenceUncertainty out;
  out.source_ = Preference::Source::Ranking;
  out.levels_ = std::move(levels);
  out.runs_ = std::move(runs);
  return out;
}

PreferenceUncertainty PreferenceUncertainty::from_priorities(std::vector<std::uint64_t> truths, std::size_t statements,
                                                             std::vector<Run> runs, std::vector<std::size_t> maybe) {
  PreferenceUncertainty out;
  out.source_ = Preference::Source::Priorities;
  out.truths_ = std::move(truths);
  out.statements_ = statements;
  out.runs_ = std::move(runs);
  out.maybe_ = std::move(maybe);
  return out;
}

std::optional<std::uint64_t> PreferenceUncertainty::completion_count() const {
  std::optional<std::uint64_t> out = 1;
  for (const Run& run : runs_) {
    const auto orders = factorial(run.count);
    out = orders ? times(out, *orders) : std::nullopt;
  }
  for (std::size_t m = 0; m < maybe_.size(); ++m)
    out = times(out, 2);
  return out;
}

PreferenceUncertainty::Completion PreferenceUncertainty::stated() const {
  Completion out;
  for (const Run& run : runs_) {
    auto& order = out.orders.emplace_back(run.count);
    std::iota(order.begin(), order.end(), 0U);
  }
  out.held.assign(maybe_.size(), true);
  return out;
}

PreferenceUncertainty::Completion PreferenceUncertainty::completion(std::uint64_t index) const {
  const auto count = completion_count();
  if (!count || index >= *count) throw std::out_of_range("no such completion (or too many to number)");
  // Mixed radix: the last maybe statement is the lowest digit, then the others, then the runs.
  Completion out;
  out.held.resize(maybe_.size());
  for (std::size_t m = maybe_.size(); m-- > 0;) {
    out.held[m] = (index & 1U) == 0;
    index >>= 1U;
  }
  out.orders.resize(runs_.size());
  for (std::size_t r = runs_.size(); r-- > 0;) {
    const std::uint64_t radix = *factorial(runs_[r].count);  // exists: the count fits in 64 bits
    out.orders[r] = nth_permutation(runs_[r].count, index % radix);
    index /= radix;
  }
  return out;
}

Preference PreferenceUncertainty::preference(const Completion& completion) const {
  if (completion.orders.size() != runs_.size() || completion.held.size() != maybe_.size())
    throw std::invalid_argument("the completion does not fit this preference");
  const std::size_t items = source_ == Preference::Source::Ranking ? levels_.size() : statements_;
  // The items in their completed order: each run's items rearranged within the run's places.
  std::vector<std::size_t> order(items);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t r = 0; r < runs_.size(); ++r)
    for (std::size_t k = 0; k < runs_[r].count; ++k)
      order[runs_[r].first + k] = runs_[r].first + completion.orders[r][k];
  if (source_ == Preference::Source::Ranking) {
    std::size_t states = 0;
    for (const auto& level : levels_)
      states += level.size();
    std::vector<std::uint32_t> value(states, 0);
    for (std::size_t place = 0; place < order.size(); ++place)
      for (StateIndex s : levels_[order[place]])
        value[s] = static_cast<std::uint32_t>(items - place);
    return Preference::from_values(value, Preference::Source::Ranking);
  }
  std::vector<bool> dropped(statements_, false);
  for (std::size_t m = 0; m < maybe_.size(); ++m)
    dropped[maybe_[m]] = !completion.held[m];
  std::erase_if(order, [&](std::size_t statement) { return dropped[statement]; });
  // The usual priority rule over the statements held: weight 2^(K-1-j) for place j of K.
  std::vector<std::uint64_t> payoff(truths_.size(), 0);
  for (std::size_t s = 0; s < truths_.size(); ++s)
    for (std::size_t place = 0; place < order.size(); ++place)
      if ((truths_[s] >> order[place]) & 1U) payoff[s] += std::uint64_t{1} << (order.size() - 1 - place);
  return Preference::from_values(payoff, Preference::Source::Priorities);
}

}  // namespace parley
