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

}  // namespace

struct LeastChangeSolver::Context {
  z3::context context;
};

LeastChangeSolver::LeastChangeSolver() : z3_(std::make_unique<Context>()) {}
LeastChangeSolver::~LeastChangeSolver() = default;

namespace {

/// Today's own above set (the states the party strictly prefers to the target), if it already
/// satisfies the conditions: then nothing needs to change.
std::optional<AboveSet> unchanged(const PartyConditions& conditions, const Preference& preference, StateIndex target,
                                  std::size_t state_count) {
  AboveSet out{std::vector<bool>(state_count, false), 0};
  for (StateIndex s = 0; s < state_count; ++s)
    out.above[s] = preference.prefers(s, target);
  for (const MoveCondition& m : conditions.moves) {
    if (!out.above[m.improvement]) continue;
    const bool deterred = std::any_of(m.sanctions.begin(), m.sanctions.end(), [&](const Sanction& s) {
      return !out.above[s.state] &&
             std::none_of(s.escapes.begin(), s.escapes.end(), [&](StateIndex e) { return out.above[e]; });
    });
    if (!deterred) return std::nullopt;
  }
  return out;
}

}  // namespace

std::optional<AboveSet> LeastChangeSolver::solve(const PartyConditions& conditions, const Preference& preference,
                                                 StateIndex target, std::size_t state_count,
                                                 std::chrono::milliseconds time_limit) {
  if (auto today = unchanged(conditions, preference, target, state_count)) return today;
  // Only states above the target today are candidates for the new above set A: see the file comment.
  const std::uint32_t t = preference.level(target);
  std::vector<bool> relevant(state_count, false);
  for (StateIndex s : conditions.relevant_states(target))
    relevant[s] = true;
  std::vector<Unit> units;
  std::vector<int> unit_of(state_count, -1);
  std::map<std::uint32_t, int> free_group;
  for (StateIndex s = 0; s < state_count; ++s) {
    if (s == target || preference.level(s) <= t) continue;
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

  z3::context& z3 = z3_->context;
  z3::optimize solver(z3);
  z3::params params(z3);
  params.set("timeout", static_cast<unsigned>(time_limit.count()));
  solver.set(params);
  z3::expr_vector kept(z3);  // kept[u]: the unit stays above the target
  for (std::size_t k = 0; k < units.size(); ++k)
    kept.push_back(z3.bool_const(("a" + std::to_string(k)).c_str()));
  auto above = [&](StateIndex s) { return unit_of[s] < 0 ? z3.bool_val(false) : kept[unit_of[s]]; };
  for (const MoveCondition& m : conditions.moves) {
    z3::expr deterred = !above(m.improvement);
    for (const Sanction& s : m.sanctions) {
      z3::expr safe = !above(s.state);
      for (StateIndex e : s.escapes)
        safe = safe && !above(e);
      deterred = deterred || safe;
    }
    solver.add(deterred);
  }
  for (std::size_t k = 0; k < units.size(); ++k) {
    const Unit& u = units[k];
    solver.add_soft(kept[static_cast<int>(k)], u.weight);  // demoting passes the target
    for (std::size_t j = 0; j < units.size(); ++j)
      if (u.level > units[j].level)  // demoting u below a kept j reverses each pair
        solver.add_soft(kept[static_cast<int>(k)] || !kept[static_cast<int>(j)], u.weight * units[j].weight);
  }
  if (solver.check() != z3::sat) return std::nullopt;
  const z3::model model = solver.get_model();
  AboveSet out{std::vector<bool>(state_count, false), 0};
  for (std::size_t k = 0; k < units.size(); ++k)
    if (model.eval(kept[static_cast<int>(k)], true).is_true())
      for (StateIndex s : units[k].states)
        out.above[s] = true;
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
