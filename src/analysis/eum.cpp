// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/eum.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace parley {

namespace {

/// One issue as the model sees it: the actors' positions, capabilities and saliences on it.
struct IssueState {
  double low = 0, width = 1;
  std::vector<double> x, c, s;
};

/// Utilities of Scholz et al. section 3: 2 - 4 (1/2 -+ distance/2)^r, from +2 (the best) to -2.
double success_utility(double distance, double r) {
  return 2 - 4 * std::pow(0.5 - 0.5 * distance, r);
}
double failure_utility(double distance, double r) {
  return 2 - 4 * std::pow(0.5 + 0.5 * distance, r);
}

/// P_ij, i's chance of winning a contest against j (Scholz et al. section 4, normalised as in the
/// replication that reproduces their Table 2): the votes cast for x_i against x_j, where voter k's
/// vote for a against b is c_k s_k ((|x_k - b| / D)^r_k - (|x_k - a| / D)^r_k) and only positive votes
/// count, divided by every vote cast in every pairwise contest between two actors (each ordered pair
/// of actors once). It is a share of all the support in the system, so P_ij + P_ji is at most 1/2 (each
/// contest is counted in both orders). 0 when x_i = x_j (no contest) or when nobody casts a vote.
/// Computed once per pair of distinct positions: after a few rounds many actors share one.
class WinProbabilities {
 public:
  /// `voters` lists every actor once, in an order that does not depend on the order of the input.
  WinProbabilities(const IssueState& st, const std::vector<std::size_t>& voters, const std::vector<double>& r) {
    std::vector<double> spots = st.x;
    std::sort(spots.begin(), spots.end());
    spots.erase(std::unique(spots.begin(), spots.end()), spots.end());
    m_ = spots.size();
    std::vector<double> count(m_, 0);
    for (double xi : st.x) {
      spot_.push_back(static_cast<std::size_t>(std::lower_bound(spots.begin(), spots.end(), xi) - spots.begin()));
      count[spot_.back()] += 1;
    }
    std::vector<double> positive(m_ * m_, 0), far(m_);
    double cast = 0;
    for (std::size_t k : voters) {
      const double w = st.c[k] * st.s[k];
      if (!(w > 0)) continue;
      for (std::size_t q = 0; q < m_; ++q)
        far[q] = std::pow(std::abs(st.x[k] - spots[q]) / st.width, r[k]);
      for (std::size_t a = 0; a < m_; ++a)
        for (std::size_t b = a + 1; b < m_; ++b) {
          const double vote = w * (far[b] - far[a]);  // k's vote for spot a against spot b
          if (vote > 0) positive[a * m_ + b] += vote;
          if (vote < 0) positive[b * m_ + a] -= vote;
          cast += 2 * count[a] * count[b] * std::abs(vote);
        }
    }
    p_.assign(m_ * m_, 0);
    if (cast > 0)
      for (std::size_t k = 0; k < p_.size(); ++k)
        p_[k] = positive[k] / cast;
  }
  double operator()(std::size_t i, std::size_t j) const { return p_[spot_[i] * m_ + spot_[j]]; }

 private:
  std::size_t m_ = 0;
  std::vector<std::size_t> spot_;  ///< per actor: the index of its position among the distinct ones
  std::vector<double> p_;          ///< [spot][spot]
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

class IssueRound {
 public:
  IssueRound(const IssueState& st, const EumOptions& options)
      : st_(st), options_(options), n_(st.x.size()), order_(canonical_order(st)) {
    std::vector<double> w(n_);
    for (std::size_t k = 0; k < n_; ++k)
      w[k] = st.c[k] * st.s[k];
    median_ = condorcet_position(st.x, w).value_or(st.low + st.width / 2);
  }

  /// The new positions after every actor has taken its best offer, all at once.
  std::vector<double> step() const {
    const std::vector<double> r = risk_exponents();
    // The contests of the round are decided by votes that carry each voter's risk exponent.
    const WinProbabilities probability(st_, order_, r);
    std::vector<double> next = st_.x;
    for (std::size_t i = 0; i < n_; ++i) {
      std::optional<Offer> best;
      for (std::size_t j : order_) {
        if (j == i || st_.x[j] == st_.x[i]) continue;
        // Both expected utilities as i perceives them: with i's own risk exponent (Scholz et al. 6).
        const Utilities u = utilities(i, j, r[i]);
        const double mine = expected_utility(i, j, u, probability), theirs = expected_utility(j, i, u, probability);
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
  Utilities utilities(std::size_t i, std::size_t j, double r) const {
    Utilities u;
    u.distance = std::abs(st_.x[i] - st_.x[j]) / st_.width;
    u.r = r;
    if (r == 1.0) {  // the closed form, for the many evaluations at r = 1
      u.success = 2 * u.distance, u.failure = -2 * u.distance, u.no_challenge = 0;
    } else {
      u.success = success_utility(u.distance, r), u.failure = failure_utility(u.distance, r);
      u.no_challenge = 2 - 4 * std::pow(0.5, r);
    }
    return u;
  }

  /// E^i U_ij: i's expected utility of challenging j, relative to not challenging.
  double expected_utility(std::size_t i, std::size_t j, const Utilities& u, const WinProbabilities& probability) const {
    const double p = probability(i, j), sj = st_.s[j];
    // j resists with probability s_j (its salience); unresisted, i gets its way.
    const double challenge = sj * (p * u.success + (1 - p) * u.failure) + (1 - sj) * u.success;
    double no_challenge = options_.q * u.no_challenge;
    if (options_.q < 1) {
      // Without a challenge the issue may still move, to i's benefit (T) or against it.
      const double shift = (std::abs(st_.x[i] - median_) + u.distance * st_.width) / st_.width;
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
    const WinProbabilities probability(st_, order_, ones);
    std::vector<double> exposure(n_, 0), terms;
    for (std::size_t i = 0; i < n_; ++i) {
      terms.clear();
      for (std::size_t j = 0; j < n_; ++j)
        if (i != j) terms.push_back(expected_utility(j, i, utilities(j, i, 1.0), probability));
      // Summed in sorted order, so that the order of the actors cannot change the last bit.
      std::sort(terms.begin(), terms.end());
      for (double t : terms)
        exposure[i] += t;
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
    constexpr double tie = 1e-12;
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
  while (result.rounds < options.rounds && !result.converged) {
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
  }
  if (options.rounds <= 0) result.converged = false;
  result.forecast = result.trajectory.back().median;
  return result;
}

}  // namespace parley
