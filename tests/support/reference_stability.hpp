// SPDX-License-Identifier: Apache-2.0
#pragma once
/// A brute-force REFERENCE implementation of the stability concepts of the Graph Model for Conflict
/// Resolution (GMCR), written straight from the published definitions. It is deliberately small, obvious and
/// slow: the production engine is cross-checked against it on random conflicts (at most a few hundred
/// states, 2-4 parties), so clarity and faithfulness to the definitions matter far more than speed.
///
/// Header-only; depends only on the standard library. Nothing here is shared with the production engine.
///
/// Main references
///   [FHK93]  L. Fang, K. W. Hipel, D. M. Kilgour (1993), Interactive Decision Making: The Graph Model for
///            Conflict Resolution, Wiley, New York. (Nash, GMR, SMR, SEQ, limited-move, non-myopic stability;
///            reachable lists of a group of decision makers.)
///   [FHK89]  L. Fang, K. W. Hipel, D. M. Kilgour (1989), Conflict models in graph form: solution concepts and
///            their interrelationships, European Journal of Operational Research 41:86-100.
///   [K85]    D. M. Kilgour (1985), Anticipation and stability in two-person non-cooperative games, in
///            U. Luterbacher and M. D. Ward (eds.), Dynamic Models of International Conflict, Lynne Rienner,
///            Boulder. (Limited-move and non-myopic stability.)
///   [FH84]   N. M. Fraser, K. W. Hipel (1984), Conflict Analysis: Models and Resolutions, North-Holland,
///            New York. (Sequential stability and stability by simultaneous sanctioning.)
///   [KPHK15] R. A. Kinsara, O. Petersons, K. W. Hipel, D. M. Kilgour (2015), Advanced decision support for
///            the graph model for conflict resolution, Journal of Decision Systems (GMCR+, which computes
///            SIM as stated below).
///   [ROVK25] L. C. Rego, F. E. G. de Oliveira, G. I. A. Vieira, D. M. Kilgour (2025), Classifying
///            limited-move stability cycles in 2x2 games, Games 16(5):54. (L_h is not monotone in h and
///            cycles in h.)
///
/// Notation: N is the set of parties, i the focal party, s a state. "p_i(t) <= p_i(s)" means i does not
/// prefer t to s (t is less preferred or equally preferred); "p_i(t) > p_i(s)" means i strictly prefers t.

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace parley::reference {

/// A graph model with states 0 .. state_count-1.
struct Conflict {
  int state_count = 0;
  /// moves[i][s] = states party i can reach from s in one unilateral move (no duplicates, never s itself).
  std::vector<std::vector<std::vector<int>>> moves;
  /// payoff[i][s]: party i's preference; higher is better, equal means indifferent.
  std::vector<std::vector<long long>> payoff;
  /// Option form, needed only by sim(): bits[s] is state s's bit vector over all options, and
  /// party_mask[i] the bits of the options party i controls. May be empty if SIM is not asked for.
  std::vector<unsigned long long> bits;
  std::vector<unsigned long long> party_mask;
};

inline int party_count(const Conflict& c) {
  return static_cast<int>(c.moves.size());
}

// ---------------------------------------------------------------------------------------------------------------
// Reachable lists
// ---------------------------------------------------------------------------------------------------------------

/// R_i(s): the states party i can reach from s in one unilateral move [FHK93].
inline std::vector<int> unilateral_moves(const Conflict& c, int i, int s) {
  return c.moves[i][s];
}

/// R+_i(s) = { t in R_i(s) : p_i(t) > p_i(s) }: i's unilateral improvements from s [FHK93].
inline std::vector<int> unilateral_improvements(const Conflict& c, int i, int s) {
  std::vector<int> out;
  for (int t : c.moves[i][s])
    if (c.payoff[i][t] > c.payoff[i][s]) out.push_back(t);
  return out;
}

/// Reachable list of the group N - {i} of all parties but i [FHK93, definition of R_H(s) for a coalition H]:
/// the states reachable from s by a NON-EMPTY legal sequence of unilateral moves by parties other than i, in
/// which no party moves twice in a row (a party may move again later, after someone else). When
/// improvements_only is set, every move must also be a unilateral improvement for the party making it, judged
/// at the state it moves from: this is R+_{N-i}(s).
///
/// Brute force over (state, last mover) pairs, exactly as the inductive definition reads: from s anybody in
/// N - {i} may move; from a state reached with last mover k, anybody in N - {i} except k may move. The result
/// may contain s itself (with three or more parties a sequence can come back). Sorted, without duplicates.
inline std::vector<int> movers_reachable(const Conflict& c, const std::vector<bool>& may_move, int s,
                                         bool improvements_only) {
  const int n = party_count(c);
  const int nobody = n;                // "last mover" of the empty sequence
  std::set<std::pair<int, int>> seen;  // (state, last mover)
  std::vector<std::pair<int, int>> todo{{s, nobody}};
  std::set<int> reached;
  while (!todo.empty()) {
    const auto [u, last] = todo.back();
    todo.pop_back();
    for (int k = 0; k < n; ++k) {
      if (!may_move[static_cast<std::size_t>(k)] || k == last) continue;
      for (int v : c.moves[k][u]) {
        if (improvements_only && !(c.payoff[k][v] > c.payoff[k][u])) continue;
        reached.insert(v);
        if (seen.insert({v, k}).second) todo.push_back({v, k});
      }
    }
  }
  return {reached.begin(), reached.end()};
}

/// The same with every party but i allowed to move.
inline std::vector<int> group_reachable(const Conflict& c, int i, int s, bool improvements_only) {
  std::vector<bool> may_move(static_cast<std::size_t>(party_count(c)), true);
  may_move[static_cast<std::size_t>(i)] = false;
  return movers_reachable(c, may_move, s, improvements_only);
}

/// R_{N-i}(s).
inline std::vector<int> opponents_reachable(const Conflict& c, int i, int s) {
  return group_reachable(c, i, s, false);
}

/// R+_{N-i}(s).
inline std::vector<int> opponents_improvements_reachable(const Conflict& c, int i, int s) {
  return group_reachable(c, i, s, true);
}

// ---------------------------------------------------------------------------------------------------------------
// Nash, GMR, SMR, SEQ  (any number n >= 2 of parties)
// ---------------------------------------------------------------------------------------------------------------

/// Nash stability [FHK93; Nash 1950/1951]: s is Nash stable for i iff R+_i(s) is empty.
inline bool nash(const Conflict& c, int i, int s) {
  return unilateral_improvements(c, i, s).empty();
}

/// General metarationality, GMR [FHK93; Howard 1971]: s is GMR stable for i iff for every s1 in R+_i(s) there
/// is some s2 in R_{N-i}(s1) with p_i(s2) <= p_i(s).
inline bool gmr(const Conflict& c, int i, int s) {
  for (int s1 : unilateral_improvements(c, i, s)) {
    bool sanctioned = false;
    for (int s2 : opponents_reachable(c, i, s1))
      if (c.payoff[i][s2] <= c.payoff[i][s]) sanctioned = true;
    if (!sanctioned) return false;
  }
  return true;
}

/// Symmetric metarationality, SMR [FHK93; Howard 1971]: s is SMR stable for i iff for every s1 in R+_i(s)
/// there is some s2 in R_{N-i}(s1) with p_i(s2) <= p_i(s) and p_i(s3) <= p_i(s) for every s3 in R_i(s2)
/// (i cannot escape the sanction by a further move of its own).
inline bool smr(const Conflict& c, int i, int s) {
  for (int s1 : unilateral_improvements(c, i, s)) {
    bool sanctioned = false;
    for (int s2 : opponents_reachable(c, i, s1)) {
      if (!(c.payoff[i][s2] <= c.payoff[i][s])) continue;
      bool no_escape = true;
      for (int s3 : unilateral_moves(c, i, s2))
        if (!(c.payoff[i][s3] <= c.payoff[i][s])) no_escape = false;
      if (no_escape) sanctioned = true;
    }
    if (!sanctioned) return false;
  }
  return true;
}

/// Sequential stability, SEQ [FHK93; Fraser & Hipel 1979, FH84]: s is SEQ stable for i iff for every s1 in
/// R+_i(s) there is some s2 in R+_{N-i}(s1) with p_i(s2) <= p_i(s) (the sanction is credible: every move in
/// it is an improvement for its mover).
inline bool seq(const Conflict& c, int i, int s) {
  for (int s1 : unilateral_improvements(c, i, s)) {
    bool sanctioned = false;
    for (int s2 : opponents_improvements_reachable(c, i, s1))
      if (c.payoff[i][s2] <= c.payoff[i][s]) sanctioned = true;
    if (!sanctioned) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// SIM: stability by simultaneous sanctioning  (option form needed)
// ---------------------------------------------------------------------------------------------------------------

/// The state reached when, from s, party i moves to s1 and party j moves to s2 at the same time: i's options
/// are set as in s1, j's as in s2, everybody else's stay as in s. Returns -1 if no state has that option
/// vector (the combination is infeasible). Needs c.bits and c.party_mask; i's and j's moves must change only
/// their own options (otherwise "the same time" has no meaning and std::invalid_argument is thrown).
inline int simultaneous_outcome(const Conflict& c, int i, int s1, int j, int s2, int s) {
  if (c.bits.size() != static_cast<std::size_t>(c.state_count) ||
      c.party_mask.size() != static_cast<std::size_t>(party_count(c)))
    throw std::invalid_argument("SIM needs the option form: bits and party_mask");
  const unsigned long long mi = c.party_mask[i], mj = c.party_mask[j];
  if (((c.bits[s1] ^ c.bits[s]) & ~mi) != 0 || ((c.bits[s2] ^ c.bits[s]) & ~mj) != 0)
    throw std::invalid_argument("a unilateral move changes options its mover does not control");
  const unsigned long long combined = (c.bits[s] & ~mi & ~mj) | (c.bits[s1] & mi) | (c.bits[s2] & mj);
  for (int t = 0; t < c.state_count; ++t)
    if (c.bits[t] == combined) return t;
  return -1;
}

/// Stability by simultaneous sanctioning, SIM.
///
/// Origin: "stability by simultaneous sanctioning" is a concept of Fraser & Hipel's conflict analysis [FH84]
/// (a state where two parties each have a unilateral improvement can still be stable, because taking the
/// improvements at the same time may leave a mover worse off); the graph-model literature [FHK93] lists it
/// beside SEQ. The text of [FHK93] could not be consulted while writing this; the statement below is the one
/// GMCR+ [KPHK15] computes, and it reproduces the published SIM results in catalog/.
///
/// Definition implemented:
///   s is SIM stable for i iff for every s1 in R+_i(s) there are a non-empty set H of other parties and, for
///   each j in H, an s_j in R+_j(s) such that the state reached when i moves to s1 and every j in H moves to
///   s_j simultaneously (i's options as in s1, each j's options as in s_j, all other options as in s) is
///   feasible and p_i(that state) <= p_i(s).
/// In words: each of i's unilateral improvements is deterred because an opponent who also has a unilateral
/// improvement from s could be taking it at the same moment, and the two moves together leave i no better off
/// than at s. If i has improvements but no opponent has one, s is not SIM stable for i. An infeasible
/// combination sanctions nothing. The simultaneous move is computed in the option form (bits, party_mask),
/// since a bare graph has no notion of two moves made at once.
///
/// The opponent's simultaneous move must be an IMPROVEMENT for it: letting any unilateral move of j sanction
/// would make 7 states of the Cuban missile crisis SIM equilibria instead of the published 1 (YNYN).
///
/// Two parties is the setting of the definition. For n > 2 any non-empty set of opponents may improve at
/// the same moment (GMCR+ computes it so since version 0.3.13; earlier versions let one opponent answer).
inline bool sim(const Conflict& c, int i, int s) {
  // Every non-empty set of opponents, each making one of its improvements from s, all at once:
  // enumerated as one choice per opponent (-1 = stays put), like an odometer.
  std::vector<int> opponents;
  for (int j = 0; j < party_count(c); ++j)
    if (j != i) opponents.push_back(j);
  for (int s1 : unilateral_improvements(c, i, s)) {
    bool sanctioned = false;
    std::vector<std::vector<int>> options;
    for (int j : opponents) {
      std::vector<int> choices = {-1};
      for (int s2 : unilateral_improvements(c, j, s))
        choices.push_back(s2);
      options.push_back(choices);
    }
    std::vector<std::size_t> pick(opponents.size(), 0);
    while (!sanctioned) {
      unsigned long long combined = c.bits[static_cast<std::size_t>(s1)];
      bool anyone = false;
      for (std::size_t k = 0; k < opponents.size(); ++k) {
        const int target = options[k][pick[k]];
        if (target < 0) continue;
        anyone = true;
        const unsigned long long mask = c.party_mask[static_cast<std::size_t>(opponents[k])];
        combined = (combined & ~mask) | (c.bits[static_cast<std::size_t>(target)] & mask);
      }
      if (anyone)
        for (int t = 0; t < c.state_count; ++t)
          if (c.bits[static_cast<std::size_t>(t)] == combined && c.payoff[i][t] <= c.payoff[i][s]) sanctioned = true;
      std::size_t k = 0;
      while (k < pick.size() && ++pick[k] == options[k].size())
        pick[k++] = 0;
      if (k == pick.size()) break;
    }
    if (!sanctioned) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Limited-move and non-myopic stability  (exactly two parties)
// ---------------------------------------------------------------------------------------------------------------

/// anticipation[i][s] = G_h(i, s) for one horizon h.
using AnticipationTable = std::vector<std::vector<int>>;

/// One step of the recursion of limited-move stability [K85; FHK89; FHK93], for two parties i and j = 1 - i:
///   G_0(i, s) = s;
///   for h >= 1, G_h(i, s) = the state i most prefers among { G_{h-1}(j, s1) : s1 in R_i(s) } if i strictly
///   prefers it to s, and s otherwise.
/// (i moves only when the outcome it anticipates after j's reply, with one move less of look-ahead, is strictly
/// better for i than staying; "staying" anticipates s itself.) Given the table of G_{h-1}, returns G_h.
///
/// Tie rule. The definitions are written as if the most preferred anticipated state were unique: [K85] and the
/// 2x2 studies such as [ROVK25] assume strict preferences, and we found no published rule for a party that is
/// indifferent between several best anticipated states. This implementation takes, among the anticipated
/// states i likes best, the one with the SMALLEST STATE NUMBER. The choice never changes i's own verdict at
/// this horizon (that depends only on the best payoff, which all tied candidates share), and it is irrelevant
/// when i has no ties among them. It CAN change verdicts at longer horizons, because the chosen state is then
/// judged by the other party, who need not be indifferent between the tied candidates; no rule makes every
/// verdict independent of the choice, so the engine must use the same rule to agree with this reference.
inline AnticipationTable limited_move_step(const Conflict& c, const AnticipationTable& previous) {
  AnticipationTable next(2, std::vector<int>(c.state_count));
  for (int i = 0; i < 2; ++i) {
    const int j = 1 - i;
    for (int s = 0; s < c.state_count; ++s) {
      int best = -1;
      for (int s1 : c.moves[i][s]) {
        const int outcome = previous[j][s1];
        if (best < 0 || c.payoff[i][outcome] > c.payoff[i][best] ||
            (c.payoff[i][outcome] == c.payoff[i][best] && outcome < best))
          best = outcome;
      }
      next[i][s] = (best >= 0 && c.payoff[i][best] > c.payoff[i][s]) ? best : s;
    }
  }
  return next;
}

inline void require_two_parties(const Conflict& c) {
  if (party_count(c) != 2) throw std::invalid_argument("limited-move stability is defined for two parties");
}

/// G_h(i, s) for every party and state, h >= 0.
inline AnticipationTable anticipation_table(const Conflict& c, int h) {
  require_two_parties(c);
  AnticipationTable table(2, std::vector<int>(c.state_count));
  for (int i = 0; i < 2; ++i)
    for (int s = 0; s < c.state_count; ++s)
      table[i][s] = s;  // G_0(i, s) = s
  for (int k = 1; k <= h; ++k)
    table = limited_move_step(c, table);
  return table;
}

/// G_h(i, s): the outcome party i anticipates from s with horizon h (see limited_move_step).
inline int anticipated_outcome(const Conflict& c, int i, int s, int h) {
  return anticipation_table(c, h)[i][s];
}

/// Limited-move stability with horizon h >= 1, L_h [K85; FHK93]: s is L_h stable for i iff G_h(i, s) = s.
/// An L_h equilibrium is L_h stable for both parties. L_1 is Nash stability; L_h is not monotone in h.
inline bool limited_move(const Conflict& c, int i, int s, int h) {
  if (h < 1) throw std::invalid_argument("the horizon of limited-move stability is at least 1");
  return anticipated_outcome(c, i, s, h) == s;
}

/// The tables G_h form an eventually periodic sequence: G_h is a fixed function of G_{h-1} (limited_move_step)
/// and there are finitely many tables. Returns {first, period}: G_h = G_{h+period} for every h >= first, with
/// first and period the smallest such numbers (first >= 0, period >= 1).
inline std::pair<int, int> limited_move_period(const Conflict& c) {
  require_two_parties(c);
  std::map<AnticipationTable, int> seen;  // table -> the first horizon where it appeared
  AnticipationTable table = anticipation_table(c, 0);
  for (int h = 0;; ++h) {
    const auto [where, inserted] = seen.insert({table, h});
    if (!inserted) return {where->second, h - where->second};
    table = limited_move_step(c, table);
  }
}

/// Non-myopic stability, NM [K85; FHK89; FHK93]: the limiting case of limited-move stability as the horizon
/// grows without bound: s is NM stable for i iff G_h(i, s) = s for every sufficiently large h (the limit of
/// G_h(i, s) exists and is s).
///
/// Decided exactly: by limited_move_period, G_h repeats with some period p from some horizon h0 on, so "for
/// every large h" is the same as "for every h in h0, ..., h0 + p - 1". If G_h(i, s) alternates between s and
/// another state forever, the limit does not exist and s is not NM stable.
inline bool nonmyopic(const Conflict& c, int i, int s) {
  const auto [first, period] = limited_move_period(c);
  AnticipationTable table = anticipation_table(c, first);
  for (int k = 0; k < period; ++k) {
    if (table[i][s] != s) return false;
    table = limited_move_step(c, table);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Stable states and equilibria
// ---------------------------------------------------------------------------------------------------------------

/// One of nash, gmr, smr, seq, sim (or any function of the same shape).
using StabilityConcept = bool (*)(const Conflict&, int party, int state);

/// The states stable for party i under a concept, in state order.
inline std::vector<int> stable_states(const Conflict& c, const std::function<bool(int party, int state)>& stable,
                                      int i) {
  std::vector<int> out;
  for (int s = 0; s < c.state_count; ++s)
    if (stable(i, s)) out.push_back(s);
  return out;
}

inline std::vector<int> stable_states(const Conflict& c, StabilityConcept test, int i) {
  return stable_states(
      c, [&](int party, int state) { return test(c, party, state); }, i);
}

/// Equilibria: the states stable for every party, in state order.
inline std::vector<int> equilibria(const Conflict& c, const std::function<bool(int party, int state)>& stable) {
  std::vector<int> out;
  for (int s = 0; s < c.state_count; ++s) {
    bool all = true;
    for (int i = 0; i < party_count(c); ++i)
      if (!stable(i, s)) all = false;
    if (all) out.push_back(s);
  }
  return out;
}

inline std::vector<int> equilibria(const Conflict& c, StabilityConcept test) {
  return equilibria(c, [&](int party, int state) { return test(c, party, state); });
}

/// L_h equilibria (two parties).
inline std::vector<int> limited_move_equilibria(const Conflict& c, int h) {
  return equilibria(c, [&](int party, int state) { return limited_move(c, party, state, h); });
}

/// Non-myopic equilibria (two parties).
inline std::vector<int> nonmyopic_equilibria(const Conflict& c) {
  return equilibria(c, [&](int party, int state) { return nonmyopic(c, party, state); });
}

}  // namespace parley::reference
