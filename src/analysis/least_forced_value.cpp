// SPDX-License-Identifier: Apache-2.0
#include "least_forced_value.hpp"

#include "sanction_graph.hpp"

#include <algorithm>
#include <numeric>

namespace parley::detail {

std::vector<std::uint32_t> least_forced_value(const Model& model, const std::vector<MoveGenerator>& moves,
                                              const ForcingRules& rules, const std::vector<std::uint32_t>& value) {
  const SanctionGraph graph(model, moves, rules);
  const std::size_t state_count = model.states->size();

  // beyond[node]: the least value of any state reachable from the node by one or more further
  // moves. Targets are taken in increasing order of value; the first time a node can reach a
  // target, that target's value is its answer, and so is it for everything that reaches the node.
  // Each node is settled once and its predecessors are scanned once: linear in the moves.
  std::vector<std::uint32_t> beyond(graph.size(), kUnreachable);
  std::vector<StateIndex> by_value(state_count);
  std::iota(by_value.begin(), by_value.end(), StateIndex{0});
  std::stable_sort(by_value.begin(), by_value.end(), [&](StateIndex a, StateIndex b) { return value[a] < value[b]; });
  std::vector<std::size_t> frontier;
  std::size_t settled = 0;
  const std::size_t settleable = state_count * static_cast<std::size_t>(std::max(graph.parties() - 1, 0));
  for (StateIndex target : by_value) {
    if (settled == settleable) break;
    const std::uint32_t v = value[target];
    auto settle = [&](std::size_t n) {
      if (beyond[n] != kUnreachable) return;
      beyond[n] = v;
      ++settled;
      frontier.push_back(n);
    };
    for (int mover = 0; mover < graph.parties(); ++mover)
      if (mover != graph.focal()) graph.for_each_predecessor(target, mover, settle);
    while (!frontier.empty()) {
      const std::size_t n = frontier.back();
      frontier.pop_back();
      const auto state = static_cast<StateIndex>(n / static_cast<std::size_t>(graph.parties()));
      const int mover = static_cast<int>(n % static_cast<std::size_t>(graph.parties()));
      graph.for_each_predecessor(state, mover, settle);
    }
  }

  // From a start state no one has moved yet, so any non-focal party may move first.
  std::vector<std::uint32_t> least(state_count, kUnreachable);
  for (StateIndex start = 0; start < state_count; ++start) {
    std::uint32_t best = kUnreachable;
    graph.for_each_first_move(start, [&](StateIndex to, int mover) {
      best = std::min({best, value[to], beyond[graph.node(to, mover)]});
    });
    least[start] = best;
  }
  return least;
}

}  // namespace parley::detail
