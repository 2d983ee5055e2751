// SPDX-License-Identifier: Apache-2.0
#include "least_forced_value.hpp"

#include <algorithm>
#include <numeric>

namespace parley::detail {

std::vector<StateIndex> order_by_value(const std::vector<std::uint32_t>& value) {
  std::vector<StateIndex> order(value.size());
  const std::uint32_t top = value.empty() ? 0 : *std::max_element(value.begin(), value.end());
  if (top > 4 * value.size() + 1024) {  // not levels: sort
    std::iota(order.begin(), order.end(), StateIndex{0});
    std::stable_sort(order.begin(), order.end(), [&](StateIndex a, StateIndex b) { return value[a] < value[b]; });
    return order;
  }
  std::vector<std::uint32_t> next(std::size_t{top} + 2, 0);  // next[v + 1]: states of value v, then running sums
  for (std::uint32_t v : value)
    ++next[std::size_t{v} + 1];
  std::partial_sum(next.begin(), next.end(), next.begin());
  for (StateIndex s = 0; s < value.size(); ++s)
    order[next[value[s]]++] = s;
  return order;
}

namespace {

/// Why a plain reachability search is exact. The sanctions of the definition are sequences of the
/// other parties' moves in which no party moves twice in a row. But one party's two moves in a row,
/// s -> s' -> s'', can always be made as one, s -> s'' (or dropped if s'' = s): the options it
/// changes are its own, each one-way option still goes its one way, and s'' is feasible; if both
/// moves improve its position, so does the single one. So a shortest path from s1 to any state t
/// in the graph of the others' moves (improving moves for SEQ) never has one party twice in a row:
/// every state reachable from s1 is reachable by a legal sequence, whoever moved last. The search
/// therefore runs over states only. It takes targets in increasing order of value and walks the
/// moves backwards from each: every state that reaches a target and has no value yet gets the
/// target's value, so each state is settled once, with the least value it can reach.
///
/// Who can move to s: a party without blocks enumerates its moves into s. For a party with blocks
/// (MoveBlocks) every other member of s's block can, so the first state settled in a block settles
/// the whole block; for SEQ the members the party likes less than s can, a prefix of the block
/// sorted by level, which grows with the best level settled in the block so far.
class ReachSearch {
 public:
  ReachSearch(const PartyMoves& moves, const ForcingRules& rules, const std::vector<std::uint32_t>& value)
      : moves_(moves),
        rules_(rules),
        value_(value),
        least_(value.size(), kUnreachable),
        settled_bits_((value.size() + 63) / 64, 0),
        queue_(value.size()),
        block_(moves.parties()),
        next_level_(moves.parties()),
        complete_(moves.parties()) {
    for (std::size_t k = 0; k < moves.parties(); ++k) {
      const MoveBlocks* b = moves.blocks(k);
      if (static_cast<int>(k) == rules_.focal || b == nullptr) continue;
      if (rules_.improving_only) {
        block_[k].assign(b->block_count(), 0);
        next_level_[k].resize(b->block_count());
        for (std::uint32_t c = 0; c < b->block_count(); ++c)
          next_level_[k][c] = b->member_level(b->begin(c));
      } else {
        complete_[k].assign((b->block_count() + 63) / 64, 0);
      }
    }
  }

  /// Targets of one value are settled together before their predecessors are walked, so that the
  /// queue is long and the rows fetched ahead have time to arrive.
  void run(const std::vector<StateIndex>& by_value) {
    const std::size_t n = by_value.size();
    rank_ = 0;
    while (rank_ < n && settled_ < n) {
      current_ = value_[by_value[rank_]];
      for (; rank_ < n && value_[by_value[rank_]] == current_; ++rank_) {
        if ((rank_ & 0xFFF) == 0) pause();
        if (rank_ + kAhead < n) {
          const StateIndex later = by_value[rank_ + kAhead];
          __builtin_prefetch(&settled_bits_[later / 64]);
          __builtin_prefetch(&value_[later]);
        }
        settle(by_value[rank_]);
      }
      drain();
    }
    for (; rules_.progress_step && steps_ < kProgressSteps; ++steps_)
      rules_.progress_step();
  }

  [[nodiscard]] std::vector<std::uint32_t> take() { return std::move(least_); }

 private:
  /// Now and then: stop if cancelled, and report progress (the larger of the share of targets
  /// taken and the share of states settled, which ends the search when it reaches 1).
  void pause() {
    if (rules_.cancel && rules_.cancel->cancelled()) throw Cancelled();
    if (!rules_.progress_step) return;
    const std::size_t n = value_.size();
    const std::size_t done = std::max(kProgressSteps * rank_ / n, kProgressSteps * settled_ / n);
    for (; steps_ < done; ++steps_)
      rules_.progress_step();
  }

  /// The time goes into memory accesses at scattered states: a bit per state (small enough to stay
  /// in cache) says which are settled, and settled states wait in a first-in first-out queue, so
  /// that each one's row, fetched ahead when it is queued, has arrived by the time it is taken.
  void settle(StateIndex s) {
    std::uint64_t& word = settled_bits_[s / 64];
    const std::uint64_t bit = std::uint64_t{1} << (s % 64);
    if ((word & bit) != 0) return;
    word |= bit;
    least_[s] = current_;
    queue_[settled_++] = s;
    prefetch_row(s);
  }

  void prefetch_row(StateIndex s) const {
    const std::uint32_t* row = moves_.row(s);
    __builtin_prefetch(row);
    __builtin_prefetch(row + 2 * moves_.parties() - 1);
  }

  void drain() {
    while (taken_ < settled_) {
      const StateIndex s = queue_[taken_++];
      if ((taken_ & 0xFFFF) == 0) pause();
      const std::uint32_t* row = moves_.row(s);
      for (std::size_t j = 0; j < moves_.parties(); ++j)
        if (static_cast<int>(j) != rules_.focal) reach_through(s, j, row);
    }
  }

  /// s is settled: so is every state from which party j may move to s (and, for SEQ, gain).
  void reach_through(StateIndex s, std::size_t j, const std::uint32_t* row) {
    const MoveBlocks* b = moves_.blocks(j);
    if (b == nullptr) {
      const std::uint32_t level = row[moves_.parties() + j];
      moves_.generator(j).for_each_move_into(s, [&](StateIndex from) {
        if (!rules_.improving_only || moves_.row(from)[moves_.parties() + j] < level) settle(from);
      });
      return;
    }
    const std::uint32_t block = row[j];
    if (rules_.improving_only) {
      const std::uint32_t level = row[moves_.parties() + j];
      std::uint32_t& next_level = next_level_[j][block];
      if (level <= next_level) return;
      std::uint32_t& reached = block_[j][block];  // members settled through this block so far
      std::uint32_t k = b->begin(block) + reached;
      for (; k < b->end(block) && b->member_level(k) < level; ++k)
        settle(b->member(k));
      reached = k - b->begin(block);
      next_level = k < b->end(block) ? b->member_level(k) : kUnreachable;
      return;
    }
    // Every member can move to s, and s is settled: so is the whole block, once and for all.
    std::uint64_t& complete = complete_[j][block / 64];
    const std::uint64_t bit = std::uint64_t{1} << (block % 64);
    if ((complete & bit) != 0) return;
    complete |= bit;
    for (std::uint32_t k = b->begin(block); k < b->end(block); ++k)
      settle(b->member(k));
  }

  const PartyMoves& moves_;
  const ForcingRules& rules_;
  const std::vector<std::uint32_t>& value_;
  std::vector<std::uint32_t> least_;  ///< the answer; kUnreachable until settled
  std::vector<std::uint64_t> settled_bits_;
  std::vector<StateIndex> queue_;                       ///< states in the order settled: each once, so no wrapping
  std::vector<std::vector<std::uint32_t>> block_;       ///< SEQ: members of each block settled through it
  std::vector<std::vector<std::uint32_t>> next_level_;  ///< SEQ: level of each block's next member to settle
  std::vector<std::vector<std::uint64_t>> complete_;    ///< not SEQ: a bit per block with every member settled
  std::size_t settled_ = 0;                             ///< states settled, the end of queue_
  std::size_t taken_ = 0;                               ///< states whose predecessors were settled, the front of queue_
  std::uint32_t current_ = 0;
  static constexpr std::size_t kAhead = 16;  ///< how far ahead memory is asked for
  std::size_t rank_ = 0;                     ///< targets taken
  std::size_t steps_ = 0;                    ///< progress steps reported
};

}  // namespace

std::vector<std::uint32_t> least_forced_value(const PartyMoves& moves, const ForcingRules& rules,
                                              const std::vector<std::uint32_t>& value,
                                              const std::vector<StateIndex>& by_value) {
  ReachSearch search(moves, rules, value);
  search.run(by_value);
  return search.take();
}

bool symmetric_opponents(const PartyMoves& moves, int focal) {
  for (std::size_t k = 0; k < moves.parties(); ++k)
    if (static_cast<int>(k) != focal && moves.can_move(k) && moves.blocks(k) == nullptr) return false;
  return true;
}

std::vector<StateIndex> opponent_components(const PartyMoves& moves, const ForcingRules& rules) {
  // Targets in state order, each worth its own number: every state gets the smallest state that
  // reaches it, which in an undirected graph is the smallest of its component.
  std::vector<StateIndex> identity(moves.states());
  std::iota(identity.begin(), identity.end(), StateIndex{0});
  ReachSearch search(moves, rules, identity);
  search.run(identity);
  return search.take();
}

std::vector<std::uint32_t> least_in_component(const std::vector<StateIndex>& component,
                                              const std::vector<std::uint32_t>& value) {
  std::vector<std::uint32_t> least(value.size(), kUnreachable);
  for (StateIndex s = 0; s < value.size(); ++s)
    least[component[s]] = std::min(least[component[s]], value[s]);
  for (StateIndex s = 0; s < value.size(); ++s)
    least[s] = least[component[s]];  // component[s] <= s: its entry is final
  return least;
}

}  // namespace parley::detail
