// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/cost.hpp"

#include <algorithm>
#include <random>

#include "move_blocks.hpp"
#include "parley/core/moves.hpp"

namespace parley {

namespace {
/// Calibrated on the development machine (2 cores, `ci` build) with whole runs of `parley analyze
/// --json --only equilibria` on generated 5-party conflicts of 2^16 to 2^24 states; the figures
/// and how far the estimate is from them are in docs/performance.md ("Estimates").
/// Reading and building the model and what else runs outside the engine: per state and party, one core.
constexpr double kSerialNsPerStateParty = 150.0;
/// The stability engine: per state, per other party, per search (parallel).
constexpr double kSearchNsPerStateOpponent = 60.0;
/// Moves enumerated one by one (parties with one-way options), per move and search (parallel).
constexpr double kNsPerMove = 5.0;
/// Printing one state of an equilibrium list (JSON): time and memory, on one core.
constexpr double kNsPerListedState = 1000.0;
constexpr double kBytesPerListedState = 200.0;
constexpr std::size_t kSample = 2048;

/// Whether a party's options all go both ways, so that the engine keeps its moves as blocks.
bool symmetric(const Model& model, std::size_t party) {
  return detail::MoveBlocks::applies(model, static_cast<int>(party));
}
}  // namespace

StabilityCost estimate_stability_cost(const Model& model, int threads) {
  StabilityCost cost;
  if (!model.has_options()) return cost;
  threads = std::max(threads, 1);
  const auto n = static_cast<double>(model.states->size());
  const std::size_t parties = model.parties.size();
  const auto p = static_cast<double>(parties);
  // Moves per party: counted on every state when that is cheap, else on a fixed random sample.
  std::vector<double> per_party(parties, 0);
  std::mt19937_64 random(1);
  const bool sample = model.states->size() > kSample;
  const std::size_t visits = sample ? kSample : model.states->size();
  for (std::size_t i = 0; i < parties; ++i) {
    const MoveGenerator moves(model, static_cast<int>(i));
    std::size_t counted = 0;
    for (std::size_t k = 0; k < visits; ++k) {
      const auto s = static_cast<StateIndex>(sample ? random() % model.states->size() : k);
      moves.for_each_move(s, [&](StateIndex) { ++counted; });
    }
    per_party[i] = static_cast<double>(counted) * n / static_cast<double>(visits);
    cost.moves += per_party[i];
  }
  cost.sampled = sample;
  // The engine (src/analysis/least_forced_value.cpp): for each party, one search for SEQ and one
  // shared by GMR and SMR when every other party's options go both ways (else one each); a search
  // visits every state once per other party, and enumerates the moves of parties with one-way
  // options. Preparing the blocks costs about one more search per party.
  double units = 0;
  double enumerated = 0;
  double blocks = 0;
  for (std::size_t i = 0; i < parties; ++i) {
    if (model.parties[i].option_count == 0) continue;
    bool others_symmetric = true;
    double one_way_moves = 0;
    for (std::size_t k = 0; k < parties; ++k)
      if (k != i && model.parties[k].option_count > 0 && !symmetric(model, k)) {
        others_symmetric = false;
        one_way_moves += per_party[k];
      }
    const double searches = others_symmetric ? 2 : 3;
    units += (searches + 1) * n * (p - 1);
    enumerated += searches * one_way_moves;
    if (symmetric(model, i)) blocks += 1;
  }
  cost.seconds =
      (n * p * kSerialNsPerStateParty + (units * kSearchNsPerStateOpponent + enumerated * kNsPerMove) / threads) * 1e-9;
  cost.seconds_per_listed_state = kNsPerListedState * 1e-9;
  // Memory: the model (states, lookup table, preference levels); the engine's row per state (a
  // block and a level per party) and the blocks; per party its states in order of preference and
  // the components of the others' moves; per running task a value, a queue entry and a sorted
  // copy per state; the improvement lists of parties with one-way options.
  const double dense =
      model.option_count() <= 28 ? 4.0 * static_cast<double>(std::uint64_t{1} << model.option_count()) : 0;
  const double model_bytes = n * (8.0 + 4.0 * p) + dense;
  const double engine = n * (8.0 * p + 8.0 * blocks) + n * 8.0 * p;
  const double task = n * 20.0;
  double lists = 0;
  for (std::size_t i = 0; i < parties; ++i)
    if (model.parties[i].option_count > 0 && !symmetric(model, i)) lists += 8.0 * n + 2.0 * per_party[i];
  cost.bytes = static_cast<std::uint64_t>(model_bytes + engine + threads * task + lists);
  cost.bytes_per_listed_state = static_cast<std::uint64_t>(kBytesPerListedState);
  return cost;
}

}  // namespace parley
