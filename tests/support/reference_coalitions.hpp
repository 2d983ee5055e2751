// SPDX-License-Identifier: Apache-2.0
#pragma once
/// A brute-force REFERENCE implementation of COALITION ANALYSIS in the Graph Model for Conflict Resolution:
/// coalitional moves and improvements, and the coalition stability concepts CNash, CGMR, CSMR and CSEQ. Like
/// reference_stability.hpp, on which it builds, it is written straight from the definitions, small and slow on
/// purpose; the production engine is to be cross-checked against it on small random conflicts.
///
/// docs/coalitions.md states every definition used here, the sources, where the sources leave room for more
/// than one reading and which reading is taken. In short:
///
///   R_H(s)    coalitional moves: the states reachable from s by a NON-EMPTY legal sequence of unilateral moves
///             by members of H, no member moving twice in a row [FHK93; KHFP01].
///   R++_H(s)  coalitional improvements: the states t in R_H(s) that EVERY member of H strictly prefers to s;
///             only the end state counts, a step on the way may hurt the member who takes it [KHFP01; IH08a].
///   CNash     s is CNash stable for H iff R++_H(s) is empty [KHFP01; IH08a].
///   CGMR      for every t in R++_H(s) some s2 in R_{N-H}(t) is not a coalitional improvement over s for H
///             (some member of H likes s2 no better than s) [IH08a].
///   CSMR      as CGMR, and moreover no s3 in R_H(s2) is a coalitional improvement over s for H [IH08a].
///   CSEQ      as CGMR, with s2 in R+_{N-H}(t): every step of the sanction a unilateral improvement for the
///             party that takes it [IH08a].
///   N - H, the parties outside the coalition, sanction as individual parties by legal sequences, exactly as
///   the opponents of a single party do in reference_stability.hpp. A singleton H = {i} gives back Nash, GMR,
///   SMR and SEQ for i exactly.
///   Whole conflict: a state is a CX equilibrium iff it is X stable for EVERY non-empty coalition H of N
///   (singletons included), so CX equilibria are X equilibria. It is CX stable for party i iff it is X stable
///   for every coalition containing i.
///
/// The full texts of [KHFP01] and [IH08a] were not at hand when this was written: the definitions are the
/// reconstruction docs/coalitions.md gives, with the points still to check against the papers marked there.
///
/// Coalitions are bit masks over party indices (std::uint32_t, bit i = party i), so at most 32 parties.
///
/// References
///   [FHK93]  L. Fang, K. W. Hipel, D. M. Kilgour (1993), Interactive Decision Making: The Graph Model for
///            Conflict Resolution, Wiley. (Reachable lists R_H(s), R+_H(s) of a group of parties, legal sequences.)
///   [KHFP01] D. M. Kilgour, K. W. Hipel, L. Fang, X. Peng (2001), Coalition analysis in group decision
///            support, Group Decision and Negotiation 10(2):159-175. (Coalitional moves and improvements,
///            coalitional Nash stability, the Elmira coalition of the ministry and Uniroyal.)
///   [IH08a]  T. Inohara, K. W. Hipel (2008), Coalition analysis in the graph model for conflict resolution,
///            Systems Engineering 11(4):343-359. (CNash, CGMR, CSMR, CSEQ.)
///   [IH08b]  T. Inohara, K. W. Hipel (2008), Interrelationships among noncooperative and coalition stability
///            concepts, Journal of Systems Science and Systems Engineering 17(1):1-29.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include "support/reference_stability.hpp"

namespace parley::reference {

// ---------------------------------------------------------------------------------------------------------------
// Coalitions as bit masks
// ---------------------------------------------------------------------------------------------------------------

/// A set of parties: bit i set means party i is a member.
using Coalition = std::uint32_t;

inline constexpr int max_coalition_parties = 32;

inline Coalition coalition_of(std::initializer_list<int> parties) {
  Coalition h = 0;
  for (int i : parties) {
    if (i < 0 || i >= max_coalition_parties) throw std::invalid_argument("party index out of range for a coalition");
    h |= Coalition{1} << i;
  }
  return h;
}

/// N, the coalition of every party.
inline Coalition all_parties(const Conflict& c) {
  const int n = party_count(c);
  if (n > max_coalition_parties) throw std::invalid_argument("coalition masks hold at most 32 parties");
  return n == max_coalition_parties ? ~Coalition{0} : (Coalition{1} << n) - 1;
}

inline bool is_member(Coalition h, int i) {
  return ((h >> i) & Coalition{1}) != 0;
}

/// The members of h, in increasing party order.
inline std::vector<int> members(Coalition h) {
  std::vector<int> out;
  for (int i = 0; i < max_coalition_parties; ++i)
    if (is_member(h, i)) out.push_back(i);
  return out;
}

/// N - H.
inline Coalition complement(const Conflict& c, Coalition h) {
  return all_parties(c) & ~h;
}

/// Throws std::invalid_argument unless h is a non-empty set of parties of c.
inline void require_coalition(const Conflict& c, Coalition h) {
  if (h == 0) throw std::invalid_argument("a coalition has at least one member");
  if ((h & ~all_parties(c)) != 0) throw std::invalid_argument("a coalition member is not a party of the conflict");
}

/// Every non-empty coalition of c, in increasing mask order (2^n - 1 of them; singletons included).
inline std::vector<Coalition> all_coalitions(const Conflict& c) {
  const Coalition everyone = all_parties(c);
  std::vector<Coalition> out;
  for (Coalition h = 1; h != 0 && h <= everyone; ++h)
    out.push_back(h);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Coalitional moves and improvements
// ---------------------------------------------------------------------------------------------------------------

/// The states reachable from s by a NON-EMPTY legal sequence of unilateral moves by members of `movers`, no
/// party moving twice in a row [FHK93]; when improvements_only is set, every step must also be a unilateral
/// improvement for the party taking it, judged at the state it moves from (this is R+_H(s) of [FHK93]).
/// `movers` may be empty (then nothing is reachable). The result may contain s itself. Sorted, no duplicates.
///
/// The brute force of movers_reachable() in reference_stability.hpp, with the members of `movers` allowed to
/// move: group_reachable(c, i, s, b) == members_reachable(c, complement(c, {i}), s, b).
inline std::vector<int> members_reachable(const Conflict& c, Coalition movers, int s, bool improvements_only) {
  std::vector<bool> may_move(static_cast<std::size_t>(party_count(c)));
  for (int k = 0; k < party_count(c); ++k)
    may_move[static_cast<std::size_t>(k)] = is_member(movers, k);
  return movers_reachable(c, may_move, s, improvements_only);
}

/// R_H(s): coalition H's coalitional moves from s [FHK93; KHFP01]. For H = {i} this is R_i(s).
inline std::vector<int> coalition_moves(const Conflict& c, Coalition h, int s) {
  require_coalition(c, h);
  return members_reachable(c, h, s, false);
}

/// t is a coalitional improvement over s for H: p_i(t) > p_i(s) for EVERY member i of H.
inline bool every_member_prefers(const Conflict& c, Coalition h, int t, int s) {
  for (int i : members(h))
    if (!(c.payoff[i][t] > c.payoff[i][s])) return false;
  return true;
}

/// R++_H(s) = { t in R_H(s) : p_i(t) > p_i(s) for every i in H }: H's coalitional improvements from s
/// [KHFP01; IH08a]. Only the end state is judged: the members may pass through states some of them dislike.
/// For H = {i} this is R+_i(s). Sorted.
inline std::vector<int> coalition_improvements(const Conflict& c, Coalition h, int s) {
  std::vector<int> out;
  for (int t : coalition_moves(c, h, s))
    if (every_member_prefers(c, h, t, s)) out.push_back(t);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Joint moves: the sequences of member moves behind a coalitional move
// ---------------------------------------------------------------------------------------------------------------

/// One unilateral move of a joint move.
struct Step {
  int party = 0;
  int from = 0;
  int to = 0;
  bool operator==(const Step&) const = default;
};

/// A legal sequence of unilateral moves by members of a coalition.
using JointMove = std::vector<Step>;

/// Whether `move` is a non-empty legal sequence for H starting at s: consecutive steps chain, each step is a
/// unilateral move (in c.moves) of a member of H, and no party takes two steps in a row.
inline bool is_legal_joint_move(const Conflict& c, Coalition h, int s, const JointMove& move) {
  if (move.empty()) return false;
  int at = s;
  int last = -1;
  for (const Step& step : move) {
    if (step.from != at || step.party == last || step.party < 0 || step.party >= party_count(c) ||
        !is_member(h, step.party))
      return false;
    const auto& options = c.moves[step.party][step.from];
    if (std::find(options.begin(), options.end(), step.to) == options.end()) return false;
    at = step.to;
    last = step.party;
  }
  return true;
}

/// The joint move that takes H from s to t in the fewest steps; among those, the first in lexicographic order
/// of (party, target state) step by step — so with Elmira's parties in file order (MoE, UR, LG) the ministry
/// moves first when either order works. Empty if t is not in R_H(s).
/// Breadth-first search over (state, last mover) pairs, expanding parties and targets in increasing order; the
/// first pair found with state t carries the lexicographically first shortest sequence.
inline JointMove joint_move(const Conflict& c, Coalition h, int s, int t) {
  require_coalition(c, h);
  const int n = party_count(c);
  using Node = std::pair<int, int>;  // (state, last mover); last mover n = nobody
  std::map<Node, std::pair<Node, Step>> parent;
  std::set<Node> seen{{s, n}};
  std::deque<Node> queue{{s, n}};
  while (!queue.empty()) {
    const Node node = queue.front();
    queue.pop_front();
    for (int k = 0; k < n; ++k) {
      if (!is_member(h, k) || k == node.second) continue;
      std::vector<int> targets = c.moves[k][node.first];
      std::sort(targets.begin(), targets.end());
      for (int v : targets) {
        const Node next{v, k};
        if (!seen.insert(next).second) continue;
        parent[next] = {node, Step{k, node.first, v}};
        if (v == t) {
          JointMove move;
          for (Node at = next; at != Node{s, n}; at = parent.at(at).first)
            move.push_back(parent.at(at).second);
          std::reverse(move.begin(), move.end());
          return move;
        }
        queue.push_back(next);
      }
    }
  }
  return {};
}

/// Every joint move that takes H from s to t in the fewest steps, in lexicographic order of (party, target
/// state) step by step; joint_move() is the first of them. Empty if t is not in R_H(s). Enumerates all
/// sequences of the shortest length: meant for small examples, not for property tests over whole conflicts.
inline std::vector<JointMove> shortest_joint_moves(const Conflict& c, Coalition h, int s, int t) {
  const JointMove first = joint_move(c, h, s, t);
  if (first.empty()) return {};
  const std::size_t length = first.size();
  std::vector<JointMove> out;
  JointMove prefix;
  // Depth-first over every legal sequence of exactly `length` steps (no shorter one reaches t).
  auto extend = [&](auto&& self, int at, int last) -> void {
    if (prefix.size() == length) {
      if (at == t) out.push_back(prefix);
      return;
    }
    for (int k = 0; k < party_count(c); ++k) {
      if (!is_member(h, k) || k == last) continue;
      std::vector<int> targets = c.moves[k][at];
      std::sort(targets.begin(), targets.end());
      for (int v : targets) {
        prefix.push_back(Step{k, at, v});
        self(self, v, k);
        prefix.pop_back();
      }
    }
  };
  extend(extend, s, -1);
  return out;
}

/// A coalitional improvement with the joint move that realises it.
struct CoalitionalImprovement {
  int to = 0;
  JointMove move;  ///< joint_move(c, H, s, to)
};

/// R++_H(s), each target with the joint move that reaches it (see joint_move()).
inline std::vector<CoalitionalImprovement> coalitional_improvement_moves(const Conflict& c, Coalition h, int s) {
  std::vector<CoalitionalImprovement> out;
  for (int t : coalition_improvements(c, h, s))
    out.push_back({t, joint_move(c, h, s, t)});
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Coalition stability: CNash, CGMR, CSMR, CSEQ for one coalition H
// ---------------------------------------------------------------------------------------------------------------

enum class CoalitionConcept { cnash, cgmr, csmr, cseq };

inline constexpr CoalitionConcept all_coalition_concepts[] = {CoalitionConcept::cnash, CoalitionConcept::cgmr,
                                                              CoalitionConcept::csmr, CoalitionConcept::cseq};

/// The coalitional improvements of H from s that nothing deters under the given concept; s is stable for H
/// under the concept iff there are none. For every t in R++_H(s):
///   CNash  t is never deterred.
///   CGMR   t is deterred iff some s2 in R_{N-H}(t) is not a coalitional improvement over s for H, i.e. some
///          member i of H has p_i(s2) <= p_i(s) (that member would not have joined the move).
///   CSMR   t is deterred iff some s2 in R_{N-H}(t) is as for CGMR and, in addition, no s3 in R_H(s2) is a
///          coalitional improvement over s for H (the coalition cannot escape the sanction by moving again).
///   CSEQ   t is deterred iff some s2 in R+_{N-H}(t) is as for CGMR (every step of the sanction is a
///          unilateral improvement for the party that takes it: the sanction is credible).
/// The parties outside H sanction by legal sequences of their unilateral moves, as individuals. For H = N
/// nobody is left to sanction, so all four concepts reduce to CNash.
inline std::vector<int> undeterred_improvements(const Conflict& c, CoalitionConcept which, Coalition h, int s) {
  require_coalition(c, h);
  const Coalition others = complement(c, h);
  std::map<int, bool> escape_known;  // s2 -> escapes(s2), remembered: many sanctions share their end state
  auto escapes = [&](int s2) {       // H can move on from s2 to a state every member prefers to s
    const auto known = escape_known.find(s2);
    if (known != escape_known.end()) return known->second;
    bool found = false;
    for (int s3 : coalition_moves(c, h, s2))
      if (every_member_prefers(c, h, s3, s)) found = true;
    escape_known[s2] = found;
    return found;
  };
  std::vector<int> out;
  for (int t : coalition_improvements(c, h, s)) {
    bool deterred = false;
    switch (which) {
      case CoalitionConcept::cnash: break;
      case CoalitionConcept::cgmr:
        for (int s2 : members_reachable(c, others, t, false))
          if (!every_member_prefers(c, h, s2, s)) deterred = true;
        break;
      case CoalitionConcept::csmr:
        for (int s2 : members_reachable(c, others, t, false))
          if (!every_member_prefers(c, h, s2, s) && !escapes(s2)) deterred = true;
        break;
      case CoalitionConcept::cseq:
        for (int s2 : members_reachable(c, others, t, true))
          if (!every_member_prefers(c, h, s2, s)) deterred = true;
        break;
    }
    if (!deterred) out.push_back(t);
  }
  return out;
}

/// s is stable for coalition H under the concept [IH08a].
inline bool coalition_stable(const Conflict& c, CoalitionConcept which, Coalition h, int s) {
  return undeterred_improvements(c, which, h, s).empty();
}

inline bool cnash(const Conflict& c, Coalition h, int s) {
  return coalition_stable(c, CoalitionConcept::cnash, h, s);
}
inline bool cgmr(const Conflict& c, Coalition h, int s) {
  return coalition_stable(c, CoalitionConcept::cgmr, h, s);
}
inline bool csmr(const Conflict& c, Coalition h, int s) {
  return coalition_stable(c, CoalitionConcept::csmr, h, s);
}
inline bool cseq(const Conflict& c, Coalition h, int s) {
  return coalition_stable(c, CoalitionConcept::cseq, h, s);
}

/// The non-cooperative concept a coalition concept generalises: Nash, GMR, SMR, SEQ of reference_stability.hpp.
inline StabilityConcept individual_concept(CoalitionConcept which) {
  switch (which) {
    case CoalitionConcept::cnash: return nash;
    case CoalitionConcept::cgmr: return gmr;
    case CoalitionConcept::csmr: return smr;
    case CoalitionConcept::cseq: return seq;
  }
  throw std::invalid_argument("unknown coalition concept");
}

// ---------------------------------------------------------------------------------------------------------------
// The whole conflict
// ---------------------------------------------------------------------------------------------------------------

/// s is CX stable for party i: X stable for every coalition that contains i (the singleton {i} included, so
/// this implies X stability for i).
inline bool coalitionally_stable_for_party(const Conflict& c, CoalitionConcept which, int i, int s) {
  for (Coalition h : all_coalitions(c))
    if (is_member(h, i) && !coalition_stable(c, which, h, s)) return false;
  return true;
}

/// CX equilibria: the states X stable for EVERY non-empty coalition of N (equivalently, CX stable for every
/// party). Since singletons are coalitions, every CX equilibrium is an X equilibrium. In state order.
inline std::vector<int> coalition_equilibria(const Conflict& c, CoalitionConcept which) {
  std::vector<int> out;
  for (int s = 0; s < c.state_count; ++s) {
    bool all = true;
    for (Coalition h : all_coalitions(c))
      if (!coalition_stable(c, which, h, s)) {
        all = false;
        break;
      }
    if (all) out.push_back(s);
  }
  return out;
}

/// CX equilibria over a given family of coalitions: the states X stable for every party on its own AND for
/// every coalition of `family` (the analysis of [KHFP01]: individual equilibria, then the coalitions the
/// analyst names). With every coalition of two or more parties this is coalition_equilibria(c, which); with an
/// empty family it is the X equilibria.
inline std::vector<int> coalition_equilibria(const Conflict& c, CoalitionConcept which,
                                             const std::vector<Coalition>& family) {
  for (Coalition h : family)
    require_coalition(c, h);
  const StabilityConcept individual = individual_concept(which);
  std::vector<int> out;
  for (int s = 0; s < c.state_count; ++s) {
    bool all = true;
    for (int i = 0; i < party_count(c) && all; ++i)
      all = individual(c, i, s);
    for (Coalition h : family)
      all = all && coalition_stable(c, which, h, s);
    if (all) out.push_back(s);
  }
  return out;
}

/// Equilibria under a coalition STRUCTURE: `blocks` is a partition of N (non-empty, disjoint, covering every
/// party), each block acting as one coalition that moves only by coalitional improvements; s is an equilibrium
/// iff it is X stable for every block. A block's members no longer move on their own, so a member's unilateral
/// improvement that a partner dislikes no longer unsettles s: unlike coalition_equilibria(), this can contain
/// states that are not X equilibria. All singletons give back the X equilibria. Throws std::invalid_argument if
/// `blocks` is not a partition of N.
inline std::vector<int> structure_equilibria(const Conflict& c, CoalitionConcept which,
                                             const std::vector<Coalition>& blocks) {
  Coalition covered = 0;
  for (Coalition h : blocks) {
    require_coalition(c, h);
    if ((covered & h) != 0) throw std::invalid_argument("the blocks of a coalition structure overlap");
    covered |= h;
  }
  if (covered != all_parties(c)) throw std::invalid_argument("the blocks of a coalition structure miss a party");
  std::vector<int> out;
  for (int s = 0; s < c.state_count; ++s) {
    bool all = true;
    for (Coalition h : blocks)
      all = all && coalition_stable(c, which, h, s);
    if (all) out.push_back(s);
  }
  return out;
}

/// The coalition structure in which H acts together and every other party alone.
inline std::vector<Coalition> structure_with(const Conflict& c, Coalition h) {
  require_coalition(c, h);
  std::vector<Coalition> blocks{h};
  for (int j = 0; j < party_count(c); ++j)
    if (!is_member(h, j)) blocks.push_back(coalition_of({j}));
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------------
// Coalition report
// ---------------------------------------------------------------------------------------------------------------

/// An X equilibrium that coalition H unsettles, and the joint moves that do it.
struct DestroyedEquilibrium {
  int state = 0;
  std::vector<CoalitionalImprovement> undeterred;  ///< H's coalitional improvements from `state` nothing deters
};

/// What forming coalition H does to the X equilibria: compares the X equilibria (every party alone) with the
/// equilibria of the structure in which H acts together and everybody else alone (structure_with()).
///   destroyed  X equilibria that are not X stable for H, each with H's undeterred coalitional improvements
///              and the joint move realising each (this is exactly "not CX stable for H").
///   created    states that are equilibria once H acts together but were not X equilibria: every non-member
///              is X stable, H is X stable as a coalition, and some member had a unilateral improvement the
///              coalition forgoes.
/// For a singleton H both lists are empty.
struct CoalitionReport {
  Coalition coalition = 0;
  CoalitionConcept concept_used = CoalitionConcept::cnash;
  std::vector<DestroyedEquilibrium> destroyed;
  std::vector<int> created;
};

inline CoalitionReport coalition_report(const Conflict& c, CoalitionConcept which, Coalition h) {
  CoalitionReport report{h, which, {}, {}};
  const std::vector<int> before = equilibria(c, individual_concept(which));
  const std::vector<int> after = structure_equilibria(c, which, structure_with(c, h));
  for (int s : before)
    if (!std::binary_search(after.begin(), after.end(), s)) {
      DestroyedEquilibrium d{s, {}};
      for (int t : undeterred_improvements(c, which, h, s))
        d.undeterred.push_back({t, joint_move(c, h, s, t)});
      report.destroyed.push_back(d);
    }
  for (int s : after)
    if (!std::binary_search(before.begin(), before.end(), s)) report.created.push_back(s);
  return report;
}

}  // namespace parley::reference
