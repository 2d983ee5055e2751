// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/smp.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <tuple>

namespace parley {

namespace {

/// The scene on the unit cube: positions as shares of each issue's range, saliences divided by the
/// number of issues so that an actor's saliences sum to at most 1 (KTAB's convention).
struct Space {
  std::size_t actors = 0, issues = 0;
  std::vector<double> low, width;
  std::vector<std::vector<double>> sigma;  ///< [actor][issue]
  std::vector<double> weight;              ///< capability x total salience: the actor's influence
};

Space space_of(const SpatialScene& scene) {
  Space sp;
  sp.actors = scene.actor_count();
  sp.issues = scene.issue_count();
  for (const SpatialScene::IssueScale& issue : scene.issues)
    sp.low.push_back(issue.low), sp.width.push_back(issue.high > issue.low ? issue.high - issue.low : 1.0);
  for (const SpatialScene::Actor& a : scene.actors) {
    std::vector<double> sigma;
    double total = 0;
    for (double s : a.salience)
      sigma.push_back(std::clamp(s, 0.0, 1.0) / static_cast<double>(sp.issues)), total += sigma.back();
    sp.sigma.push_back(std::move(sigma));
    sp.weight.push_back(std::max(a.capability, 0.0) * total);
  }
  return sp;
}

using Point = std::vector<double>;

/// Actor a's utility of point z: 1 minus the salience-weighted Euclidean distance from its current
/// position (KTAB's default: ideals track positions), in [0, 1].
double utility(const Space& sp, std::size_t a, const Point& own, const Point& z) {
  double sum = 0;
  for (std::size_t k = 0; k < sp.issues; ++k) {
    const double d = sp.sigma[a][k] * (own[k] - z[k]);
    sum += d * d;
  }
  return 1 - std::sqrt(sum);
}

/// The chances that option i beats option j and that j beats i, when every actor backs the one it
/// prefers with its influence times its utility difference (proportional voting) and coalitions add
/// up. One pass serves both orders: j's votes are i's with the sign turned, bit for bit.
/// Cloned for AVX2, where the four sums are one register: the same operations, so the same bits.
__attribute__((target_clones("avx2", "default"))) std::pair<double, double> victory_probabilities(
    const std::vector<double>& weight, const std::vector<double>& ui, const std::vector<double>& uj) {
  // Four running sums without branches, as one vector of four lanes: the loop is the model's
  // innermost, run n^3 / 2 times a round. Each lane adds its own voters in order, so the sums are
  // the same whatever the width of the machine's registers.
  using Lanes = double __attribute__((vector_size(4 * sizeof(double))));
  Lanes pro_lanes{}, contra_lanes{};
  const Lanes zero{};
  const std::size_t n = weight.size(), whole = n - n % 4;
  for (std::size_t a = 0; a < whole; a += 4) {
    Lanes w, x, y;
    std::memcpy(&w, &weight[a], sizeof w), std::memcpy(&x, &ui[a], sizeof x), std::memcpy(&y, &uj[a], sizeof y);
    const Lanes vote = w * (x - y);
    pro_lanes += vote > zero ? vote : zero;
    contra_lanes += -vote > zero ? -vote : zero;
  }
  std::array<double, 4> pro{pro_lanes[0], pro_lanes[1], pro_lanes[2], pro_lanes[3]},
      contra{contra_lanes[0], contra_lanes[1], contra_lanes[2], contra_lanes[3]};
  for (std::size_t a = whole; a < n; ++a) {
    const double vote = weight[a] * (ui[a] - uj[a]);
    pro[0] += std::max(vote, 0.0), contra[0] += std::max(-vote, 0.0);
  }
  // KTAB's minimal coalition of 1e-10 on each side keeps empty contests at 1/2.
  const double for_i = 1e-10 + ((pro[0] + pro[1]) + (pro[2] + pro[3]));
  const double for_j = 1e-10 + ((contra[0] + contra[1]) + (contra[2] + contra[3]));
  return {for_i / (for_i + for_j), for_j / (for_j + for_i)};
}
double victory_probability(const std::vector<double>& weight, const std::vector<double>& ui,
                           const std::vector<double>& uj) {
  return victory_probabilities(weight, ui, uj).first;
}

/// Probabilistic Condorcet election (KTAB's conditional PCE): P(m) proportional to the product of m's
/// victory probabilities against every other option. utilities[m][a] is actor a's value of option m.
std::vector<double> condorcet_election(const std::vector<double>& weight,
                                       const std::vector<std::vector<double>>& utilities) {
  const std::size_t m = utilities.size();
  std::vector<double> log_p(m, 0);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = i + 1; j < m; ++j) {
      const double p = victory_probability(weight, utilities[i], utilities[j]);
      log_p[i] += std::log(p), log_p[j] += std::log1p(-p);
    }
  const double top = m ? *std::max_element(log_p.begin(), log_p.end()) : 0;
  double total = 0;
  for (double& v : log_p)
    total += (v = std::exp(v - top));
  for (double& v : log_p)
    v /= total;
  return log_p;
}

struct Bargain {
  std::size_t initiator = 0, receiver = 0;
  Point point;  ///< both adopt it if they accept
};

class Round {
 public:
  Round(const Space& sp, const std::vector<Point>& x) : sp_(sp), x_(x), n_(sp.actors) {
    u_.assign(n_, std::vector<double>(n_));  // u_[m][a]: a's utility of m's position
    for (std::size_t m = 0; m < n_; ++m)
      for (std::size_t a = 0; a < n_; ++a)
        u_[m][a] = utility(sp, a, x[a], x[m]);
    base_.assign(n_, 0);  // each actor's total utility of today's positions
    for (std::size_t a = 0; a < n_; ++a)
      for (std::size_t m = 0; m < n_; ++m)
        base_[a] += u_[m][a];
    victory_.assign(n_ * n_, 0.5);  // [i * n + j]: the chance that i's position beats j's
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t j = i + 1; j < n_; ++j)
        if (x_[i] != x_[j])
          std::tie(victory_[i * n_ + j], victory_[j * n_ + i]) = victory_probabilities(sp_.weight, u_[i], u_[j]);
  }

  std::vector<Point> step() const {
    std::vector<std::vector<const Bargain*>> options(n_);
    std::vector<Bargain> bargains;
    bargains.reserve(n_);
    for (std::size_t i = 0; i < n_; ++i)
      if (auto b = best_bargain(i)) bargains.push_back(std::move(*b));
    for (const Bargain& b : bargains)
      options[b.initiator].push_back(&b), options[b.receiver].push_back(&b);
    std::vector<Point> next = x_;
    for (std::size_t k = 0; k < n_; ++k)
      if (const Bargain* chosen = choose(options[k])) next[k] = chosen->point;
    return next;
  }

 private:
  /// i's expected gain from challenging j, compared with leaving both where they are (KTAB's
  /// probEduChlg from i's own view): j resists with probability its total salience; a contest is won
  /// with the election's victory probability; the winner's position is adopted by both.
  double challenge_gain(std::size_t i, std::size_t j, double p) const {
    const double own = u_[i][i], theirs = u_[j][i];
    const double status_quo = own + theirs, victory = 2 * own, defeat = 2 * theirs;
    const double resist = total_salience(j);
    return (1 - resist) * victory + resist * (p * victory + (1 - p) * defeat) - status_quo;
  }
  double total_salience(std::size_t a) const {
    double s = 0;
    for (double v : sp_.sigma[a])
      s += v;
    return s;
  }

  /// An order of actors by their attributes, for ties.
  bool outranks(std::size_t a, std::size_t b) const {
    return std::tie(sp_.weight[a], x_[a], sp_.sigma[a]) > std::tie(sp_.weight[b], x_[b], sp_.sigma[b]);
  }

  /// The bargain i proposes to the target it expects most to gain from, if any gain exceeds 1e-5.
  std::optional<Bargain> best_bargain(std::size_t i) const {
    std::size_t best = n_;
    double best_gain = 1e-5, best_p = 0;
    for (std::size_t j = 0; j < n_; ++j) {
      if (j == i || x_[j] == x_[i]) continue;
      const double p = victory_[i * n_ + j];
      const double gain = challenge_gain(i, j, p);
      // Gains within 1e-12 are ties, broken by the targets themselves, not by their order.
      const bool tie = best < n_ && std::abs(gain - best_gain) <= 1e-12;
      if ((!tie && gain > best_gain) || (tie && outranks(j, best))) best = j, best_gain = gain, best_p = p;
    }
    if (best == n_) return std::nullopt;
    // Each side pulls the bargain towards itself with weight (salience x chance of winning)^2 (KTAB's
    // S2P2 interpolation), issue by issue.
    Point point(sp_.issues);
    for (std::size_t k = 0; k < sp_.issues; ++k) {
      double wi = sp_.sigma[i][k] * best_p, wj = sp_.sigma[best][k] * (1 - best_p);
      wi *= wi, wj *= wj;
      if (!(wi + wj > 0)) wi = wj = 0.5;
      point[k] = (wi * x_[i][k] + wj * x_[best][k]) / (wi + wj);
    }
    return Bargain{i, best, std::move(point)};
  }

  /// The option an actor takes: the election among all actors over "stay" and its bargains, each
  /// valued by the mean utility of everyone's positions after it. nullptr: stay.
  const Bargain* choose(const std::vector<const Bargain*>& bargains) const {
    if (bargains.empty()) return nullptr;
    const std::vector<double>& base = base_;
    std::vector<std::vector<double>> values{base};
    for (const Bargain* b : bargains) {
      std::vector<double> v(n_);
      for (std::size_t a = 0; a < n_; ++a)
        v[a] = base[a] - u_[b->initiator][a] - u_[b->receiver][a] + 2 * utility(sp_, a, x_[a], b->point);
      values.push_back(std::move(v));
    }
    const std::vector<double> p = condorcet_election(sp_.weight, values);
    // The most probable option; within 1e-9, staying first, then the bargain with the higher-ranked
    // counterpart, so that the order of the actors never decides.
    std::size_t pick = 0;
    for (std::size_t m = 1; m < p.size(); ++m) {
      if (p[m] > p[pick] + 1e-9) {
        pick = m;
      } else if (pick > 0 && std::abs(p[m] - p[pick]) <= 1e-9 &&
                 std::tie(bargains[m - 1]->point, bargains[m - 1]->initiator) <
                     std::tie(bargains[pick - 1]->point, bargains[pick - 1]->initiator)) {
        pick = m;
      }
    }
    return pick == 0 ? nullptr : bargains[pick - 1];
  }

  const Space& sp_;
  const std::vector<Point>& x_;
  std::size_t n_;
  std::vector<std::vector<double>> u_;
  std::vector<double> base_;
  std::vector<double> victory_;
};

/// The expected outcome: distinct positions weighted by the election among all actors.
std::vector<std::optional<double>> forecast(const Space& sp, const std::vector<Point>& x) {
  std::vector<Point> spots;
  for (const Point& p : x)
    if (std::find(spots.begin(), spots.end(), p) == spots.end()) spots.push_back(p);
  std::sort(spots.begin(), spots.end());  // the same options whatever the order of the actors
  std::vector<std::vector<double>> values(spots.size(), std::vector<double>(sp.actors));
  for (std::size_t m = 0; m < spots.size(); ++m)
    for (std::size_t a = 0; a < sp.actors; ++a)
      values[m][a] = utility(sp, a, x[a], spots[m]);
  const std::vector<double> p = condorcet_election(sp.weight, values);
  std::vector<std::optional<double>> out(sp.issues);
  for (std::size_t k = 0; k < sp.issues; ++k) {
    bool weighted = false;
    for (std::size_t a = 0; a < sp.actors; ++a)
      weighted = weighted || (sp.weight[a] > 0 && sp.sigma[a][k] > 0);
    if (!weighted) continue;
    double z = 0, lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t m = 0; m < spots.size(); ++m)
      z += p[m] * spots[m][k], lo = std::min(lo, spots[m][k]), hi = std::max(hi, spots[m][k]);
    out[k] = sp.low[k] + sp.width[k] * std::clamp(z, lo, hi);
  }
  return out;
}

SmpRound snapshot(const Space& sp, const std::vector<Point>& x) {
  SmpRound round{std::vector<std::vector<double>>(sp.actors, std::vector<double>(sp.issues)), forecast(sp, x)};
  for (std::size_t a = 0; a < sp.actors; ++a)
    for (std::size_t k = 0; k < sp.issues; ++k)
      round.positions[a][k] = sp.low[k] + sp.width[k] * x[a][k];
  return round;
}

double rms_move(const std::vector<Point>& from, const std::vector<Point>& to) {
  double sum = 0;
  std::size_t count = 0;
  for (std::size_t a = 0; a < from.size(); ++a)
    for (std::size_t k = 0; k < from[a].size(); ++k, ++count)
      sum += (to[a][k] - from[a][k]) * (to[a][k] - from[a][k]);
  return count ? std::sqrt(sum / static_cast<double>(count)) : 0.0;
}

}  // namespace

namespace {

SmpResult run(const SpatialScene& scene, const SmpOptions& options) {
  const Space sp = space_of(scene);
  std::vector<Point> x(sp.actors, Point(sp.issues));
  for (std::size_t a = 0; a < sp.actors; ++a)
    for (std::size_t k = 0; k < sp.issues; ++k)
      x[a][k] = std::clamp((scene.actors[a].position[k] - sp.low[k]) / sp.width[k], 0.0, 1.0);
  SmpResult result;
  result.trajectory.push_back(snapshot(sp, x));
  double first_move = -1;
  while (result.rounds < options.rounds && !result.converged) {
    std::vector<Point> next = Round(sp, x).step();
    const double move = rms_move(x, next);
    x = std::move(next);
    ++result.rounds;
    if (first_move < 0) first_move = move;
    result.converged = move <= 1e-12 || (result.rounds > 1 && move < first_move / 100);
    result.trajectory.push_back(snapshot(sp, x));
  }
  result.forecast = result.trajectory.back().forecast;
  return result;
}

}  // namespace

SmpResult spatial_model_of_politics(const SpatialScene& scene, const SmpOptions& options) {
  // Run on the actors sorted by their attributes, so that sums are taken in one order whatever the
  // order of the input, then hand the trajectory back in the scene's order.
  std::vector<std::size_t> order(scene.actor_count());
  for (std::size_t a = 0; a < order.size(); ++a)
    order[a] = a;
  auto key = [&](std::size_t a) {
    const SpatialScene::Actor& actor = scene.actors[a];
    return std::tie(actor.capability, actor.position, actor.salience);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  SpatialScene sorted = scene;
  for (std::size_t a = 0; a < order.size(); ++a)
    sorted.actors[a] = scene.actors[order[a]];
  SmpResult result = run(sorted, options);
  for (SmpRound& round : result.trajectory) {
    std::vector<std::vector<double>> positions(round.positions.size());
    for (std::size_t a = 0; a < order.size(); ++a)
      positions[order[a]] = std::move(round.positions[a]);
    round.positions = std::move(positions);
  }
  return result;
}

}  // namespace parley
