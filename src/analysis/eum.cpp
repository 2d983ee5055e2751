// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/eum.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "eum_votes.hpp"

namespace parley {

namespace {

/// One issue as the model sees it: the actors' positions, capabilities and saliences on it.
struct IssueState {
  double low = 0, width = 1;
  std::vector<double> x, c, s;
};

/// x^r as exp(r log x) from a logarithm shared by every exponent; r = 1 exactly where r is 1.
double power_from_log(double x, double log_x, double r) {
  return r == 1.0 ? x : std::exp(r * log_x);
}

}  // namespace

namespace detail {

EumSpots::EumSpots(const std::vector<double>& x, double issue_width) : spots(x), width(issue_width) {
  std::sort(spots.begin(), spots.end());
  spots.erase(std::unique(spots.begin(), spots.end()), spots.end());
  const std::size_t m = spots.size();
  count.assign(m, 0);
  for (double xi : x) {
    spot_of.push_back(static_cast<std::size_t>(std::lower_bound(spots.begin(), spots.end(), xi) - spots.begin()));
    count[spot_of.back()] += 1;
  }
  log_distance.resize(m * m), log_near.resize(m * m), log_far.resize(m * m);
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t b = 0; b < m; ++b) {
      const double distance = std::abs(spots[a] - spots[b]) / width;
      log_distance[a * m + b] = std::log(distance);
      log_near[a * m + b] = std::log(0.5 - 0.5 * distance);
      log_far[a * m + b] = std::log(0.5 + 0.5 * distance);
    }
}

/// The voters who prefer spot a to spot b (a left of b) are those nearer a: a prefix of the voters
/// sorted by position, and those who prefer b a suffix. So the positive votes of a contest are a
/// difference of prefix sums of w_k (|x_k - spot| / D)^r_k, one sum per spot: O(n m) powers and
/// O(m^2 log n) lookups for m distinct positions instead of O(n m^2) terms.
std::vector<double> eum_positive_votes(const std::vector<double>& x, const std::vector<double>& weight,
                                       const std::vector<double>& r, const std::vector<std::size_t>& voters,
                                       const EumSpots& spots) {
  const std::size_t n = voters.size(), m = spots.size();
  // support[t * m + q]: the weighted distances of the first t voters from spot q.
  std::vector<double> support((n + 1) * m, 0);
  std::vector<double> place(n);
  for (std::size_t t = 0; t < n; ++t) {
    const std::size_t k = voters[t], home = spots.spot_of[k];
    place[t] = x[k];
    const double w = weight[k] > 0 ? weight[k] : 0.0;
    const double* before = &support[t * m];
    double* after = &support[(t + 1) * m];
    for (std::size_t q = 0; q < m; ++q) {
      const double distance = std::abs(spots.spots[home] - spots.spots[q]) / spots.width;
      after[q] = before[q] + w * power_from_log(distance, spots.log_distance[home * m + q], r[k]);
    }
  }
  std::vector<double> positive(m * m, 0);
  const double* all = &support[n * m];
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t b = a + 1; b < m; ++b) {
      const double sa = spots.spots[a], sb = spots.spots[b];
      // Voters in [0, nearer_a) are nearer a, voters in [nearer_b, n) nearer b, the rest equidistant.
      const auto nearer_a = std::partition_point(place.begin(), place.end(),
                                                 [&](double v) { return std::abs(v - sa) < std::abs(v - sb); });
      const auto nearer_b =
          std::partition_point(nearer_a, place.end(), [&](double v) { return !(std::abs(v - sb) < std::abs(v - sa)); });
      const double* lo = &support[static_cast<std::size_t>(nearer_a - place.begin()) * m];
      const double* hi = &support[static_cast<std::size_t>(nearer_b - place.begin()) * m];
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
    p_ = detail::eum_positive_votes(st.x, weight, r, voters, spots);
    double cast = 0;  // every vote cast, each contest between two actors in both orders
    for (std::size_t a = 0; a < m_; ++a)
      for (std::size_t b = a + 1; b < m_; ++b)
        cast += 2 * spots.count[a] * spots.count[b] * (p_[a * m_ + b] + p_[b * m_ + a]);
    for (double& p : p_)
      p = cast > 0 ? p / cast : 0.0;
  }
  /// For the distinct positions a and b.
  double operator()(std::size_t a, std::size_t b) const { return p_[a * m_ + b]; }

 private:
  std::size_t m_ = 0;
  std::vector<double> p_;  ///< [spot][spot]
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
  IssueRound(const IssueState& st, const EumOptions& options)
      : st_(st), options_(options), n_(st.x.size()), order_(canonical_order(st)), spots_(st.x, st.width) {
    std::vector<double> w(n_);
    for (std::size_t k = 0; k < n_; ++k)
      w[k] = st.c[k] * st.s[k];
    median_ = condorcet_position(st.x, w).value_or(st.low + st.width / 2);
  }

  /// The new positions after every actor has taken its best offer, all at once.
  std::vector<double> step() const {
    const std::vector<double> r = risk_exponents();
    // The contests of the round are decided by votes that carry each voter's risk exponent.
    const WinProbabilities probability(st_, spots_, order_, r);
    std::vector<double> next = st_.x;
    for (std::size_t i = 0; i < n_; ++i) {
      const std::size_t home = spots_.spot_of[i];
      const double no_challenge = r[i] == 1.0 ? 0.0 : 2 - 4 * std::pow(0.5, r[i]);
      std::optional<Offer> best;
      // The actors of one position are consecutive in the canonical order, and everything but i's
      // own expected utility depends on the position only: evaluated once per distinct position.
      std::size_t spot = spots_.size();
      Utilities u;
      double theirs = 0;
      for (std::size_t j : order_) {
        if (spots_.spot_of[j] == home) continue;
        if (spots_.spot_of[j] != spot) {
          spot = spots_.spot_of[j];
          // Both expected utilities as i perceives them: with i's own risk exponent (Scholz et al. 6).
          u = utilities(home, spot, r[i], no_challenge);
          theirs = expected_utility(spot, home, st_.s[i], u, probability);
        }
        if (!(theirs > response_tie)) continue;  // j gains nothing by challenging: no offer
        const double mine = expected_utility(home, spot, st_.s[j], u, probability);
        const std::optional<Offer> offer = response(st_.x[i], st_.x[j], mine, theirs, j);
        if (offer && (!best || better_offer(*offer, *best, st_.x[i], st_))) best = offer;
      }
      if (best) next[i] = best->target;
    }
    return next;
  }

 private:
  /// The basic utilities of a dyad at risk exponent r (Scholz et al. 3); they depend on the distance
  /// only, so they serve both sides of the dyad as one actor perceives it.
  struct Utilities {
    double success = 0, failure = 0, no_challenge = 0, distance = 0, r = 1;
  };
  /// Between the distinct positions a and b, with 2 - 4 (1/2 -+ distance/2)^r from the shared logarithms.
  Utilities utilities(std::size_t a, std::size_t b, double r, double no_challenge) const {
    const std::size_t at = a * spots_.size() + b;
    Utilities u;
    u.distance = std::abs(spots_.spots[a] - spots_.spots[b]) / st_.width;
    u.r = r;
    if (r == 1.0) {  // the closed form, for the many evaluations at r = 1
      u.success = 2 * u.distance, u.failure = -2 * u.distance, u.no_challenge = 0;
    } else {
      u.success = 2 - 4 * std::exp(r * spots_.log_near[at]), u.failure = 2 - 4 * std::exp(r * spots_.log_far[at]);
      u.no_challenge = no_challenge;
    }
    return u;
  }

  /// E^i U_ij: i's expected utility of challenging j, relative to not challenging, for i at the
  /// distinct position `from` and j at `to` with salience s_j.
  double expected_utility(std::size_t from, std::size_t to, double sj, const Utilities& u,
                          const WinProbabilities& probability) const {
    const double p = probability(from, to);
    // j resists with probability s_j (its salience); unresisted, i gets its way.
    const double challenge = sj * (p * u.success + (1 - p) * u.failure) + (1 - sj) * u.success;
    double no_challenge = options_.q * u.no_challenge;
    if (options_.q < 1) {
      // Without a challenge the issue may still move, to i's benefit (T) or against it.
      const double shift = (std::abs(spots_.spots[from] - median_) + u.distance * st_.width) / st_.width;
      const double better = 2 - 4 * std::pow(0.5 - 0.25 * shift, u.r),
                   worse = 2 - 4 * std::pow(0.5 + 0.25 * shift, u.r);
      no_challenge += (1 - options_.q) * (options_.t * better + (1 - options_.t) * worse);
    }
    return challenge - no_challenge;
  }

  /// Scholz et al. 5: r_i from i's security, the sum of the others' expected utilities of
  /// challenging i (everything at r = 1, votes included), scaled to R_i in [-1, 1] between the least
  /// and the most exposed actor; r_i = (1 - R_i/3) / (1 + R_i/3) lies in [0.5, 2].
  std::vector<double> risk_exponents() const {
    const std::vector<double> ones(n_, 1.0);
    const WinProbabilities probability(st_, spots_, order_, ones);
    std::vector<double> exposure(n_, 0);
    for (std::size_t i = 0; i < n_; ++i) {
      // Every other actor at one position challenges i alike: one term per position, in ascending
      // order, so that the order of the input cannot change the last bit.
      const std::size_t home = spots_.spot_of[i];
      for (std::size_t q = 0; q < spots_.size(); ++q) {
        const double others = spots_.count[q] - (q == home ? 1 : 0);
        if (others > 0)
          exposure[i] += others * expected_utility(q, home, st_.s[i], utilities(q, home, 1.0, 0.0), probability);
      }
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

/// A hash of every position of every issue, to find a repeated state quickly.
std::size_t state_hash(const std::vector<IssueState>& issues) {
  std::size_t hash = 0;
  for (const IssueState& st : issues)
    for (double x : st.x)
      hash = hash * 1000003U ^ std::hash<double>{}(x);
  return hash;
}

bool same_positions(const EumRound& a, const EumRound& b) {
  return a.positions == b.positions;
}

/// Per issue, the mean of the weighted medians over the last `length` rounds: one whole period of
/// the cycle the run has entered, each of its rounds counting alike (docs/spatial.md, stopping rule).
std::vector<std::optional<double>> cycle_mean(const std::vector<EumRound>& trajectory, int length) {
  std::vector<std::optional<double>> mean = trajectory.back().median;
  for (std::size_t k = 0; k < mean.size(); ++k) {
    if (!mean[k]) continue;
    double sum = 0;
    for (std::size_t r = trajectory.size() - static_cast<std::size_t>(length); r < trajectory.size(); ++r)
      sum += trajectory[r].median[k].value_or(0.0);
    mean[k] = sum / length;
  }
  return mean;
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
  // Every state seen, by round: the rounds are deterministic, so a state seen before starts a cycle.
  std::unordered_multimap<std::size_t, int> seen{{state_hash(issues), 0}};
  while (result.rounds < options.rounds && !result.converged && !result.cycle_length) {
    double moved = 0;  // the largest move of the round, as a share of its issue's range
    for (IssueState& st : issues) {
      std::vector<double> next = IssueRound(st, options).step();
      for (std::size_t a = 0; a < n; ++a)
        moved = std::max(moved, std::abs(next[a] - st.x[a]) / st.width);
      st.x = std::move(next);
    }
    ++result.rounds;
    result.converged = moved <= 1e-6;
    result.trajectory.push_back(snapshot(issues, n));
    const std::size_t hash = state_hash(issues);
    for (auto [it, end] = seen.equal_range(hash); it != end && !result.converged; ++it)
      if (same_positions(result.trajectory[static_cast<std::size_t>(it->second)], result.trajectory.back()))
        result.cycle_length = result.rounds - it->second;
    seen.emplace(hash, result.rounds);
  }
  if (options.rounds <= 0) result.converged = false;
  result.forecast =
      result.cycle_length ? cycle_mean(result.trajectory, *result.cycle_length) : result.trajectory.back().median;
  return result;
}

}  // namespace parley
