// SPDX-License-Identifier: Apache-2.0
#include "feasible_states.hpp"

#include <algorithm>
#include <numeric>

namespace parley::detail {

namespace {

enum class Verdict { Violated, Satisfied, Undecided };

std::uint64_t rule_support(const FeasibilityRule& rule) {
  return rule.kind == FeasibilityRule::Kind::Infeasible ? rule.expression.support() : rule.group;
}

/// Decides the rules in `open` on a partial state; keeps the still undecided ones in `still_open`.
Verdict decide(const std::vector<FeasibilityRule>& rules, const std::vector<int>& open, StateBits state,
               StateBits known, std::vector<int>& still_open) {
  still_open.clear();
  for (int r : open) {
    auto ok = rules[static_cast<std::size_t>(r)].satisfied(state, known);
    if (!ok)
      still_open.push_back(r);
    else if (!*ok)
      return Verdict::Violated;
  }
  return still_open.empty() ? Verdict::Satisfied : Verdict::Undecided;
}

/// Depth-first walk over the options in `order` (decided from first to last). `known` holds the
/// options decided so far and every option outside `order`. On a branch where every rule is
/// decided and satisfied, `visitor.block(state, free)` stands for the 2^free completions.
template <class Visitor>
bool walk(const std::vector<FeasibilityRule>& rules, const std::vector<int>& open, const std::vector<int>& order,
          std::size_t next, StateBits state, StateBits known, Visitor& visitor) {
  if (!visitor.visit()) return false;
  std::vector<int> still_open;
  switch (decide(rules, open, state, known, still_open)) {
    case Verdict::Violated: return true;
    case Verdict::Satisfied: return visitor.block(state, static_cast<int>(order.size() - next));
    case Verdict::Undecided: break;
  }
  // With every option of `order` known each rule is decided, so `next` is in range here.
  const StateBits bit = StateBits{1} << order[next];
  return walk(rules, still_open, order, next + 1, state, known | bit, visitor) &&
         walk(rules, still_open, order, next + 1, state | bit, known | bit, visitor);
}

/// Options grouped so that no rule spans two groups; options in no rule are left out.
std::vector<std::vector<int>> independent_groups(int option_count, const std::vector<FeasibilityRule>& rules) {
  std::vector<int> parent(static_cast<std::size_t>(option_count));
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[static_cast<std::size_t>(x)] != x)
      x = parent[static_cast<std::size_t>(x)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
    return x;
  };
  std::vector<bool> constrained(static_cast<std::size_t>(option_count), false);
  for (const auto& rule : rules) {
    int first = -1;
    for (int k = 0; k < option_count; ++k) {
      if (((rule_support(rule) >> k) & 1U) == 0) continue;
      constrained[static_cast<std::size_t>(k)] = true;
      if (first < 0)
        first = k;
      else
        parent[static_cast<std::size_t>(find(k))] = find(first);
    }
  }
  std::vector<std::vector<int>> groups(static_cast<std::size_t>(option_count));
  for (int k = option_count - 1; k >= 0; --k)
    if (constrained[static_cast<std::size_t>(k)]) groups[static_cast<std::size_t>(find(k))].push_back(k);
  groups.erase(std::remove_if(groups.begin(), groups.end(), [](const auto& g) { return g.empty(); }), groups.end());
  return groups;
}

/// Multiplies without overflow: the product, saturated just above `cap`.
std::uint64_t capped_product(std::uint64_t a, std::uint64_t b, std::uint64_t cap) {
  if (a == 0 || b == 0) return 0;
  if (a > (cap + 1) / b + 1) return cap + 1;
  return std::min(a * b, cap + 1);
}

}  // namespace

FeasibleCount count_feasible_states(int option_count, const std::vector<FeasibilityRule>& rules, std::uint64_t cap) {
  struct Counter {
    FeasibleCount result;
    std::uint64_t cap;
    std::uint64_t* nodes;
    bool visit() {
      // Bounds the work on rules that stay undecided deep down (each node is one partial state).
      if (++*nodes <= kNodeBudget) return true;
      result.exact = false;
      result.budget_exhausted = true;
      return false;
    }
    bool block(StateBits, int free_bits) {
      result.count += std::uint64_t{1} << free_bits;
      if (result.count <= cap) return true;
      result.exact = false;
      return false;
    }
  };
  // Independent groups of options multiply; options under no rule double the count each.
  std::uint64_t nodes = 0;
  FeasibleCount total;
  int free_options = option_count;
  total.count = 1;
  for (const auto& group : independent_groups(option_count, rules)) {
    free_options -= static_cast<int>(group.size());
    StateBits outside = ~StateBits{0};
    for (int k : group)
      outside &= ~(StateBits{1} << k);
    std::vector<int> open;
    for (std::size_t r = 0; r < rules.size(); ++r)
      if ((rule_support(rules[r]) & ~outside) != 0) open.push_back(static_cast<int>(r));
    Counter counter{{}, cap, &nodes};
    walk(rules, open, group, 0, 0, outside, counter);
    if (counter.result.budget_exhausted) return counter.result;
    total.exact &= counter.result.exact;
    total.count = capped_product(total.count, counter.result.count, cap);
  }
  for (int k = 0; k < free_options; ++k)
    total.count = capped_product(total.count, 2, cap);
  if (total.count > cap) total.exact = false;
  return total;
}

std::vector<StateBits> list_feasible_states(int option_count, const std::vector<FeasibilityRule>& rules) {
  struct Lister {
    std::vector<StateBits> states;
    static bool visit() { return true; }
    bool block(StateBits base, int free_bits) {
      // Options are decided from the highest down, so the free ones are the lowest bits.
      for (StateBits low = 0; low < (StateBits{1} << free_bits); ++low)
        states.push_back(base | low);
      return true;
    }
  } lister;
  std::vector<int> order(static_cast<std::size_t>(option_count));
  std::iota(order.rbegin(), order.rend(), 0);
  std::vector<int> open(rules.size());
  std::iota(open.begin(), open.end(), 0);
  if (option_count > 0) walk(rules, open, order, 0, 0, ~StateBits{0} << option_count, lister);
  return std::move(lister.states);
}

int first_violated_rule(StateBits state, const std::vector<FeasibilityRule>& rules) {
  for (std::size_t r = 0; r < rules.size(); ++r)
    if (!rules[r].satisfied(state, ~StateBits{0}).value_or(true)) return static_cast<int>(r);
  return -1;
}

}  // namespace parley::detail
