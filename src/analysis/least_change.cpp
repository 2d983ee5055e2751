// SPDX-License-Identifier: Apache-2.0
/// The least change of one party's preference that makes a target stable, as weighted MaxSAT.
///
/// A strict ranking that satisfies the conditions is determined, up to order inside each group,
/// by its above set A; the closest ranking with a given A keeps today's order inside A and inside
/// the rest. Two facts shrink the search:
///  - the conditions only ever ask states out of A, so A = {} (the target first) always works;
///  - an optimal A lies inside today's above set U (the states preferred to the target): taking
///    out of A a state not in U, lowest first, never reverses more pairs.
/// So the choice is which states of U to demote below the target (the set D), at a cost of
///   |D| + #{(x, y): x in D, y in U \ D, x better than y today}.
/// One boolean per state of U says "kept"; each term is a weighted soft clause. States of U that
/// no condition mentions and that share a level behave alike (each term is linear in how many of
/// them are kept), so one boolean stands for the whole group.
///
/// Destabilising (the margin of an equilibrium) is the mirror image: some move's condition must
/// fail, which only asks states into A, so an optimal A contains U and the choice is which other
/// states to promote over the target.
#include <z3++.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <numeric>
#include <stdexcept>

#include "inverse_conditions.hpp"
#include "parley/analysis/inverse.hpp"

namespace parley::detail {

std::vector<StateIndex> PartyConditions::relevant_states(StateIndex target) const {
  std::vector<StateIndex> out;
  for (const MoveCondition& m : moves) {
    out.push_back(m.improvement);
    for (const Sanction& s : m.sanctions) {
      out.push_back(s.state);
      out.insert(out.end(), s.escapes.begin(), s.escapes.end());
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  out.erase(std::remove(out.begin(), out.end(), target), out.end());
  return out;
}

namespace {

/// A decision variable: one relevant state, or every free state of one preference level.
struct Unit {
  std::uint32_t level = 0;
  unsigned weight = 0;             ///< how many states it stands for
  std::vector<StateIndex> states;  ///< the states it stands for
};

/// Whether each condition holds for an above set.
bool deterred(const MoveCondition& m, const std::vector<bool>& above) {
  if (!above[m.improvement]) return true;
  return std::any_of(m.sanctions.begin(), m.sanctions.end(), [&](const Sanction& s) {
    return !above[s.state] && std::none_of(s.escapes.begin(), s.escapes.end(), [&](StateIndex e) { return above[e]; });
  });
}

/// The states on one side of the target today, as decision units: those the conditions mention
/// one by one, the others grouped by level.
struct Units {
  std::vector<Unit> units;
  std::vector<int> unit_of;  ///< per state: its unit, or -1 if it is not a candidate

  Units(const PartyConditions& conditions, const Preference& preference, StateIndex target, std::size_t state_count,
        bool candidates_above)
      : unit_of(state_count, -1) {
    const std::uint32_t t = preference.level(target);
    std::vector<bool> relevant(state_count, false);
    for (StateIndex s : conditions.relevant_states(target))
      relevant[s] = true;
    std::map<std::uint32_t, int> free_group;
    for (StateIndex s = 0; s < state_count; ++s) {
      if (s == target || (candidates_above ? preference.level(s) <= t : preference.level(s) > t)) continue;
      if (relevant[s]) {
        unit_of[s] = static_cast<int>(units.size());
        units.push_back({preference.level(s), 1, {s}});
        continue;
      }
      auto [it, fresh] = free_group.try_emplace(preference.level(s), static_cast<int>(units.size()));
      if (fresh) units.push_back({preference.level(s), 0, {}});
      Unit& u = units[static_cast<std::size_t>(it->second)];
      ++u.weight;
      u.states.push_back(s);
    }
  }
};

}  // namespace

struct LeastChangeSolver::Context {
  z3::context context;
};

LeastChangeSolver::LeastChangeSolver() : z3_(std::make_unique<Context>()) {}
LeastChangeSolver::~LeastChangeSolver() = default;

std::optional<AboveSet> LeastChangeSolver::stabilize(const PartyConditions& conditions, const Preference& preference,
                                                     StateIndex target, std::size_t state_count,
                                                     std::chrono::milliseconds time_limit) {
  return search(conditions, preference, target, state_count, time_limit, true);
}

namespace {

/// The closest above set containing today's and `forced`: by the exchange argument in the file
/// comment the other states promoted form an upper set of levels, so one threshold is tried per level.
AboveSet closest_with(const std::vector<StateIndex>& forced, const Preference& preference, StateIndex target,
                      const std::vector<bool>& today) {
  std::vector<std::uint32_t> thresholds = {preference.level_count()};  // promote nothing else
  for (std::uint32_t level = 0; level <= preference.level(target); ++level)
    thresholds.push_back(level);
  std::optional<AboveSet> best;
  for (std::uint32_t threshold : thresholds) {
    AboveSet candidate{today, 0};
    for (StateIndex s : forced)
      candidate.above[s] = true;
    for (StateIndex s = 0; s < today.size(); ++s)
      if (s != target && preference.level(s) >= threshold) candidate.above[s] = true;
    candidate.distance = kendall_distance(preference, ranking_from_above_set(candidate.above, preference, target));
    if (!best || candidate.distance < best->distance) best = std::move(candidate);
  }
  return *best;
}

}  // namespace

std::optional<AboveSet> LeastChangeSolver::destabilize(const PartyConditions& conditions, const Preference& preference,
                                                       StateIndex target, std::size_t state_count,
                                                       std::chrono::milliseconds time_limit) {
  if (conditions.moves.empty()) return std::nullopt;
  const bool escapes = std::any_of(conditions.moves.begin(), conditions.moves.end(), [](const MoveCondition& m) {
    return std::any_of(m.sanctions.begin(), m.sanctions.end(), [](const Sanction& s) { return !s.escapes.empty(); });
  });
  if (escapes) return search(conditions, preference, target, state_count, time_limit, false);
  // Without escapes (Nash, GMR, SEQ) breaking one move's condition means lifting the move and all
  // its sanctions over the target: a fixed set per move, solved exactly without a solver.
  std::vector<bool> today(state_count, false);
  for (StateIndex s = 0; s < state_count; ++s)
    today[s] = preference.prefers(s, target);
  std::optional<AboveSet> best;
  for (const MoveCondition& m : conditions.moves) {
    std::vector<StateIndex> forced = {m.improvement};
    for (const Sanction& s : m.sanctions)
      forced.push_back(s.state);
    AboveSet candidate = closest_with(forced, preference, target, today);
    if (!best || candidate.distance < best->distance) best = std::move(candidate);
  }
  return best;
}

std::optional<AboveSet> LeastChangeSolver::search(const PartyConditions& conditions, const Preference& preference,
                                                  StateIndex target, std::size_t state_count,
                                                  std::chrono::milliseconds time_limit, bool stable) {
  AboveSet today{std::vector<bool>(state_count, false), 0};
  for (StateIndex s = 0; s < state_count; ++s)
    today.above[s] = preference.prefers(s, target);
  const bool holds = std::all_of(conditions.moves.begin(), conditions.moves.end(),
                                 [&](const MoveCondition& m) { return deterred(m, today.above); });
  if (holds == stable) return today;

  // Stabilising, only states above the target today may be demoted; destabilising, only states
  // not above it may be promoted (see the file comment). A unit's boolean says "above the target".
  const Units candidates(conditions, preference, target, state_count, stable);
  const auto& units = candidates.units;
  z3::context& z3 = z3_->context;
  z3::optimize solver(z3);
  z3::params params(z3);
  params.set("timeout", static_cast<unsigned>(time_limit.count()));
  solver.set(params);
  z3::expr_vector in_above(z3);
  for (std::size_t k = 0; k < units.size(); ++k)
    in_above.push_back(z3.bool_const(("a" + std::to_string(k)).c_str()));
  auto above = [&](StateIndex s) {
    const int u = candidates.unit_of[s];
    return u >= 0 ? in_above[u] : z3.bool_val(today.above[s]);
  };
  z3::expr_vector broken(z3);  // destabilising: some move's condition must fail
  for (const MoveCondition& m : conditions.moves) {
    z3::expr holds_here = !above(m.improvement);
    for (const Sanction& s : m.sanctions) {
      z3::expr safe = !above(s.state);
      for (StateIndex e : s.escapes)
        safe = safe && !above(e);
      holds_here = holds_here || safe;
    }
    if (stable)
      solver.add(holds_here);
    else
      broken.push_back(!holds_here);
  }
  if (!stable) solver.add(z3::mk_or(broken));
  const std::uint32_t t = preference.level(target);
  for (std::size_t k = 0; k < units.size(); ++k) {
    const Unit& u = units[k];
    const z3::expr a = in_above[static_cast<int>(k)];
    // Crossing the target reverses the pair with it unless the two are tied today.
    if (stable || u.level < t) solver.add_soft(stable ? a : !a, u.weight);
    for (std::size_t j = 0; j < units.size(); ++j)
      if (u.level > units[j].level)  // u below the target and j above it reverses each of their pairs
        solver.add_soft(a || !in_above[static_cast<int>(j)], u.weight * units[j].weight);
  }
  if (solver.check() != z3::sat) return std::nullopt;
  const z3::model model = solver.get_model();
  AboveSet out = today;
  for (std::size_t k = 0; k < units.size(); ++k) {
    const bool is_above = model.eval(in_above[static_cast<int>(k)], true).is_true();
    for (StateIndex s : units[k].states)
      out.above[s] = is_above;
  }
  // The distance of the ranking itself, not the solver's objective, so the two cannot drift apart.
  out.distance = kendall_distance(preference, ranking_from_above_set(out.above, preference, target));
  return out;
}

std::vector<StateIndex> ranking_from_above_set(const std::vector<bool>& above, const Preference& preference,
                                               StateIndex target) {
  std::vector<StateIndex> order(above.size());
  std::iota(order.begin(), order.end(), StateIndex{0});
  auto group = [&](StateIndex s) { return s == target ? 1 : above[s] ? 0 : 2; };
  std::stable_sort(order.begin(), order.end(), [&](StateIndex a, StateIndex b) {
    if (group(a) != group(b)) return group(a) < group(b);
    return preference.level(a) > preference.level(b);
  });
  return order;
}

}  // namespace parley::detail
