// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Random conflicts for property tests: 2-4 parties, up to 8 options, one-way options,
/// infeasible combinations, ties, and all three preference forms. A conflict is generated once
/// and can be written as a model file with its parties and options in any order.

#include <rapidcheck.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "parley/core/state_space.hpp"

namespace parley::testing {

struct RandomConflict {
  struct Option {
    std::string id;
    std::string direction;
  };
  struct Party {
    std::string id;
    std::vector<Option> options;
    std::string preference_kind;          ///< priorities | ranking | payoffs
    std::vector<std::string> priorities;  ///< statements over option ids
    std::vector<int> value;               ///< ranking/payoffs: per canonical state, higher better
  };
  std::vector<Party> parties;
  std::vector<std::string> infeasible;                  ///< expressions over option ids
  std::vector<std::vector<bool>> feasible_assignments;  ///< canonical option order, feasible states

  /// Option ids in canonical order (parties in order, options in order).
  [[nodiscard]] std::vector<std::string> option_ids() const {
    std::vector<std::string> ids;
    for (const auto& p : parties)
      for (const auto& o : p.options)
        ids.push_back(o.id);
    return ids;
  }

  /// The model file with parties in `party_order` and each party's options reversed if `reverse_options`.
  [[nodiscard]] std::string yaml(const std::vector<std::size_t>& party_order, bool reverse_options) const {
    // The option order of the written file, as indices into the canonical order.
    std::vector<std::size_t> written;
    std::vector<std::size_t> first(parties.size());
    for (std::size_t p = 0, k = 0; p < parties.size(); k += parties[p].options.size(), ++p)
      first[p] = k;
    for (std::size_t p : party_order) {
      std::vector<std::size_t> mine(parties[p].options.size());
      std::iota(mine.begin(), mine.end(), first[p]);
      if (reverse_options) std::reverse(mine.begin(), mine.end());
      written.insert(written.end(), mine.begin(), mine.end());
    }
    auto pattern = [&](const std::vector<bool>& assignment) {
      std::string out;
      for (std::size_t k : written)
        out += assignment[k] ? 'Y' : 'N';
      return out;
    };
    std::string text = "parley: 1\nparties:\n";
    for (std::size_t p : party_order) {
      const Party& party = parties[p];
      text += "  - id: " + party.id + "\n    options:\n";
      std::vector<Option> options = party.options;
      if (reverse_options) std::reverse(options.begin(), options.end());
      for (const auto& o : options)
        text += "      - {id: " + o.id + ", direction: " + o.direction + "}\n";
      if (party.preference_kind == "priorities") {
        text += "    priorities:\n";
        for (const auto& s : party.priorities)
          text += "      - \"" + s + "\"\n";
      } else if (party.preference_kind == "payoffs") {
        text += "    payoffs:\n";
        for (std::size_t s = 0; s < feasible_assignments.size(); ++s)
          text += "      " + pattern(feasible_assignments[s]) + ": " + std::to_string(party.value[s]) + "\n";
      } else {
        // Ranking: groups of equal value, most preferred first.
        text += "    ranking:\n";
        std::vector<int> levels = party.value;
        std::sort(levels.rbegin(), levels.rend());
        levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
        for (int level : levels) {
          text += "      - [";
          bool first_in_group = true;
          for (std::size_t s = 0; s < feasible_assignments.size(); ++s) {
            if (party.value[s] != level) continue;
            text += (first_in_group ? "" : ", ") + pattern(feasible_assignments[s]);
            first_in_group = false;
          }
          text += "]\n";
        }
      }
    }
    if (!infeasible.empty()) {
      text += "infeasible:\n";
      for (const auto& e : infeasible)
        text += "  - \"" + e + "\"\n";
    }
    return text;
  }
};

/// A literal: an option id, perhaps negated.
inline std::string random_literal(const std::vector<std::string>& ids) {
  const std::string id = *rc::gen::elementOf(ids);
  return *rc::gen::arbitrary<bool>() ? "not " + id : id;
}

inline bool evaluate_literal_conjunction(const std::vector<std::pair<std::size_t, bool>>& literals,
                                         const std::vector<bool>& assignment) {
  return std::all_of(literals.begin(), literals.end(), [&](const auto& l) { return assignment[l.first] == l.second; });
}

/// A random conflict with at least one feasible state.
inline RandomConflict random_conflict(int max_parties = 4, int max_options = 8) {
  RandomConflict c;
  const int party_count = *rc::gen::inRange(2, max_parties + 1);
  int options_left = max_options;
  for (int p = 0; p < party_count; ++p) {
    RandomConflict::Party party;
    party.id = "P" + std::to_string(p);
    const int most = std::max(1, std::min(3, options_left - (party_count - p - 1)));
    const int count = *rc::gen::inRange(1, most + 1);
    options_left -= count;
    for (int k = 0; k < count; ++k) {
      const int d = *rc::gen::weightedElement<int>({{6, 0}, {1, 1}, {1, 2}});
      party.options.push_back({party.id + "o" + std::to_string(k), d == 0   ? "both"
                                                                   : d == 1 ? "take_only"
                                                                            : "withdraw_only"});
    }
    c.parties.push_back(party);
  }
  const auto ids = c.option_ids();
  // Infeasible: up to two conjunctions of two literals, kept only while some state stays feasible.
  std::vector<std::vector<std::pair<std::size_t, bool>>> rules;
  const int rule_count = *rc::gen::inRange(0, 3);
  for (int r = 0; r < rule_count; ++r) {
    const std::size_t a = *rc::gen::inRange<std::size_t>(0, ids.size());
    const std::size_t b = *rc::gen::inRange<std::size_t>(0, ids.size());
    const bool va = *rc::gen::arbitrary<bool>(), vb = *rc::gen::arbitrary<bool>();
    rules.push_back({{a, va}, {b, vb}});
    c.infeasible.push_back(std::string(va ? "" : "not ") + ids[a] + " and " + (vb ? "" : "not ") + ids[b]);
  }
  for (StateBits bits = 0; bits < (StateBits{1} << ids.size()); ++bits) {
    std::vector<bool> assignment(ids.size());
    for (std::size_t k = 0; k < ids.size(); ++k)
      assignment[k] = (bits >> k) & 1U;
    if (std::none_of(rules.begin(), rules.end(),
                     [&](const auto& r) { return evaluate_literal_conjunction(r, assignment); }))
      c.feasible_assignments.push_back(assignment);
  }
  RC_PRE(!c.feasible_assignments.empty());
  for (auto& party : c.parties) {
    party.preference_kind = *rc::gen::elementOf(std::vector<std::string>{"priorities", "ranking", "payoffs"});
    if (party.preference_kind == "priorities") {
      const int statements = *rc::gen::inRange(1, 4);
      for (int k = 0; k < statements; ++k) {
        std::string statement = random_literal(ids);
        const int form = *rc::gen::inRange(0, 4);
        if (form == 1) statement += " and " + random_literal(ids);
        if (form == 2) statement += " or " + random_literal(ids);
        if (form == 3)
          statement += *rc::gen::elementOf(std::vector<std::string>{" if ", " iff "}) + random_literal(ids);
        party.priorities.push_back(statement);
      }
    } else {
      // Values from a small range, so that ties are common.
      for (std::size_t s = 0; s < c.feasible_assignments.size(); ++s)
        party.value.push_back(*rc::gen::inRange(0, 6));
    }
  }
  return c;
}

}  // namespace parley::testing
