// SPDX-License-Identifier: Apache-2.0
/// The least change of one party's preference that makes a target stable (an exact branch and
/// bound over which way out of each move is taken), and the margin that breaks it (weighted MaxSAT).
///
/// A strict ranking that satisfies the conditions is determined, up to order inside each group,
/// by its above set A; the closest ranking with a given A keeps today's order inside A and inside
/// the rest. Two facts shrink the search:
///  - the conditions only ever ask states out of A, so A = {} (the target first) always works;
///  - an optimal A lies inside today's above set U (the states preferred to the target): taking
///    out of A a state not in U, lowest first, never reverses more pairs.
/// So the choice is which states of U to demote below the target (the set D), at a cost of
///   |D| + #{(x, y): x in D, y in U \ D, x better than y today}.
/// The search (class Demotion) picks, per undeterred move, a way out to demote and completes it with
/// the cheapest lower set of levels. As weighted MaxSAT (the former method, kept as a cross-check
/// and for the SMR margin), one boolean per state of U says "kept"; each term is a weighted soft
/// clause. States of U that no condition mentions and that share a level behave alike (each term is
/// linear in how many of them are kept), so one boolean stands for the whole group.
/// Why a lower set of levels: if y is demoted only to complete the set and z, kept, lies strictly
/// below y, then keeping y or also demoting z changes the cost by amounts summing to at most -2, so
/// one of them is cheaper; inside one level the cost is linear in how many are demoted.
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
                                                     std::chrono::milliseconds time_limit, bool by_maxsat) {
  return search(conditions, preference, target, state_count, time_limit, true, by_maxsat);
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
  if (escapes) return search(conditions, preference, target, state_count, time_limit, false, true);
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

namespace {

/// The exact least change that makes the target stable, by branch and bound instead of MaxSAT.
///
/// Each move of the party asks one of its "ways out" to be demoted as a whole: the improvement
/// alone, or one sanction with its escapes (states already below the target drop out of a way out;
/// a way out left empty means the move is deterred today). Given the set F of states forced out of
/// U, the cheapest demotion containing F adds every state of U below some level (the exchange
/// argument in the file comment, mirrored), so its cost is a minimum over levels, found in one sweep.
/// That cost only grows with F, so it bounds every branch below a node; the search branches on the
/// unsatisfied move whose cheapest way out costs most, cheapest way out first.
class Demotion {
 public:
  Demotion(const PartyConditions& conditions, const Preference& preference, StateIndex target, std::size_t state_count)
      : preference_(preference), candidate_(state_count, false) {
    const std::uint32_t t = preference.level(target);
    for (StateIndex s = 0; s < state_count; ++s)
      candidate_[s] = s != target && preference.level(s) > t;
    for (StateIndex s = 0; s < state_count; ++s)
      if (candidate_[s]) levels_.push_back(preference.level(s));
    std::sort(levels_.begin(), levels_.end());
    levels_.erase(std::unique(levels_.begin(), levels_.end()), levels_.end());
    total_.assign(levels_.size(), 0);
    for (StateIndex s = 0; s < state_count; ++s)
      if (candidate_[s]) ++total_[slot(s)];
    for (const MoveCondition& m : conditions.moves) {
      std::vector<std::vector<StateIndex>> ways;
      bool deterred_today = false;
      auto add = [&](std::vector<StateIndex> way) {
        way.erase(std::remove_if(way.begin(), way.end(), [&](StateIndex s) { return !candidate_[s]; }), way.end());
        std::sort(way.begin(), way.end());
        way.erase(std::unique(way.begin(), way.end()), way.end());
        deterred_today = deterred_today || way.empty();
        ways.push_back(std::move(way));
      };
      add({m.improvement});
      for (const Sanction& s : m.sanctions) {
        std::vector<StateIndex> way = s.escapes;
        way.push_back(s.state);
        add(std::move(way));
      }
      if (!deterred_today) moves_.push_back(without_supersets(std::move(ways)));
    }
  }

  /// The demoted states of the cheapest demotion that deters every move, or nullopt at the deadline.
  std::optional<std::vector<bool>> solve(std::chrono::steady_clock::time_point deadline) {
    deadline_ = deadline;
    std::vector<int> forced(levels_.size(), 0);
    std::vector<bool> in_f(candidate_.size(), false);
    // Demoting all of U always works (no improvement is then above the target): the first bound.
    std::vector<StateIndex> all;
    for (StateIndex s = 0; s < candidate_.size(); ++s)
      if (candidate_[s]) all.push_back(s);
    best_ = {all, cost_of_all()};
    best_cost_ = best_.second;
    if (!branch(in_f, forced)) return std::nullopt;
    std::vector<bool> demoted(candidate_.size(), false);
    for (StateIndex s : best_.first)
      demoted[s] = true;
    return demoted;
  }

 private:
  std::size_t slot(StateIndex s) const {
    return static_cast<std::size_t>(std::lower_bound(levels_.begin(), levels_.end(), preference_.level(s)) -
                                    levels_.begin());
  }

  static std::vector<std::vector<StateIndex>> without_supersets(std::vector<std::vector<StateIndex>> ways) {
    std::sort(ways.begin(), ways.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
    std::vector<std::vector<StateIndex>> kept;
    for (auto& way : ways)
      if (std::none_of(kept.begin(), kept.end(),
                       [&](const auto& k) { return std::includes(way.begin(), way.end(), k.begin(), k.end()); }))
        kept.push_back(std::move(way));
    return kept;
  }

  std::uint64_t cost_of_all() const {
    std::uint64_t n = 0;
    for (int c : total_)
      n += static_cast<std::uint64_t>(c);
    return n;
  }

  /// The least cost of demoting the forced states (per level) and every state below some level,
  /// and that level's slot: |D| + pairs (x demoted, y kept, x better than y). Sweeping the
  /// threshold down from the top, `kept_between` grows by the free states of each level passed.
  std::pair<std::uint64_t, std::size_t> cheapest(const std::vector<int>& forced) const {
    const std::size_t levels = levels_.size();
    std::uint64_t below_all = cost_of_all();  // states at levels under the threshold: all demoted
    std::uint64_t forced_above = 0, pairs = 0, forced_count = 0, best = 0;
    std::size_t best_slot = levels;
    std::vector<std::uint64_t> cost(levels + 1, 0);  // per threshold slot
    for (std::size_t k = levels; k-- > 0;) {
      const auto f = static_cast<std::uint64_t>(forced[k]);
      const auto free = static_cast<std::uint64_t>(total_[k]) - f;
      pairs += forced_above * free;  // every forced state above level k outranks its free states
      forced_above += f;
      forced_count += f;
      below_all -= static_cast<std::uint64_t>(total_[k]);
      // Threshold at slot k: levels under k wholly demoted (each also below every forced state
      // above, but demoted pairs never count), levels from k up: forced only.
      cost[k] = below_all + forced_count + pairs;
    }
    cost[levels] = cost_of_all();  // every level demoted
    best = cost[levels];
    for (std::size_t k = 0; k < levels; ++k)
      if (cost[k] < best) best = cost[k], best_slot = k;
    return {best, best_slot};
  }

  bool branch(std::vector<bool>& in_f, std::vector<int>& forced) {
    if ((++nodes_ & 1023U) == 0 && std::chrono::steady_clock::now() > deadline_) return false;
    const auto [here, threshold] = cheapest(forced);
    if (here >= best_cost_) return true;
    // The unsatisfied move whose cheapest way out costs most: it bounds the node best.
    std::size_t pick = moves_.size();
    std::uint64_t pick_cost = 0;
    std::vector<std::pair<std::uint64_t, std::size_t>> pick_ways;
    for (std::size_t m = 0; m < moves_.size(); ++m) {
      const auto& ways = moves_[m];
      if (std::any_of(ways.begin(), ways.end(), [&](const auto& way) {
            return std::all_of(way.begin(), way.end(), [&](StateIndex s) { return in_f[s]; });
          }))
        continue;
      std::vector<std::pair<std::uint64_t, std::size_t>> priced;
      for (std::size_t w = 0; w < ways.size(); ++w)
        priced.emplace_back(price(in_f, forced, ways[w]), w);
      std::sort(priced.begin(), priced.end());
      if (pick == moves_.size() || priced.front().first > pick_cost)
        pick = m, pick_cost = priced.front().first, pick_ways = std::move(priced);
    }
    if (pick == moves_.size()) {  // every move deterred: F plus the levels under the threshold
      best_cost_ = here;
      best_.first.clear();
      for (StateIndex s = 0; s < candidate_.size(); ++s)
        if (candidate_[s] && (in_f[s] || slot(s) < threshold)) best_.first.push_back(s);
      best_.second = here;
      return true;
    }
    if (pick_cost >= best_cost_) return true;
    for (const auto& [price_of_way, w] : pick_ways) {
      if (price_of_way >= best_cost_) break;
      std::vector<StateIndex> added;
      for (StateIndex s : moves_[pick][w])
        if (!in_f[s]) in_f[s] = true, ++forced[slot(s)], added.push_back(s);
      const bool in_time = branch(in_f, forced);
      for (StateIndex s : added)
        in_f[s] = false, --forced[slot(s)];
      if (!in_time) return false;
    }
    return true;
  }

  /// The bound after also forcing `way`.
  std::uint64_t price(std::vector<bool>& in_f, std::vector<int>& forced, const std::vector<StateIndex>& way) const {
    std::vector<StateIndex> added;
    for (StateIndex s : way)
      if (!in_f[s]) in_f[s] = true, ++forced[slot(s)], added.push_back(s);
    const std::uint64_t cost = cheapest(forced).first;
    for (StateIndex s : added)
      in_f[s] = false, --forced[slot(s)];
    return cost;
  }

  const Preference& preference_;
  std::vector<bool> candidate_;                              ///< per state: in U, above the target today
  std::vector<std::uint32_t> levels_;                        ///< the levels of U, ascending
  std::vector<int> total_;                                   ///< per level slot: states of U
  std::vector<std::vector<std::vector<StateIndex>>> moves_;  ///< per undeterred move: its ways out
  std::pair<std::vector<StateIndex>, std::uint64_t> best_;
  std::uint64_t best_cost_ = 0;
  std::uint64_t nodes_ = 0;
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace

std::optional<AboveSet> LeastChangeSolver::search(const PartyConditions& conditions, const Preference& preference,
                                                  StateIndex target, std::size_t state_count,
                                                  std::chrono::milliseconds time_limit, bool stable, bool by_maxsat) {
  AboveSet today{std::vector<bool>(state_count, false), 0};
  for (StateIndex s = 0; s < state_count; ++s)
    today.above[s] = preference.prefers(s, target);
  const bool holds = std::all_of(conditions.moves.begin(), conditions.moves.end(),
                                 [&](const MoveCondition& m) { return deterred(m, today.above); });
  if (holds == stable) return today;

  if (stable && !by_maxsat) {
    const auto demoted =
        Demotion(conditions, preference, target, state_count).solve(std::chrono::steady_clock::now() + time_limit);
    if (!demoted) return std::nullopt;
    AboveSet out = today;
    for (StateIndex s = 0; s < state_count; ++s)
      if ((*demoted)[s]) out.above[s] = false;
    out.distance = kendall_distance(preference, ranking_from_above_set(out.above, preference, target));
    return out;
  }
  // Destabilising, only states not above the target today may be promoted (see the file comment).
  // A unit's boolean says "above the target".
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
