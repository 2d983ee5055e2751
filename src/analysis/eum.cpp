// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/eum.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>

#include "eum_votes.hpp"
#include "vector_math.hpp"

namespace parley {

namespace {

/// One issue as the model sees it: the actors' positions, capabilities and saliences on it.
struct IssueState {
  double low = 0, width = 1;
  std::vector<double> x, c, s;
};

/// b^r, by the same exp and log as every other power of the model (vector_math.hpp).
double power(double b, double r) {
  return detail::exp_portable(r * detail::log_portable(b));
}

}  // namespace

namespace detail {

EumSpots::EumSpots(const std::vector<double>& x, double issue_width, EumSpots* previous)
    : spots(x), width(issue_width) {
  std::sort(spots.begin(), spots.end());
  spots.erase(std::unique(spots.begin(), spots.end()), spots.end());
  const std::size_t m = spots.size();
  count.assign(m, 0);
  for (double xi : x) {
    spot_of.push_back(static_cast<std::size_t>(std::lower_bound(spots.begin(), spots.end(), xi) - spots.begin()));
    count[spot_of.back()] += 1;
  }
  if (previous && previous->width == width && previous->spots == spots) {  // nothing new: all of it serves again
    distance = std::move(previous->distance), log_distance = std::move(previous->log_distance);
    log_near = std::move(previous->log_near), log_far = std::move(previous->log_far);
    nearer_a = std::move(previous->nearer_a), nearer_b = std::move(previous->nearer_b);
    return;
  }
  // Where each spot was in the previous round, if it was one: most actors who move, move onto another
  // actor's position, so nearly every pair of spots was a pair before and keeps its logarithms.
  constexpr std::size_t fresh = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> before(m, fresh);
  if (previous && previous->width == width)
    for (std::size_t a = 0; a < m; ++a) {
      const auto at = std::lower_bound(previous->spots.begin(), previous->spots.end(), spots[a]);
      if (at != previous->spots.end() && *at == spots[a])
        before[a] = static_cast<std::size_t>(at - previous->spots.begin());
    }
  // Distances are symmetric: row a from the diagonal on, mirrored. The pairs that are new are
  // gathered, their logarithms taken at once, and scattered back.
  distance.resize(m * m), log_distance.resize(m * m), log_near.resize(m * m), log_far.resize(m * m);
  std::vector<double> new_distance(m), near(m), far(m), logs(m);
  std::vector<std::size_t> new_b(m);
  for (std::size_t a = 0; a < m; ++a) {
    std::size_t count_new = 0;
    for (std::size_t b = a; b < m; ++b) {
      const double d = std::abs(spots[a] - spots[b]) / width;
      distance[a * m + b] = distance[b * m + a] = d;
      if (before[a] != fresh && before[b] != fresh) {
        const std::size_t old = before[a] * previous->size() + before[b];
        log_distance[a * m + b] = log_distance[b * m + a] = previous->log_distance[old];
        log_near[a * m + b] = log_near[b * m + a] = previous->log_near[old];
        log_far[a * m + b] = log_far[b * m + a] = previous->log_far[old];
      } else {
        new_b[count_new] = b, new_distance[count_new] = d;
        near[count_new] = 0.5 - 0.5 * d, far[count_new] = 0.5 + 0.5 * d;
        ++count_new;
      }
    }
    for (auto [from, to] : {std::pair{&new_distance, &log_distance}, {&near, &log_near}, {&far, &log_far}}) {
      log_each(from->data(), logs.data(), count_new);
      for (std::size_t t = 0; t < count_new; ++t)
        (*to)[a * m + new_b[t]] = (*to)[new_b[t] * m + a] = logs[t];
    }
  }
  // The contests' boundaries. Both only grow as b moves right, so they are carried from one b to the
  // next: O(m^2) for all pairs.
  nearer_a.assign(m * m, 0), nearer_b.assign(m * m, 0);
  const auto nearer = [&](std::size_t t, std::size_t a, std::size_t b) {
    return std::abs(spots[t] - spots[a]) < std::abs(spots[t] - spots[b]);
  };
  for (std::size_t a = 0; a < m; ++a) {
    std::size_t to_a = a + 1, to_b = a + 1;
    for (std::size_t b = a + 1; b < m; ++b) {
      while (to_a < m && nearer(to_a, a, b))
        ++to_a;
      to_b = std::max(to_b, to_a);
      while (to_b < m && !nearer(to_b, b, a))
        ++to_b;
      nearer_a[a * m + b] = to_a, nearer_b[a * m + b] = to_b;
    }
  }
}

/// The voters who prefer spot a to spot b (a left of b) are those nearer a: the voters at a prefix of
/// the spots, and those who prefer b the voters at a suffix. So the positive votes of a contest are a
/// difference of prefix sums of w_k (|x_k - spot| / D)^r_k, one sum per spot: O(n m) powers and
/// O(m^2) differences for m distinct positions instead of O(n m^2) terms.
std::vector<double> eum_positive_votes(const std::vector<double>& weight, const std::vector<double>& r,
                                       const std::vector<std::size_t>& voters, const EumSpots& spots) {
  const std::size_t m = spots.size();
  // support[t * m + q]: the weighted distances from spot q of the voters at the first t spots, summed
  // voter by voter in the order of `voters` (which holds each spot's voters together).
  std::vector<double> support((m + 1) * m, 0);
  std::vector<double> running(m, 0), powers(m);
  for (std::size_t t = 0; t < voters.size(); ++t) {
    const std::size_t k = voters[t], home = spots.spot_of[k];
    if (weight[k] > 0) {
      if (r[k] == 1.0) {  // the distances themselves, exactly
        std::copy_n(&spots.distance[home * m], m, powers.begin());
      } else {
        exp_scaled(&spots.log_distance[home * m], r[k], powers.data(), m);
      }
      for (std::size_t q = 0; q < m; ++q)
        running[q] = running[q] + weight[k] * powers[q];
    }
    if (t + 1 == voters.size() || spots.spot_of[voters[t + 1]] != home)
      std::copy(running.begin(), running.end(), support.begin() + static_cast<std::ptrdiff_t>((home + 1) * m));
  }
  std::vector<double> positive(m * m, 0);
  const double* all = &support[m * m];
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t b = a + 1; b < m; ++b) {
      const double* lo = &support[spots.nearer_a[a * m + b] * m];
      const double* hi = &support[spots.nearer_b[a * m + b] * m];
      positive[a * m + b] = std::max(0.0, lo[b] - lo[a]);
      positive[b * m + a] = std::max(0.0, (all[a] - hi[a]) - (all[b] - hi[b]));
    }
  return positive;
}

}  // namespace detail

namespace {

/// P_ij, i's chance of winning a contest against j (Scholz et al. section 4, normalised as in the
/// replication that reproduces their Table 2): the votes cast for x_i against x_j, where voter k's
/// vote for a against b is c_k s_k ((|x_k - b| / D)^r_k - (|x_k - a| / D)^r_k) and only positive votes
/// count, divided by every vote cast in every pairwise contest between two actors (each ordered pair
/// of actors once). It is a share of all the support in the system, so P_ij + P_ji is at most 1/2 (each
/// contest is counted in both orders). 0 when x_i = x_j (no contest) or when nobody casts a vote.
/// Computed once per pair of distinct positions: after a few rounds many actors share one.
class WinProbabilities {
 public:
  /// `voters` lists every actor once, sorted by position (ties in an order that does not depend on
  /// the order of the input).
  WinProbabilities(const IssueState& st, const detail::EumSpots& spots, const std::vector<std::size_t>& voters,
                   const std::vector<double>& r)
      : m_(spots.size()) {
    std::vector<double> weight(st.x.size());
    for (std::size_t k = 0; k < weight.size(); ++k)
      weight[k] = st.c[k] * st.s[k];
    p_ = detail::eum_positive_votes(weight, r, voters, spots);
    double cast = 0;  // every vote cast, each contest between two actors in both orders
    for (std::size_t a = 0; a < m_; ++a)
      for (std::size_t b = a + 1; b < m_; ++b)
        cast += 2 * spots.count[a] * spots.count[b] * (p_[a * m_ + b] + p_[b * m_ + a]);
    for (double& p : p_)
      p = cast > 0 ? p / cast : 0.0;
    against_.resize(p_.size());
    for (std::size_t a = 0; a < m_; ++a)
      for (std::size_t b = 0; b < m_; ++b)
        against_[b * m_ + a] = p_[a * m_ + b];
  }
  /// For the distinct positions a and b.
  double operator()(std::size_t a, std::size_t b) const { return p_[a * m_ + b]; }
  /// Row b of the transpose: [a] = P(a, b), the chances of every position against b.
  [[nodiscard]] const double* against(std::size_t b) const { return &against_[b * m_]; }

 private:
  std::size_t m_ = 0;
  std::vector<double> p_;        ///< [spot][spot]
  std::vector<double> against_;  ///< the transpose
};

/// How the receiver of a challenge responds, in the order in which it considers them.
enum class Response { conflict, compromise, capitulation };

struct Offer {
  Response kind = Response::conflict;
  double target = 0;       ///< where the receiver would move
  double sender_gain = 0;  ///< the sender's expected utility of the challenge, as the receiver sees it
  std::size_t sender = 0;
};

/// Scholz et al.'s selection: a lost conflict first, then a compromise, then a capitulation. Among
/// conflicts and capitulations the offer that moves the receiver least (then the larger sender gain);
/// among compromises the one whose sender gains most (then the least movement). Remaining ties go by
/// the sender's capability, salience and position, so the order of the actors never decides.
bool better_offer(const Offer& a, const Offer& b, double from, const IssueState& st) {
  if (a.kind != b.kind) return a.kind < b.kind;
  const double da = std::abs(a.target - from), db = std::abs(b.target - from);
  const bool distance_differs = std::abs(da - db) > 1e-12 * (1 + da),
             gain_differs = std::abs(a.sender_gain - b.sender_gain) > 1e-12;
  if (a.kind == Response::compromise) {
    if (gain_differs) return a.sender_gain > b.sender_gain;
    if (distance_differs) return da < db;
  } else {
    if (distance_differs) return da < db;
    if (gain_differs) return a.sender_gain > b.sender_gain;
  }
  return std::tie(st.c[a.sender], st.s[a.sender], st.x[a.sender]) >
         std::tie(st.c[b.sender], st.s[b.sender], st.x[b.sender]);
}

/// The actors in an order of their attributes, for every sum over actors: then reordering the input
/// cannot change a sum in its last bit and with it a knife-edge comparison.
std::vector<std::size_t> canonical_order(const IssueState& st) {
  std::vector<std::size_t> order(st.x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(st.x[a], st.c[a], st.s[a]) < std::tie(st.x[b], st.c[b], st.s[b]);
  });
  return order;
}

/// Differences of expected utilities within this count as ties, so that rounding cannot decide.
constexpr double response_tie = 1e-12;

class IssueRound {
 public:
  /// `previous`: the spots of the issue's previous round, if any, whose logarithms can be reused.
  IssueRound(const IssueState& st, const EumOptions& options, detail::EumSpots* previous)
      : st_(st), options_(options), n_(st.x.size()), order_(canonical_order(st)), spots_(st.x, st.width, previous) {
    // The actors of one position are consecutive in the canonical order.
    first_.assign(spots_.size() + 1, 0);
    for (std::size_t k = 0; k < n_; ++k)
      first_[spots_.spot_of[k] + 1] += 1;
    std::partial_sum(first_.begin(), first_.end(), first_.begin());
    if (options.q < 1) {  // only the drift of an unchallenged issue looks at the median
      std::vector<double> w(n_);
      for (std::size_t k = 0; k < n_; ++k)
        w[k] = st.c[k] * st.s[k];
      median_ = condorcet_position(st.x, w).value_or(st.low + st.width / 2);
    }
  }

  /// The distinct positions of the round, for the next round to reuse.
  detail::EumSpots take_spots() && { return std::move(spots_); }

  /// The new positions after every actor has taken its best offer, all at once.
  std::vector<double> step() const {
    const std::vector<double> r = risk_exponents();
    // The contests of the round are decided by votes that carry each voter's risk exponent.
    const WinProbabilities probability(st_, spots_, order_, r);
    const std::vector<double> stay = no_challenge_utilities(r);
    const std::size_t m = spots_.size();
    std::vector<double> next = st_.x;
    DyadRow row(m);
    std::vector<double> theirs(m);
    for (std::size_t i = 0; i < n_; ++i) {
      const std::size_t home = spots_.spot_of[i];
      // Both expected utilities as i perceives them: with i's own risk exponent (Scholz et al. 6).
      fill_dyads(home, r[i], stay[i], row);
      // E^i U_ji for an actor j at each position: j's expected utility of challenging i, in i's eyes;
      // i resists with probability s_i. One pass over the positions, which the compiler vectorises.
      const double si = st_.s[i];
      const double* won = probability.against(home);
      for (std::size_t q = 0; q < m; ++q)
        theirs[q] = si * (won[q] * row.success[q] + (1 - won[q]) * row.failure[q]) + (1 - si) * row.success[q] -
                    row.stay_theirs[q];
      if (const std::optional<Offer> best = best_offer(i, row, theirs, probability)) next[i] = best->target;
    }
    return next;
  }

 private:
  /// The basic utilities (Scholz et al. 3) of one actor's dyads, towards every distinct position, as
  /// it perceives them at its risk exponent r: success 2 - 4 (1/2 - d/2)^r, failure 2 - 4 (1/2 + d/2)^r
  /// for the distance d, and the utility of not challenging (2 - 4 (1/2)^r) as seen from either end.
  struct DyadRow {
    explicit DyadRow(std::size_t m) : success(m), failure(m), stay_mine(m), stay_theirs(m) {}
    std::vector<double> success, failure;
    std::vector<double> stay_mine;    ///< from the actor's own position
    std::vector<double> stay_theirs;  ///< from the other position
  };

  /// Every actor's utility of not challenging, 2 - 4 (1/2)^r (0 at r = 1), in one vector pass.
  std::vector<double> no_challenge_utilities(const std::vector<double>& r) const {
    static const double log_half = detail::log_portable(0.5);
    std::vector<double> stay(n_);
    for (std::size_t i = 0; i < n_; ++i)
      stay[i] = r[i] * log_half;
    detail::exp_scaled(stay.data(), 1.0, stay.data(), n_);
    for (std::size_t i = 0; i < n_; ++i)
      stay[i] = r[i] == 1.0 ? 0.0 : 2 - 4 * stay[i];
    return stay;
  }

  /// The offer i takes among those of every actor who gains by challenging it (theirs > 0).
  std::optional<Offer> best_offer(std::size_t i, const DyadRow& row, const std::vector<double>& theirs,
                                  const WinProbabilities& probability) const {
    const std::size_t home = spots_.spot_of[i];
    std::optional<Offer> best;
    for (std::size_t spot = 0; spot < spots_.size(); ++spot) {
      if (spot == home || !(theirs[spot] > response_tie)) continue;  // nobody there gains: no offer
      // A lost conflict is the first choice, and among conflicts the one that moves i least: once
      // i has one, a position farther away offers nothing better.
      if (best && best->kind == Response::conflict) {
        const double here = std::abs(spots_.spots[spot] - st_.x[i]), there = std::abs(best->target - st_.x[i]);
        if (here - there > 1e-12 * (1 + here)) continue;
      }
      // i's own expected utility of challenging an actor there depends on that actor's salience
      // only through its chance to resist.
      const double p = probability(home, spot);
      const double contest = p * row.success[spot] + (1 - p) * row.failure[spot];
      for (std::size_t t = first_[spot]; t < first_[spot + 1]; ++t) {
        const std::size_t j = order_[t];
        const double sj = st_.s[j];
        const double mine = sj * contest + (1 - sj) * row.success[spot] - row.stay_mine[spot];
        const std::optional<Offer> offer = response(st_.x[i], st_.x[j], mine, theirs[spot], j);
        if (offer && (!best || better_offer(*offer, *best, st_.x[i], st_))) best = offer;
      }
    }
    return best;
  }

  /// `stay`: the actor's utility of not challenging at r, 2 - 4 (1/2)^r.
  void fill_dyads(std::size_t home, double r, double stay, DyadRow& row) const {
    const std::size_t m = spots_.size();
    const double* distance = &spots_.distance[home * m];
    if (r == 1.0) {  // the closed form
      for (std::size_t q = 0; q < m; ++q)
        row.success[q] = 2 * distance[q], row.failure[q] = -2 * distance[q];
    } else {
      detail::exp_scaled(&spots_.log_near[home * m], r, row.success.data(), m);
      detail::exp_scaled(&spots_.log_far[home * m], r, row.failure.data(), m);
      for (std::size_t q = 0; q < m; ++q)
        row.success[q] = 2 - 4 * row.success[q], row.failure[q] = 2 - 4 * row.failure[q];
    }
    std::fill(row.stay_mine.begin(), row.stay_mine.end(), options_.q * stay);
    std::fill(row.stay_theirs.begin(), row.stay_theirs.end(), options_.q * stay);
    if (options_.q < 1)
      for (std::size_t q = 0; q < m; ++q) {
        row.stay_mine[q] += drift(home, distance[q], r);
        row.stay_theirs[q] += drift(q, distance[q], r);
      }
  }

  /// With Q < 1 an actor who does not challenge expects the issue may still move, to its benefit
  /// (with probability T) or against it, by the shift of the position `from` from the median plus
  /// the dyad's distance (Scholz et al. 3).
  double drift(std::size_t from, double distance, double r) const {
    const double shift = (std::abs(spots_.spots[from] - median_) + distance * st_.width) / st_.width;
    const double better = 2 - 4 * power(0.5 - 0.25 * shift, r), worse = 2 - 4 * power(0.5 + 0.25 * shift, r);
    return (1 - options_.q) * (options_.t * better + (1 - options_.t) * worse);
  }

  /// Scholz et al. 5: r_i from i's security, the sum of the others' expected utilities of
  /// challenging i (everything at r = 1, votes included), scaled to R_i in [-1, 1] between the least
  /// and the most exposed actor; r_i = (1 - R_i/3) / (1 + R_i/3) lies in [0.5, 2].
  std::vector<double> risk_exponents() const {
    const std::vector<double> ones(n_, 1.0);
    const WinProbabilities probability(st_, spots_, order_, ones);
    const std::size_t m = spots_.size();
    // Everyone at position q challenges i alike, and i's salience enters their expected utility
    // linearly (its chance to resist): per position of i, the sums of the contest term, the success
    // and the utility of not challenging over every other actor, one term per position in ascending
    // order, so that the order of the input cannot change the last bit.
    std::vector<double> contest_sum(m, 0), success_sum(m, 0), stay_sum(m, 0);
    for (std::size_t home = 0; home < m; ++home) {
      // At r = 1 success is 2d and failure -2d for the distance d (symmetric, so the row of home
      // serves every q challenging it); the utility of not challenging is 0 unless Q < 1.
      const double* distance = &spots_.distance[home * m];
      const double* won = probability.against(home);
      for (std::size_t q = 0; q < m; ++q) {
        const double others = spots_.count[q] - (q == home ? 1 : 0);  // 0 adds nothing
        contest_sum[home] += others * (won[q] * (2 * distance[q]) + (1 - won[q]) * (-2 * distance[q]));
        success_sum[home] += others * (2 * distance[q]);
      }
      if (options_.q < 1)
        for (std::size_t q = 0; q < m; ++q)
          stay_sum[home] += (spots_.count[q] - (q == home ? 1 : 0)) * drift(q, distance[q], 1.0);
    }
    std::vector<double> exposure(n_);
    for (std::size_t i = 0; i < n_; ++i) {
      const std::size_t home = spots_.spot_of[i];
      exposure[i] = st_.s[i] * contest_sum[home] + (1 - st_.s[i]) * success_sum[home] - stay_sum[home];
    }
    const auto [lo, hi] = std::minmax_element(exposure.begin(), exposure.end());
    std::vector<double> r(n_, 1.0);
    if (n_ == 0 || !(*hi - *lo > 1e-12)) return r;
    for (std::size_t i = 0; i < n_; ++i) {
      const double big_r = (2 * exposure[i] - *hi - *lo) / (*hi - *lo);
      r[i] = (1 - big_r / 3) / (1 + big_r / 3);
    }
    return r;
  }

  /// What j's challenge means to i, from i's expected utility `mine` of challenging j and its estimate
  /// `theirs` of j's expected utility of challenging i. No offer unless j gains by challenging.
  /// - conflict, 0 < mine < theirs: both would fight and i expects the worse of it: it moves to x_j;
  /// - compromise, mine < 0 < theirs and |mine| < theirs: i moves the share |mine| / theirs of the way;
  /// - capitulation, mine < 0 < theirs and |mine| >= theirs: i moves all the way (the limit of the
  ///   compromise share);
  /// - nothing when i expects to win (mine >= theirs > 0) or j does not gain (theirs <= 0).
  /// Differences within 1e-12 count as ties, so that rounding cannot decide an outcome.
  static std::optional<Offer> response(double xi, double xj, double mine, double theirs, std::size_t sender) {
    constexpr double tie = response_tie;
    if (!(theirs > tie)) return std::nullopt;
    if (mine > tie) {
      if (mine < theirs - tie) return Offer{Response::conflict, xj, theirs, sender};
      return std::nullopt;
    }
    if (mine < -tie) {
      if (-mine < theirs - tie) return Offer{Response::compromise, xi + (xj - xi) * (-mine / theirs), theirs, sender};
      return Offer{Response::capitulation, xj, theirs, sender};
    }
    return std::nullopt;
  }

  const IssueState& st_;
  const EumOptions& options_;
  std::size_t n_;
  std::vector<std::size_t> order_;
  detail::EumSpots spots_;
  std::vector<std::size_t> first_;  ///< [spot]: where its actors begin in order_
  double median_ = 0;
};
std::optional<double> weighted_mean(const std::vector<double>& x, const std::vector<double>& w) {
  double total = 0, sum = 0;
  for (std::size_t k = 0; k < x.size(); ++k)
    total += w[k], sum += w[k] * x[k];
  if (!(total > 0)) return std::nullopt;
  return std::clamp(sum / total, *std::min_element(x.begin(), x.end()), *std::max_element(x.begin(), x.end()));
}

EumRound snapshot(const std::vector<IssueState>& issues, std::size_t actors) {
  EumRound round;
  round.positions.assign(actors, std::vector<double>(issues.size()));
  for (std::size_t k = 0; k < issues.size(); ++k) {
    std::vector<double> w(actors);
    for (std::size_t a = 0; a < actors; ++a)
      round.positions[a][k] = issues[k].x[a], w[a] = issues[k].c[a] * issues[k].s[a];
    round.median.push_back(condorcet_position(issues[k].x, w));
    round.mean.push_back(actors ? weighted_mean(issues[k].x, w) : std::nullopt);
  }
  return round;
}

/// How many rounds back the positions on issue k after the last round repeat earlier ones, every
/// position within 1e-9 of the issue's range: the nearest such round, or nullopt. Within a tolerance,
/// not bit for bit, so that whether and where an issue is found to cycle does not hang on the last
/// bits of the arithmetic (docs/spatial.md, stopping rule).
std::optional<int> repeat_distance(const std::vector<EumRound>& trajectory, std::size_t k, double width) {
  const EumRound& now = trajectory.back();
  for (std::size_t back = 1; back < trajectory.size(); ++back) {
    const EumRound& then = trajectory[trajectory.size() - 1 - back];
    bool same = true;
    for (std::size_t a = 0; a < now.positions.size() && same; ++a)
      same = std::abs(now.positions[a][k] - then.positions[a][k]) <= 1e-9 * width;
    if (same) return static_cast<int>(back);
  }
  return std::nullopt;
}

/// The mean of issue k's weighted medians over the `length` rounds up to round `last`: one whole
/// period of the cycle it has entered, each of its rounds counting alike (docs/spatial.md).
std::optional<double> cycle_mean(const std::vector<EumRound>& trajectory, std::size_t k, int last, int length) {
  if (!trajectory[static_cast<std::size_t>(last)].median[k]) return std::nullopt;
  double sum = 0;
  for (int r = last - length + 1; r <= last; ++r)
    sum += trajectory[static_cast<std::size_t>(r)].median[k].value_or(0.0);
  return sum / length;
}

}  // namespace

std::optional<double> condorcet_position(const std::vector<double>& positions, const std::vector<double>& weights) {
  std::vector<std::pair<double, double>> stances;
  double total = 0;
  for (std::size_t k = 0; k < positions.size(); ++k)
    if (weights[k] > 0) stances.emplace_back(positions[k], weights[k]), total += weights[k];
  if (!(total > 0)) return std::nullopt;
  std::sort(stances.begin(), stances.end());
  double held = 0;
  for (std::size_t k = 0; k < stances.size(); ++k) {
    held += stances[k].second;
    if (k + 1 < stances.size() && stances[k + 1].first == stances[k].first) continue;
    // On a line the weighted median beats every other position in a pairwise vote.
    if (2 * held >= total * (1 - 1e-12)) return stances[k].first;
  }
  return stances.back().first;
}

EumResult expected_utility_model(const SpatialScene& scene, const EumOptions& options) {
  const std::size_t n = scene.actor_count();
  std::vector<IssueState> issues;
  for (std::size_t k = 0; k < scene.issue_count(); ++k) {
    const SpatialScene::IssueScale& scale = scene.issues[k];
    IssueState st{scale.low, scale.high > scale.low ? scale.high - scale.low : 1.0, {}, {}, {}};
    for (const SpatialScene::Actor& a : scene.actors)
      st.x.push_back(a.position[k]), st.c.push_back(std::max(a.capability, 0.0)), st.s.push_back(a.salience[k]);
    issues.push_back(std::move(st));
  }
  EumResult result;
  result.trajectory.push_back(snapshot(issues, n));
  result.issues.assign(issues.size(), EumIssueRun{});
  const auto running = [&](std::size_t k) { return result.issues[k].stop == EumIssueRun::Stop::round_limit; };
  std::vector<std::optional<detail::EumSpots>> spots_before(issues.size());
  // Each issue is its own run (the rounds of one never look at another): it stops when it settles
  // or cycles, and from then on its positions are known without computing them.
  const auto any_running = [&] {
    for (std::size_t k = 0; k < issues.size(); ++k)
      if (running(k)) return true;
    return false;
  };
  while (result.rounds < options.rounds && any_running()) {
    std::vector<double> moved(issues.size(), 0);  // per issue, the largest move as a share of its range
    for (std::size_t k = 0; k < issues.size(); ++k) {
      IssueState& st = issues[k];
      const EumIssueRun& run = result.issues[k];
      if (run.stop == EumIssueRun::Stop::cycle) {  // the round one period back comes again
        const EumRound& again =
            result.trajectory[result.trajectory.size() - static_cast<std::size_t>(run.cycle_length)];
        for (std::size_t a = 0; a < n; ++a)
          st.x[a] = again.positions[a][k];
      }
      if (!running(k)) continue;  // a settled issue stays where it is
      IssueRound round(st, options, spots_before[k] ? &*spots_before[k] : nullptr);
      std::vector<double> next = round.step();
      spots_before[k] = std::move(round).take_spots();
      for (std::size_t a = 0; a < n; ++a)
        moved[k] = std::max(moved[k], std::abs(next[a] - st.x[a]) / st.width);
      st.x = std::move(next);
    }
    ++result.rounds;
    result.trajectory.push_back(snapshot(issues, n));
    for (std::size_t k = 0; k < issues.size(); ++k) {
      if (!running(k)) continue;
      EumIssueRun& run = result.issues[k];
      run.rounds = result.rounds;
      if (moved[k] <= 1e-6) {
        run.stop = EumIssueRun::Stop::settled;
      } else if (const auto length = repeat_distance(result.trajectory, k, issues[k].width)) {
        // The rounds are deterministic: positions seen before start a cycle.
        run.stop = EumIssueRun::Stop::cycle, run.cycle_length = *length;
      }
    }
  }
  result.converged = result.rounds > 0 && std::all_of(result.issues.begin(), result.issues.end(),
                                                      [](auto& run) { return run.stop == EumIssueRun::Stop::settled; });
  result.forecast = result.trajectory.back().median;
  for (std::size_t k = 0; k < issues.size(); ++k)
    if (const EumIssueRun& run = result.issues[k]; run.stop == EumIssueRun::Stop::cycle)
      result.forecast[k] = cycle_mean(result.trajectory, k, run.rounds, run.cycle_length);
  return result;
}

}  // namespace parley
