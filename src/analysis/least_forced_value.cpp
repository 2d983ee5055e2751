// SPDX-License-Identifier: Apache-2.0
#include "least_forced_value.hpp"

#include <algorithm>
#include <numeric>

#include "sanction_graph.hpp"

namespace parley::detail {

namespace {

/// The sanction graph in two layers, so that "who may move next" costs (parties - 2) edges per
/// state instead of multiplying every move by it:
///   mover node X(t, k): party k is about to move from state t;
///   arrival node Y(t, k): party k has just moved to state t.
/// Edges: X(t, k) -> Y(t', k) for each move of k from t to t'; Y(t, j) -> X(t, k) for k != j.
/// least[X] = the least value of any state the walk can arrive at from X.
class LayeredSearch {
 public:
  LayeredSearch(const Model& model, const std::vector<MoveGenerator>& moves, const ForcingRules& rules,
                const std::vector<std::uint32_t>& value)
      : model_(model),
        moves_(moves),
        rules_(rules),
        value_(value),
        parties_(static_cast<int>(model.parties.size())),
        mover_(model.states->size() * static_cast<std::size_t>(parties_), kUnreachable),
        arrival_(mover_.size(), kUnreachable) {}

  /// Targets in increasing order of value: whatever first reaches a target gets its value, and so
  /// does everything that reaches it. Each node is settled once, each edge walked at most twice.
  void run() {
    std::vector<StateIndex> by_value(model_.states->size());
    std::iota(by_value.begin(), by_value.end(), StateIndex{0});
    std::stable_sort(by_value.begin(), by_value.end(),
                     [&](StateIndex a, StateIndex b) { return value_[a] < value_[b]; });
    const std::size_t movers = model_.states->size() * static_cast<std::size_t>(parties_ - 1);
    for (std::size_t rank = 0; rank < by_value.size(); ++rank) {
      if (settled_movers_ == movers) break;
      if ((rank & 0xFFF) == 0 && rules_.cancel && rules_.cancel->cancelled()) throw Cancelled();
      const StateIndex target = by_value[rank];
      current_ = value_[target];
      for (int k = 0; k < parties_; ++k)
        if (k != rules_.focal) for_each_mover_into(target, k, [&](StateIndex from) { settle_mover(from, k); });
      drain();
    }
  }

  /// The least value the others can force from `start`, where any of them may move first.
  [[nodiscard]] std::uint32_t from(StateIndex start) const {
    std::uint32_t best = kUnreachable;
    for (int k = 0; k < parties_; ++k)
      if (k != rules_.focal) best = std::min(best, mover_[index(start, k)]);
    return best;
  }

 private:
  [[nodiscard]] std::size_t index(StateIndex s, int party) const {
    return static_cast<std::size_t>(s) * static_cast<std::size_t>(parties_) + static_cast<std::size_t>(party);
  }

  /// States from which party k may move to `to` (and, for SEQ, improve by it).
  template <class Visit>
  void for_each_mover_into(StateIndex to, int k, Visit&& visit) const {
    const auto& utility = model_.preferences[static_cast<std::size_t>(k)];
    moves_[static_cast<std::size_t>(k)].for_each_move_into(to, [&](StateIndex from) {
      if (!rules_.improving_only || utility.prefers(to, from)) visit(from);
    });
  }

  void settle_mover(StateIndex s, int k) {
    std::uint32_t& slot = mover_[index(s, k)];
    if (slot != kUnreachable) return;
    slot = current_;
    ++settled_movers_;
    stack_.push_back({s, k, true});
  }

  void settle_arrival(StateIndex s, int j) {
    std::uint32_t& slot = arrival_[index(s, j)];
    if (slot != kUnreachable) return;
    slot = current_;
    stack_.push_back({s, j, false});
  }

  void drain() {
    while (!stack_.empty()) {
      const Node n = stack_.back();
      stack_.pop_back();
      if (n.mover) {
        // X(s, k) is reached from every arrival at s of another party j (then k moves next).
        for (int j = 0; j < parties_; ++j)
          if (j != rules_.focal && j != n.party) settle_arrival(n.state, j);
      } else {
        // Y(s, j) is reached from X(t, j) for every move of j from t to s.
        for_each_mover_into(n.state, n.party, [&](StateIndex t) { settle_mover(t, n.party); });
      }
    }
  }

  struct Node {
    StateIndex state;
    int party;
    bool mover;
  };

  const Model& model_;
  const std::vector<MoveGenerator>& moves_;
  ForcingRules rules_;
  const std::vector<std::uint32_t>& value_;
  int parties_;
  std::vector<std::uint32_t> mover_;    ///< least value reachable from X(s, k)
  std::vector<std::uint32_t> arrival_;  ///< least value reachable after Y(s, j); only "settled" matters
  std::vector<Node> stack_;
  std::size_t settled_movers_ = 0;
  std::uint32_t current_ = 0;
};

}  // namespace

std::vector<std::uint32_t> least_forced_value(const Model& model, const std::vector<MoveGenerator>& moves,
                                              const ForcingRules& rules, const std::vector<std::uint32_t>& value) {
  LayeredSearch search(model, moves, rules, value);
  search.run();
  std::vector<std::uint32_t> least(model.states->size());
  for (StateIndex s = 0; s < least.size(); ++s)
    least[s] = search.from(s);
  return least;
}

}  // namespace parley::detail
