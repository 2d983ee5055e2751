// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/eum.hpp"

#include <algorithm>
#include <cmath>
#include <map>
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

/// P_ij, i's chance of winning a contest against j: the votes for i's position minus those for j's,
/// summed over every actor (i and j included), clipped at 0 and normalised by the votes cast at all.
/// Voters are grouped by position, and prefix sums over the sorted positions give each pair in
/// O(log n): a voter left of both gives the left one the whole distance, one right of both the right
/// one, and one between them the difference of its two distances.
class WinProbabilities {
 public:
  explicit WinProbabilities(const IssueState& st) {
    std::map<double, double> weight_at;
    for (std::size_t k = 0; k < st.x.size(); ++k)
      weight_at[st.x[k]] += st.c[k] * st.s[k];
    weight_.push_back(0), moment_.push_back(0);
    for (const auto& [y, w] : weight_at) {
      spots_.push_back(y);
      weight_.push_back(weight_.back() + w), moment_.push_back(moment_.back() + w * y);
    }
  }
  const std::vector<double>& spots() const { return spots_; }

  /// The probability for the actors at spots a and b.
  double operator()(std::size_t a, std::size_t b) const {
    if (a == b) return 0;  // no contest between actors who agree
    const std::size_t lo = std::min(a, b), hi = std::max(a, b);
    const double yl = spots_[lo], yh = spots_[hi], gap = yh - yl, mid = yl + gap / 2;
    const std::size_t split =
        static_cast<std::size_t>(std::upper_bound(spots_.begin() + static_cast<std::ptrdiff_t>(lo) + 1,
                                                  spots_.begin() + static_cast<std::ptrdiff_t>(hi), mid) -
                                 spots_.begin());
    auto w = [&](std::size_t from, std::size_t to) { return weight_[to] - weight_[from]; };
    auto wy = [&](std::size_t from, std::size_t to) { return moment_[to] - moment_[from]; };
    const double outer_left = gap * w(0, lo + 1), outer_right = gap * w(hi, spots_.size());
    const double inner_left = (yl + yh) * w(lo + 1, split) - 2 * wy(lo + 1, split);
    const double inner_right = 2 * wy(split, hi) - (yl + yh) * w(split, hi);
    const double for_left = outer_left + std::max(inner_left, 0.0),
                 for_right = outer_right + std::max(inner_right, 0.0);
    const double cast = for_left + for_right;
    const double net = a == lo ? for_left - for_right : for_right - for_left;
    return cast > 0 ? std::max(net, 0.0) / cast : 0.5;  // nobody cares which wins: a coin toss
  }

 private:
  std::vector<double> spots_, weight_, moment_;  ///< sorted positions; prefix sums of w and w x
};

struct Offer {
  double target = 0;       ///< where the receiver would move
  double sender_gain = 0;  ///< the sender's expected utility of the challenge, as the receiver sees it
  std::size_t sender = 0;
};

/// The tie-break between equally good offers: by the sender's attributes, so that the result does not
/// depend on the order of the actors.
bool better_offer(const Offer& a, const Offer& b, double from, const IssueState& st) {
  const double da = std::abs(a.target - from), db = std::abs(b.target - from);
  // Least movement first: the offer closest to the receiver's position.
  if (std::abs(da - db) > 1e-12 * (1 + da)) return da < db;
  if (std::abs(a.sender_gain - b.sender_gain) > 1e-12) return a.sender_gain > b.sender_gain;
  return std::tie(st.c[a.sender], st.s[a.sender], st.x[a.sender]) >
         std::tie(st.c[b.sender], st.s[b.sender], st.x[b.sender]);
}

class IssueRound {
 public:
  IssueRound(const IssueState& st, const EumOptions& options)
      : st_(st), options_(options), n_(st.x.size()), probability_(st) {
    std::vector<double> w(n_);
    for (std::size_t k = 0; k < n_; ++k)
      w[k] = st.c[k] * st.s[k];
    median_ = condorcet_position(st.x, w).value_or(st.low + st.width / 2);
    // Once per pair of distinct positions: after a few rounds many actors share one.
    const std::vector<double>& spots = probability_.spots();
    const std::size_t m = spots.size();
    std::vector<double> by_spot(m * m, 0);
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = 0; b < m; ++b)
        by_spot[a * m + b] = probability_(a, b);
    std::vector<std::size_t> spot(n_);
    for (std::size_t i = 0; i < n_; ++i)
      spot[i] = static_cast<std::size_t>(std::lower_bound(spots.begin(), spots.end(), st.x[i]) - spots.begin());
    p_.assign(n_ * n_, 0);
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t j = 0; j < n_; ++j)
        if (i != j) p_[i * n_ + j] = by_spot[spot[i] * m + spot[j]];
  }

  /// The new positions after every actor has taken its best offer, all at once.
  std::vector<double> step() const {
    const std::vector<double> r = risk_exponents();
    std::vector<double> next = st_.x;
    for (std::size_t i = 0; i < n_; ++i) {
      std::optional<Offer> best;
      for (std::size_t j = 0; j < n_; ++j) {
        if (j == i || st_.x[j] == st_.x[i]) continue;
        // Both expected utilities as i perceives them: with i's own risk exponent (Scholz et al. 6).
        const Utilities u = utilities(i, j, r[i]);
        const double mine = expected_utility(i, j, u), theirs = expected_utility(j, i, u);
        const std::optional<double> target = response(st_.x[i], st_.x[j], mine, theirs);
        if (!target) continue;
        const Offer offer{*target, theirs, j};
        if (!best || better_offer(offer, *best, st_.x[i], st_)) best = offer;
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
  double expected_utility(std::size_t i, std::size_t j, const Utilities& u) const {
    const double p = p_[i * n_ + j], sj = st_.s[j];
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
  /// challenging i (all at r = 1), scaled to R_i in [-1, 1] between the least and most exposed actor;
  /// r_i = (1 - R_i/3) / (1 + R_i/3) lies in [0.5, 2].
  std::vector<double> risk_exponents() const {
    std::vector<double> exposure(n_, 0), terms;
    for (std::size_t i = 0; i < n_; ++i) {
      terms.clear();
      for (std::size_t j = 0; j < n_; ++j)
        if (i != j) terms.push_back(expected_utility(j, i, utilities(j, i, 1.0)));
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

  /// What i does about j's challenge, from i's expected utility `mine` of challenging j and j's
  /// `theirs` of challenging i: nothing if j would not challenge or i expects to win; move to j when
  /// it loses a conflict or is compelled (its expected loss no larger than j's gain); move part of the
  /// way, by the ratio of j's gain to i's loss, when it compromises.
  /// Differences within 1e-12 count as ties, so that rounding cannot decide an outcome.
  static std::optional<double> response(double xi, double xj, double mine, double theirs) {
    constexpr double tie = 1e-12;
    if (!(theirs > tie)) return std::nullopt;  // j does not challenge: stalemate or i's own move
    if (mine > tie) return mine < theirs - tie ? std::optional<double>(xj) : std::nullopt;  // conflict
    if (mine < -tie) {
      if (-mine <= theirs + tie) return xj;      // compelled: capitulates
      return xi + (xj - xi) * (theirs / -mine);  // compromise
    }
    return std::nullopt;
  }

  const IssueState& st_;
  const EumOptions& options_;
  std::size_t n_;
  WinProbabilities probability_;
  double median_ = 0;
  std::vector<double> p_;
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
