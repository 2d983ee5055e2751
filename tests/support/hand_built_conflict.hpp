// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Conflicts written by hand for the references' self-tests: options in file order, patterns Y/N
/// per option in that order, states numbered as the contract says. No production code is used.

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/reference_stability.hpp"

namespace parley::reference::hand_built {

// ---------------------------------------------------------------------------------------------------------------
// A hand-written conflict: options in file order, patterns Y/N per option in that order.
// ---------------------------------------------------------------------------------------------------------------

struct PartySpec {
  int option_count;
  /// Most preferred first; one string per preference level, tied states separated by spaces.
  std::vector<std::string> ranking;
};

struct ConflictSpec {
  std::vector<PartySpec> parties;  // each party controls the next option_count options, in file order
  /// One letter per option: 'B' both directions, 'T' take_only (N->Y only), 'W' withdraw_only (Y->N only).
  std::string directions;
  std::vector<std::string> feasible;  // every feasible state's pattern, in any order
};

inline unsigned long long bits_of(const std::string& pattern) {
  unsigned long long b = 0;
  for (std::size_t k = 0; k < pattern.size(); ++k)
    if (pattern[k] == 'Y') b |= 1ULL << k;  // option k is worth 2^k
  return b;
}

/// A built conflict plus its state patterns, for naming states in assertions.
struct Built {
  Conflict conflict;
  std::vector<std::string> patterns;  // patterns[s]

  int state(const std::string& pattern) const {
    const auto it = std::find(patterns.begin(), patterns.end(), pattern);
    EXPECT_NE(it, patterns.end()) << "no feasible state " << pattern;
    return static_cast<int>(it - patterns.begin());
  }
  std::vector<std::string> names(const std::vector<int>& states) const {
    std::vector<std::string> out;
    for (int s : states)
      out.push_back(patterns[s]);
    return out;
  }
};

inline Built build(const ConflictSpec& spec) {
  Built b;
  // States are numbered in increasing order of sum 2^k over the options k taken.
  b.patterns = spec.feasible;
  std::sort(b.patterns.begin(), b.patterns.end(),
            [](const std::string& x, const std::string& y) { return bits_of(x) < bits_of(y); });
  Conflict& c = b.conflict;
  c.state_count = static_cast<int>(b.patterns.size());
  for (const auto& p : b.patterns)
    c.bits.push_back(bits_of(p));

  const int n = static_cast<int>(spec.parties.size());
  c.moves.assign(n, std::vector<std::vector<int>>(c.state_count));
  c.payoff.assign(n, std::vector<long long>(c.state_count, 0));
  int first_option = 0;
  for (int i = 0; i < n; ++i) {
    const int count = spec.parties[i].option_count;
    unsigned long long mask = 0;
    for (int k = first_option; k < first_option + count; ++k)
      mask |= 1ULL << k;
    c.party_mask.push_back(mask);

    // A unilateral move of i changes only i's options (at least one), to another feasible state, and every
    // option it changes may be changed in that direction.
    for (int s = 0; s < c.state_count; ++s)
      for (int t = 0; t < c.state_count; ++t) {
        if (t == s || ((c.bits[s] ^ c.bits[t]) & ~mask) != 0) continue;
        bool legal = true;
        for (int k = first_option; k < first_option + count; ++k) {
          const char from = b.patterns[s][k], to = b.patterns[t][k];
          if (from == to) continue;
          if (spec.directions[k] == 'T' && from == 'Y') legal = false;
          if (spec.directions[k] == 'W' && from == 'N') legal = false;
        }
        if (legal) c.moves[i][s].push_back(t);
      }

    // Payoffs from the ranking: the most preferred level gets the highest number; a level's states tie.
    const auto& ranking = spec.parties[i].ranking;
    std::vector<int> times_ranked(c.state_count, 0);
    for (std::size_t level = 0; level < ranking.size(); ++level) {
      std::istringstream words(ranking[level]);
      std::string pattern;
      while (words >> pattern) {
        const int s = b.state(pattern);
        if (s < 0 || s >= c.state_count) continue;
        c.payoff[i][s] = static_cast<long long>(ranking.size() - level);
        ++times_ranked[s];
      }
    }
    for (int s = 0; s < c.state_count; ++s)
      EXPECT_EQ(times_ranked[s], 1) << "party " << i << " ranks " << b.patterns[s] << " " << times_ranked[s]
                                    << " times";
    first_option += count;
  }
  EXPECT_EQ(static_cast<std::size_t>(first_option), spec.directions.size());
  return b;
}

/// A random conflict in option form from how many options each party owns: a random subset of the
/// option vectors is feasible (never none), a move changes any non-empty subset of the mover's options
/// (some dropped at random, so moves need not be transitive), payoffs are random with ties.
inline Conflict random_option_conflict(std::mt19937& rng, const std::vector<int>& owned) {
  int options = 0;
  for (int n : owned)
    options += n;
  const int parties = static_cast<int>(owned.size());
  Conflict c;
  for (unsigned long long v = 0; v < (1ULL << options); ++v)
    if (rng() % 4 != 0 || c.bits.empty()) c.bits.push_back(v);
  c.state_count = static_cast<int>(c.bits.size());
  int first = 0;
  for (int i = 0; i < parties; ++i) {
    unsigned long long mask = 0;
    for (int k = first; k < first + owned[i]; ++k)
      mask |= 1ULL << k;
    first += owned[i];
    c.party_mask.push_back(mask);
  }
  c.moves.assign(parties, std::vector<std::vector<int>>(c.state_count));
  c.payoff.assign(parties, std::vector<long long>(c.state_count));
  for (int i = 0; i < parties; ++i)
    for (int s = 0; s < c.state_count; ++s) {
      c.payoff[i][s] = static_cast<long long>(rng() % 5);
      for (int t = 0; t < c.state_count; ++t)
        if (t != s && ((c.bits[s] ^ c.bits[t]) & ~c.party_mask[i]) == 0 && rng() % 5 != 0) c.moves[i][s].push_back(t);
    }
  return c;
}

}  // namespace parley::reference::hand_built
