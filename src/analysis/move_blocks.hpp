// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The moves of every party, arranged for the stability engine. A party whose options all go both
/// ways can move from any feasible state to any other that differs only in its own options: its
/// moves are cliques over "blocks" of states. Stored once per analysis, the blocks answer "who can
/// move to s" and "what are s's improvements" from short lists of precomputed indices instead of
/// 2^m - 1 state lookups, and a row per state keeps what the searches need about it together.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "parley/core/model.hpp"
#include "parley/core/moves.hpp"

namespace parley::detail {

/// One party's blocks: the members of each, sorted by the party's level (ties by state).
class MoveBlocks {
 public:
  /// True if every option of `party` may be both taken and withdrawn (so moves are symmetric).
  static bool applies(const Model& model, int party) {
    const Party& p = model.parties[static_cast<std::size_t>(party)];
    if (p.option_count == 0) return false;
    for (int k = p.first_option; k < p.first_option + p.option_count; ++k)
      if (model.options[static_cast<std::size_t>(k)].direction != Direction::Both) return false;
    return true;
  }

  /// Groups the states by everything but `party`'s options (requires applies()), writing each
  /// state's block to block_of[s * stride] (entries must start as kNone).
  MoveBlocks(const Model& model, const MoveGenerator& moves, int party, std::uint32_t* block_of, std::size_t stride) {
    const std::vector<std::uint32_t>& level = model.preferences[static_cast<std::size_t>(party)].levels();
    const std::size_t n = model.states->size();
    members_.reserve(n);
    member_level_.reserve(n);
    start_.push_back(0);
    std::vector<std::uint64_t> block;  // (level, state) of each member, sorted as one number
    for (StateIndex s = 0; s < n; ++s) {
      if (block_of[s * stride] != kNone) continue;
      const auto b = static_cast<std::uint32_t>(start_.size() - 1);
      block.clear();
      auto add = [&](StateIndex t) {
        block.push_back(std::uint64_t{level[t]} << 32 | t);
        block_of[t * stride] = b;
      };
      add(s);
      moves.for_each_move(s, add);
      std::sort(block.begin(), block.end());
      for (std::uint64_t m : block) {
        members_.push_back(static_cast<StateIndex>(m));
        member_level_.push_back(static_cast<std::uint32_t>(m >> 32));
      }
      start_.push_back(static_cast<std::uint32_t>(members_.size()));
    }
  }

  static constexpr std::uint32_t kNone = 0xFFFFFFFFU;

  [[nodiscard]] std::size_t block_count() const { return start_.size() - 1; }
  /// Positions [begin, end) of block b's members.
  [[nodiscard]] std::uint32_t begin(std::uint32_t b) const { return start_[b]; }
  [[nodiscard]] std::uint32_t end(std::uint32_t b) const { return start_[b + 1]; }
  [[nodiscard]] StateIndex member(std::uint32_t k) const { return members_[k]; }
  [[nodiscard]] std::uint32_t member_level(std::uint32_t k) const { return member_level_[k]; }
  /// The party's best level in block b: its best reply from any member is worth this.
  [[nodiscard]] std::uint32_t best_level(std::uint32_t b) const { return member_level_[end(b) - 1]; }

  /// True if test(t) holds for every member t of block b the party likes better than `level`
  /// (its improvements from a member at that level), best first; stops at the first that fails.
  template <class Test>
  [[nodiscard]] bool all_above(std::uint32_t b, std::uint32_t level, Test&& test) const {
    for (std::uint32_t k = end(b); k > begin(b) && member_level_[k - 1] > level; --k)
      if (!test(members_[k - 1])) return false;
    return true;
  }

  [[nodiscard]] std::size_t memory_bytes() const {
    return 4 * (members_.capacity() + member_level_.capacity() + start_.capacity());
  }

 private:
  std::vector<std::uint32_t> start_;         ///< block b's members: [start_[b], start_[b + 1])
  std::vector<StateIndex> members_;          ///< by block, each sorted by level
  std::vector<std::uint32_t> member_level_;  ///< the party's level of members_[k]
};

/// The moves of every party, shared by all searches of one analysis: the generators, the blocks of
/// the parties whose options all go both ways (null for the others), and per state one row with
/// its block for each party (kNone without blocks) and each party's level of it.
class PartyMoves {
 public:
  /// `build(i)` builds party i's blocks; call it for every party (from any threads) before use.
  PartyMoves(const Model& model, const std::vector<MoveGenerator>& generators)
      : model_(model),
        generators_(generators),
        parties_(model.parties.size()),
        blocks_(parties_),
        row_(model.states->size() * 2 * parties_, MoveBlocks::kNone) {}

  void build(std::size_t party) {
    const std::size_t n = model_.states->size();
    const std::vector<std::uint32_t>& level = model_.preferences[party].levels();
    for (std::size_t s = 0; s < n; ++s)
      row_[s * 2 * parties_ + parties_ + party] = level[s];
    if (MoveBlocks::applies(model_, static_cast<int>(party)))
      blocks_[party] =
          std::make_unique<MoveBlocks>(model_, generators_[party], static_cast<int>(party), &row_[party], 2 * parties_);
  }

  [[nodiscard]] std::size_t parties() const { return parties_; }
  [[nodiscard]] std::size_t states() const { return model_.states->size(); }
  [[nodiscard]] bool can_move(std::size_t k) const { return model_.parties[k].option_count > 0; }
  [[nodiscard]] const MoveGenerator& generator(std::size_t k) const { return generators_[k]; }
  [[nodiscard]] const std::vector<MoveGenerator>& generators() const { return generators_; }
  [[nodiscard]] const MoveBlocks* blocks(std::size_t k) const { return blocks_[k].get(); }
  /// State s's row: [0, P) its block for each party, [P, 2P) each party's level of it.
  [[nodiscard]] const std::uint32_t* row(StateIndex s) const { return &row_[std::size_t{s} * 2 * parties_]; }

  [[nodiscard]] std::size_t memory_bytes() const {
    std::size_t bytes = 4 * row_.capacity();
    for (const auto& b : blocks_)
      if (b) bytes += b->memory_bytes();
    return bytes;
  }

 private:
  const Model& model_;
  const std::vector<MoveGenerator>& generators_;
  std::size_t parties_;
  std::vector<std::unique_ptr<MoveBlocks>> blocks_;
  std::vector<std::uint32_t> row_;
};

}  // namespace parley::detail
