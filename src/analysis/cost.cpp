// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/cost.hpp"

#include <random>

#include "parley/core/moves.hpp"

namespace parley {

namespace {
/// Nanoseconds per move walked by one search, measured on the development machine (a 2^20-state,
/// 5-party conflict: 10.3 s on 2 cores); a rough figure, good to a factor of two or three.
constexpr double kNanosecondsPerMove = 11.0;
constexpr std::size_t kSample = 2048;
}  // namespace

StabilityCost estimate_stability_cost(const Model& model, int threads) {
  StabilityCost cost;
  if (!model.has_options()) return cost;
  const std::size_t n = model.states->size();
  const std::size_t parties = model.parties.size();
  // Moves per party: counted on every state when that is cheap, else on a fixed random sample.
  std::vector<double> per_party(parties, 0);
  std::mt19937_64 random(1);
  const bool sample = n > kSample;
  const std::size_t visits = sample ? kSample : n;
  for (std::size_t i = 0; i < parties; ++i) {
    const MoveGenerator moves(model, static_cast<int>(i));
    std::size_t counted = 0;
    for (std::size_t k = 0; k < visits; ++k) {
      const auto s = static_cast<StateIndex>(sample ? random() % n : k);
      moves.for_each_move(s, [&](StateIndex) { ++counted; });
    }
    per_party[i] = static_cast<double>(counted) * static_cast<double>(n) / static_cast<double>(visits);
    cost.moves += per_party[i];
  }
  cost.sampled = sample;
  // Each party's three sanction searches walk the others' moves about twice, times (parties - 2)
  // choices of who moves next: the work of the two-layer search in least_forced_value.cpp.
  double walked = 0;
  for (std::size_t i = 0; i < parties; ++i)
    walked += 3 * 2 * (cost.moves - per_party[i]) +
              3 * 2 * static_cast<double>(n) * static_cast<double>(parties > 2 ? (parties - 1) * (parties - 2) : 0);
  cost.seconds = walked * kNanosecondsPerMove * 1e-9 / std::max(threads, 1);
  // The model (states, lookup table, preference levels), the improvements of every party, and
  // per running task two arrays of a 32-bit value per (state, party).
  const double state_bytes = 8.0 + 4.0 * static_cast<double>(parties) +
                             4.0 * (1u << std::min(model.option_count(), 28)) / static_cast<double>(n);
  const double improvements = 8.0 * static_cast<double>(n) * static_cast<double>(parties) + 2.0 * cost.moves;
  const double task = 2.0 * 4.0 * static_cast<double>(n) * static_cast<double>(parties) + 4.0 * static_cast<double>(n);
  cost.bytes = static_cast<std::uint64_t>(state_bytes * static_cast<double>(n) + improvements + threads * task);
  return cost;
}

}  // namespace parley
