// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/inverse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <unordered_set>

#include "inverse_conditions.hpp"
#include "parley/core/moves.hpp"

namespace parley {

namespace {

using detail::MoveCondition;
using detail::PartyConditions;
using detail::Sanction;

// Exact counts of rankings overflow 64 bits in their intermediate sums; GCC's 128-bit integers hold them.
__extension__ using Wide = unsigned __int128;
__extension__ using SignedWide = __int128;

/// Counting does at most this many steps (about a second); beyond it the count is reported out of reach.
constexpr std::uint64_t kCountingBudget = std::uint64_t{1} << 28;
/// Least change by MaxSAT hands Z3 one variable per relevant state and per free level; beyond this
/// many the pairwise terms (quadratic in it) make the problem too large to promise an answer. The
/// branch and bound has only its time limit.
constexpr std::size_t kLeastChangeVariables = 1500;

/// How a move of a party enters a sanction sequence under SEQ, where only improvements count.
enum class VariedMoves { None, All };

class InverseAnalysis {
 public:
  InverseAnalysis(const Model& model, const InverseOptions& options, const CancelToken& cancel)
      : model_(model), options_(options), cancel_(cancel), varied_(model.parties.size(), false) {
    for (std::size_t i = 0; i < model.parties.size(); ++i)
      moves_.emplace_back(model, static_cast<int>(i));
    for (int v : options.vary)
      varied_[static_cast<std::size_t>(v)] = true;
  }

  /// The least change of the one varied party's preference that breaks the target's stability for it.
  [[nodiscard]] std::optional<detail::AboveSet> breaking_change(Concept c) {
    const int party = options_.vary.front();
    const auto conditions = varied_party_conditions(party, c);
    return solver_.destabilize(*conditions, preference(party), options_.target, state_count(),
                               options_.least_change_time_limit);
  }

  [[nodiscard]] bool can_move_away(int party) const { return !moves_from(party, options_.target).empty(); }

  ConceptInverse run(Concept c) {
    ConceptInverse out;
    out.solution = c;
    bool undetermined = false;
    for (std::size_t k = 0; k < model_.parties.size(); ++k) {
      if (varied_[k]) continue;
      const auto stable = fixed_party_stable(static_cast<int>(k), c);
      if (!stable)
        undetermined = true;
      else if (!*stable)
        out.unstable_fixed_parties.push_back(static_cast<int>(k));
    }
    std::vector<std::optional<PartyConditions>> conditions;
    for (int v : options_.vary) {
      conditions.push_back(varied_party_conditions(v, c));
      if (!conditions.back()) undetermined = true;
    }
    for (const auto& pc : conditions)
      if (pc)
        for (const MoveCondition& m : pc->moves) {
          InverseCondition ic{pc->party, m.improvement, {}};
          for (const Sanction& s : m.sanctions)
            ic.sanctions.push_back(s.state);
          out.conditions.push_back(std::move(ic));
        }

    if (!out.unstable_fixed_parties.empty()) {
      out.share = 0;
      out.count = 0;
      out.least_change_computed = true;
      out.least_change_note = "a party whose preferences are fixed is not stable at the target";
      return out;
    }
    if (undetermined) {
      out.count_note = out.least_change_note =
          options_.vary.size() > 1
              ? "under SEQ the varied parties sanction one another with their own improvements, so stability "
                "depends on their whole rankings, not only on what they rank above the target; vary one party "
                "at a time"
              : "under SEQ a fixed party is deterred only by the varied party's own improvements, so stability "
                "depends on its whole ranking, not only on what it ranks above the target";
      return out;
    }
    count(conditions, out);
    least_change(conditions, out);
    return out;
  }

 private:
  [[nodiscard]] const Preference& preference(int party) const {
    return model_.preferences[static_cast<std::size_t>(party)];
  }
  [[nodiscard]] std::size_t state_count() const { return model_.states->size(); }

  [[nodiscard]] std::vector<StateIndex> moves_from(int party, StateIndex from) const {
    std::vector<StateIndex> out;
    if (model_.parties[static_cast<std::size_t>(party)].option_count > 0)
      moves_[static_cast<std::size_t>(party)].for_each_move(from, [&](StateIndex to) { out.push_back(to); });
    std::sort(out.begin(), out.end());
    return out;
  }

  /// Whether the move of `party` from -> to may be a step of a sanction under concept c.
  [[nodiscard]] bool sanction_step(Concept c, int party, StateIndex from, StateIndex to, VariedMoves varied) const {
    if (c != Concept::SEQ) return true;
    if (varied_[static_cast<std::size_t>(party)]) return varied == VariedMoves::All;
    return preference(party).prefers(to, from);
  }

  /// The states the parties other than `mover` reach from `from` by non-empty legal sequences (no
  /// party twice in a row) of sanction steps; in state order.
  [[nodiscard]] std::vector<StateIndex> sanctions_from(int mover, StateIndex from, Concept c,
                                                       VariedMoves varied) const {
    const std::size_t parties = model_.parties.size();
    std::unordered_set<std::uint64_t> seen;  // (state, last mover + 1)
    std::unordered_set<StateIndex> reached;
    std::deque<std::pair<StateIndex, int>> queue{{from, -1}};
    seen.insert(std::uint64_t{from} * (parties + 1));
    while (!queue.empty()) {
      if (cancel_.cancelled()) throw Cancelled();
      const auto [state, last] = queue.front();
      queue.pop_front();
      for (std::size_t j = 0; j < parties; ++j) {
        const int party = static_cast<int>(j);
        if (party == mover || party == last || model_.parties[j].option_count == 0) continue;
        moves_[j].for_each_move(state, [&](StateIndex to) {
          if (!sanction_step(c, party, state, to, varied)) return;
          reached.insert(to);
          if (seen.insert(std::uint64_t{to} * (parties + 1) + j + 1).second) queue.emplace_back(to, party);
        });
      }
    }
    std::vector<StateIndex> out(reached.begin(), reached.end());
    std::sort(out.begin(), out.end());
    return out;
  }

  /// Whether a fixed party is stable at the target; nullopt when that depends on the varied
  /// parties' rankings (SEQ only: their improvements may be its sanctions).
  [[nodiscard]] std::optional<bool> fixed_party_stable(int party, Concept c) const {
    const auto with = [&](VariedMoves varied) {
      const Preference& u = preference(party);
      const std::uint32_t start = u.level(options_.target);
      for (StateIndex s : moves_from(party, options_.target)) {
        if (u.level(s) <= start) continue;
        if (c == Concept::Nash) return false;
        bool deterred = false;
        for (StateIndex s2 : sanctions_from(party, s, c, varied)) {
          if (u.level(s2) > start) continue;
          const auto escapes = c == Concept::SMR ? moves_from(party, s2) : std::vector<StateIndex>{};
          if (std::all_of(escapes.begin(), escapes.end(), [&](StateIndex e) { return u.level(e) <= start; })) {
            deterred = true;
            break;
          }
        }
        if (!deterred) return false;
      }
      return true;
    };
    const bool least = with(VariedMoves::None);
    if (c != Concept::SEQ || least) return least;
    return with(VariedMoves::All) ? std::nullopt : std::optional<bool>(false);
  }

  /// The conditions on a varied party's above set; nullopt when they depend on another varied
  /// party's ranking (SEQ with two or more varied parties sanctioning each other).
  [[nodiscard]] std::optional<PartyConditions> varied_party_conditions(int party, Concept c) const {
    PartyConditions out{party, {}};
    for (StateIndex s : moves_from(party, options_.target)) {
      MoveCondition m{s, {}};
      if (c != Concept::Nash) {
        const auto sanctions = sanctions_from(party, s, c, VariedMoves::None);
        if (c == Concept::SEQ && sanctions != sanctions_from(party, s, c, VariedMoves::All)) return std::nullopt;
        for (StateIndex s2 : sanctions)
          // The others may lead back to the improvement itself; that never deters it (it is above
          // the target whenever the condition matters), so it is left out.
          if (s2 != s)
            m.sanctions.push_back({s2, c == Concept::SMR ? moves_from(party, s2) : std::vector<StateIndex>{}});
      }
      out.moves.push_back(std::move(m));
    }
    return out;
  }

  /// n! if it fits in 64 bits.
  static std::optional<std::uint64_t> factorial(std::size_t n) {
    Wide f = 1;
    for (std::size_t k = 2; k <= n; ++k) {
      f *= k;
      if (f > UINT64_MAX) return std::nullopt;
    }
    return static_cast<std::uint64_t>(f);
  }

  /// The share (and, for small state counts, the number) of one party's strict rankings that
  /// satisfy its conditions.
  struct PartyCount {
    double share = 0;
    std::optional<std::uint64_t> count;
  };

  [[nodiscard]] std::optional<PartyCount> count_party(const PartyConditions& pc) const {
    const std::vector<StateIndex> relevant = pc.relevant_states(options_.target);
    const bool plain = std::all_of(pc.moves.begin(), pc.moves.end(), [](const MoveCondition& m) {
      return std::all_of(m.sanctions.begin(), m.sanctions.end(), [](const Sanction& s) { return s.escapes.empty(); });
    });
    // The work of each method: subsets visited times the states looked at in each.
    std::uint64_t size = 1;
    for (const MoveCondition& m : pc.moves) {
      size += 1 + m.sanctions.size();
      for (const Sanction& s : m.sanctions)
        size += s.escapes.size();
    }
    const auto work = [&](std::size_t subset_bits) {
      return subset_bits >= 40 ? UINT64_MAX : (std::uint64_t{1} << subset_bits) * size;
    };
    const std::uint64_t by_moves = plain ? work(pc.moves.size()) : UINT64_MAX;
    const std::uint64_t by_states = work(relevant.size());
    if (std::min(by_moves, by_states) > kCountingBudget) return std::nullopt;
    if (by_moves <= by_states) return inclusion_exclusion(pc);
    return enumerate_above_sets(pc, relevant);
    return std::nullopt;
  }

  /// For conditions without escapes: a move's condition fails exactly when the move and all its
  /// sanctions are above the target. The share of rankings putting a given set of k states above
  /// the target is 1/(k+1), so by inclusion-exclusion over the moves whose condition fails,
  /// share = sum over move sets J of (-1)^|J| / (|union of their states| + 1).
  [[nodiscard]] PartyCount inclusion_exclusion(const PartyConditions& pc) const {
    std::vector<std::vector<StateIndex>> fails;
    for (const MoveCondition& m : pc.moves) {
      std::vector<StateIndex> states{m.improvement};
      for (const Sanction& s : m.sanctions)
        states.push_back(s.state);
      fails.push_back(std::move(states));
    }
    const std::size_t n = state_count();
    const auto n_factorial = factorial(n);
    std::vector<std::uint32_t> covered(n, 0);
    std::size_t union_size = 0;
    long double share = 0;
    SignedWide exact = 0;
    // Depth-first over the subsets J, adding and removing one move's states at a time.
    const auto visit = [&](const auto& self, std::size_t next, bool odd) -> void {
      if (next == fails.size()) {
        share += (odd ? -1.0L : 1.0L) / static_cast<long double>(union_size + 1);
        if (n_factorial) exact += (odd ? -1 : 1) * static_cast<SignedWide>(*n_factorial / (union_size + 1));
        return;
      }
      self(self, next + 1, odd);
      for (StateIndex s : fails[next])
        if (covered[s]++ == 0) ++union_size;
      self(self, next + 1, !odd);
      for (StateIndex s : fails[next])
        if (--covered[s] == 0) --union_size;
    };
    if (cancel_.cancelled()) throw Cancelled();
    visit(visit, 0, false);
    PartyCount out{static_cast<double>(share), std::nullopt};
    if (n_factorial) out.count = static_cast<std::uint64_t>(exact);
    return out;
  }

  /// Any conditions: every subset A of the m relevant states as the part of the above set among
  /// them. Only the order of those states and the target matters, and a given A is one of
  /// (m+1)!/(|A|! (m-|A|)!) equally likely arrangements of them around the target.
  [[nodiscard]] PartyCount enumerate_above_sets(const PartyConditions& pc,
                                                const std::vector<StateIndex>& relevant) const {
    const auto bit = [&](StateIndex s) -> std::uint64_t {
      if (s == options_.target) return 0;
      return std::uint64_t{1} << (std::lower_bound(relevant.begin(), relevant.end(), s) - relevant.begin());
    };
    struct Move {
      std::uint64_t improvement;
      std::vector<std::uint64_t> safe;  ///< per sanction: the states that must stay out of A
    };
    std::vector<Move> moves;
    for (const MoveCondition& m : pc.moves) {
      Move mv{bit(m.improvement), {}};
      for (const Sanction& s : m.sanctions) {
        std::uint64_t mask = bit(s.state);
        for (StateIndex e : s.escapes)
          mask |= bit(e);
        mv.safe.push_back(mask);
      }
      moves.push_back(std::move(mv));
    }
    const std::size_t m = relevant.size();
    std::vector<Wide> ways(m + 1);             // |A|! (m - |A|)!
    std::vector<long double> share_of(m + 1);  // |A|! (m - |A|)! / (m + 1)!
    for (std::size_t a = 0; a <= m; ++a) {
      ways[a] = 1;
      share_of[a] = 1.0L / static_cast<long double>(m + 1);
      for (std::size_t k = 2; k <= a; ++k)
        ways[a] *= k;
      for (std::size_t k = 2; k <= m - a; ++k)
        ways[a] *= k;
      // 1 / ((m+1) * C(m, a)), built up without overflow.
      for (std::size_t k = 1; k <= a; ++k)
        share_of[a] *= static_cast<long double>(k) / static_cast<long double>(m - a + k);
    }
    long double share = 0;
    Wide total = 0;
    for (std::uint64_t above = 0; above < (std::uint64_t{1} << m); ++above) {
      if ((above & 0xFFFFF) == 0 && cancel_.cancelled()) throw Cancelled();
      const bool ok = std::all_of(moves.begin(), moves.end(), [&](const Move& mv) {
        return (mv.improvement & above) == 0 ||
               std::any_of(mv.safe.begin(), mv.safe.end(), [&](std::uint64_t s) { return (s & above) == 0; });
      });
      if (!ok) continue;
      const auto a = static_cast<std::size_t>(__builtin_popcountll(above));
      share += share_of[a];
      total += ways[a];
    }
    PartyCount out{static_cast<double>(share), std::nullopt};
    // count = n! / (m+1)! * total, exact while n! fits in 64 bits.
    if (const auto n_factorial = factorial(state_count())) {
      Wide scale = *n_factorial;
      for (std::size_t k = 2; k <= m + 1; ++k)
        scale /= k;
      out.count = static_cast<std::uint64_t>(scale * total);
    }
    return out;
  }

  void count(const std::vector<std::optional<PartyConditions>>& conditions, ConceptInverse& out) const {
    double share = 1;
    Wide count = 1;
    bool exact = true;
    for (const auto& pc : conditions) {
      const auto c = count_party(*pc);
      if (!c) {
        out.count_note = fmt::format(
            "the conditions on party '{}' involve {} states and {} of its moves; counting them exactly would "
            "take more than {} steps",
            model_.parties[static_cast<std::size_t>(pc->party)].id, pc->relevant_states(options_.target).size(),
            pc->moves.size(), kCountingBudget);
        return;
      }
      share *= c->share;
      if (c->count && exact) {
        count *= *c->count;
        exact = count <= UINT64_MAX;
      } else {
        exact = false;
      }
    }
    out.share = share;
    if (exact)
      out.count = static_cast<std::uint64_t>(count);
    else
      out.count_note = "the number of rankings exceeds 64 bits; the share is exact up to rounding";
  }

  void least_change(const std::vector<std::optional<PartyConditions>>& conditions, ConceptInverse& out) {
    LeastChange best;
    for (const auto& pc : conditions) {
      if (cancel_.cancelled()) throw Cancelled();
      const Preference& u = preference(pc->party);
      const std::size_t variables = pc->relevant_states(options_.target).size() + u.level_count();
      if (options_.least_change_by_maxsat && variables > kLeastChangeVariables) {
        out.least_change_note = fmt::format(
            "party '{}': {} states matter to the conditions and its preference has {} levels; the exact search is "
            "limited to {} variables",
            model_.parties[static_cast<std::size_t>(pc->party)].id, variables - u.level_count(), u.level_count(),
            kLeastChangeVariables);
        return;
      }
      const auto above = solver_.stabilize(*pc, u, options_.target, state_count(), options_.least_change_time_limit,
                                           options_.least_change_by_maxsat);
      if (!above) {
        out.least_change_note = fmt::format("the exact search for party '{}' did not finish within {} s",
                                            model_.parties[static_cast<std::size_t>(pc->party)].id,
                                            std::chrono::duration<double>(options_.least_change_time_limit).count());
        return;
      }
      best.distance += above->distance;
      best.rankings.push_back(detail::ranking_from_above_set(above->above, u, options_.target));
    }
    out.least_change_computed = true;
    out.least_change = std::move(best);
  }

  const Model& model_;
  const InverseOptions& options_;
  const CancelToken& cancel_;
  std::vector<MoveGenerator> moves_;
  std::vector<bool> varied_;
  detail::LeastChangeSolver solver_;
};

}  // namespace

InverseResult analyze_inverse(const Model& model, const InverseOptions& options, const CancelToken& cancel) {
  if (!model.has_options()) throw std::invalid_argument("inverse analysis needs a model with options");
  if (options.vary.empty()) throw std::invalid_argument("name at least one party whose preferences may vary");
  std::vector<bool> seen(model.parties.size(), false);
  for (int v : options.vary) {
    if (v < 0 || static_cast<std::size_t>(v) >= model.parties.size())
      throw std::invalid_argument("a varied party index is out of range");
    if (seen[static_cast<std::size_t>(v)])
      throw std::invalid_argument(
          fmt::format("party '{}' is varied twice", model.parties[static_cast<std::size_t>(v)].id));
    seen[static_cast<std::size_t>(v)] = true;
  }
  if (options.target >= model.states->size()) throw std::invalid_argument("the target state is out of range");

  InverseResult out;
  out.target = options.target;
  out.vary = options.vary;
  Wide considered = 1;
  bool fits = true;
  for (std::size_t k = 0; k < options.vary.size() && fits; ++k) {
    for (std::size_t f = 2; f <= model.states->size() && fits; ++f) {
      considered *= f;
      fits = considered <= UINT64_MAX;
    }
  }
  if (fits) out.rankings_considered = static_cast<std::uint64_t>(considered);

  InverseAnalysis analysis(model, options, cancel);
  for (Concept c : options.concepts) {
    if (c == Concept::SIM) throw std::invalid_argument("inverse analysis covers nash, gmr, smr and seq");
    out.concepts.push_back(analysis.run(c));
  }
  return out;
}

std::vector<StabilityMargin> stability_margins(const Model& model, Concept c, const std::vector<StateIndex>& states,
                                               const CancelToken& cancel, std::chrono::milliseconds time_limit) {
  if (c == Concept::SIM) throw std::invalid_argument("stability margins cover nash, gmr, smr and seq");
  std::vector<StabilityMargin> out;
  for (StateIndex state : states) {
    StabilityMargin margin{state, std::nullopt, -1, {}, {}};
    bool unfinished = false, bounded = false;
    for (std::size_t p = 0; p < model.parties.size(); ++p) {
      const InverseOptions options{state, {static_cast<int>(p)}, {c}, time_limit};
      InverseAnalysis analysis(model, options, cancel);
      auto change = analysis.breaking_change(c);
      if (!change && analysis.can_move_away(static_cast<int>(p))) {
        // No proven optimum in time (SMR only: the others are solved directly). Every SMR-stable
        // state is GMR-stable, so breaking GMR breaks SMR: an upper bound, found exactly and fast.
        change = analysis.breaking_change(Concept::GMR);
        bounded = bounded || change.has_value();
        unfinished = unfinished || !change;
      }
      if (!change) continue;
      if (!margin.distance || change->distance < *margin.distance) {
        margin.distance = change->distance;
        margin.party = static_cast<int>(p);
        margin.ranking = detail::ranking_from_above_set(change->above, model.preferences[p], state);
      }
    }
    if (unfinished || bounded)
      margin.note = margin.distance ? "for some party the exact search did not finish in time and its GMR margin "
                                      "stands in: the margin may be smaller"
                                    : "the exact search did not finish in time";
    else if (!margin.distance)
      margin.note = "no party can move away from this state";
    out.push_back(std::move(margin));
  }
  return out;
}

std::uint64_t kendall_distance(const Preference& preference, const std::vector<StateIndex>& ranking) {
  // Pairs (earlier, later) in the ranking where the later state has the higher level today:
  // a Fenwick tree over levels counts, for each state, the earlier ones with a lower level.
  std::vector<std::uint64_t> tree(preference.level_count() + 1, 0);
  std::uint64_t reversed = 0;
  for (StateIndex s : ranking) {
    const std::uint32_t level = preference.level(s);
    for (std::uint32_t k = level; k > 0; k -= k & (~k + 1))
      reversed += tree[k];  // earlier with level < this
    for (std::uint32_t k = level + 1; k < tree.size(); k += k & (~k + 1))
      ++tree[k];
  }
  return reversed;
}

std::uint64_t kendall_distance(const Preference& before, const Preference& after) {
  // The same count with `after` in place of the ranking, most preferred first; the states of one
  // level of `after` are all counted before any of them is added, so ties in `after` never count.
  std::vector<std::uint64_t> tree(before.level_count() + 1, 0);
  std::uint64_t reversed = 0;
  for (const std::vector<StateIndex>& group : after.ranking()) {
    for (StateIndex s : group)
      for (std::uint32_t k = before.level(s); k > 0; k -= k & (~k + 1))
        reversed += tree[k];
    for (StateIndex s : group)
      for (std::uint32_t k = before.level(s) + 1; k < tree.size(); k += k & (~k + 1))
        ++tree[k];
  }
  return reversed;
}

}  // namespace parley
