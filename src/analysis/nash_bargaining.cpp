// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/nash_bargaining.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>

namespace parley {

namespace {

using Actor = SpatialScene::Actor;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// A slack this far above 0 is clear of rounding noise. Ascent on the log barrier needs that: at
/// a point whose slacks are 0 up to rounding (the status quo, where every actor is at its
/// disagreement utility), the barrier is -infinity along nearly every axis and the ascent stalls.
constexpr double kClearlyInside = 1e-9;

double width(const SpatialScene::IssueScale& issue) {
  return issue.high > issue.low ? issue.high - issue.low : 1.0;  // a zero-width issue has one point anyway
}

bool counts(const Actor& actor) {
  return actor.capability > 0 &&
         std::any_of(actor.salience.begin(), actor.salience.end(), [](double s) { return s > 0; });
}

/// One issue's share of the objective with the other coordinates fixed:
///   g(t) = sum_j c_j log(r_j - a_j |t - p_j|),
/// over the actors with a_j > 0, sorted by position p_j; r_j is the actor's slack without this
/// issue's term. g is concave, smooth between positions, and -infinity where a term is not
/// positive. Its feasible set is an interval, so "which side of t is the maximum on" is monotone
/// in t even outside it.
struct Line {
  std::vector<double> c, a, p;     ///< weight, salience / width, position: sorted by position
  std::vector<std::size_t> actor;  ///< index of each term's actor
  std::vector<double> r;           ///< the rest of each term's slack, filled per solve
  double low = 0, high = 0;

  struct Slopes {
    double left, right;  ///< g'(t-) and g'(t+); both +-infinity on the side where g is -infinity
  };

  /// The one-sided slopes at t in one pass: they differ only by the terms whose position is t.
  [[nodiscard]] Slopes slopes(double t) const {
    double common = 0, at_t = 0;
    for (std::size_t j = 0; j < p.size(); ++j) {
      const double gap = t - p[j];
      const double term = r[j] - a[j] * std::abs(gap);
      // Outside the feasible interval: the maximum is back towards this term's position.
      if (!(term > 0)) return gap < 0 ? Slopes{kInfinity, kInfinity} : Slopes{-kInfinity, -kInfinity};
      const double w = c[j] * a[j] / term;
      if (gap < 0)
        common += w;
      else if (gap > 0)
        common -= w;
      else
        at_t += w;
    }
    return {common + at_t, common - at_t};
  }

  /// g' and g'' at a t that is no term's position; slope +-infinity outside the feasible interval.
  void smooth_slope(double t, double& slope, double& curvature) const {
    slope = 0, curvature = 0;
    for (std::size_t j = 0; j < p.size(); ++j) {
      const double gap = t - p[j];
      const double term = r[j] - a[j] * std::abs(gap);
      if (!(term > 0)) {
        slope = gap < 0 ? kInfinity : -kInfinity;
        return;
      }
      const double w = c[j] * a[j] / term;
      slope += gap < 0 ? w : -w;
      curvature -= w * a[j] / term;
    }
  }

  /// The maximiser of g on [low, high] given that `current` is feasible. Exact up to rounding:
  /// concavity makes the right slope non-increasing, so a binary search over the sorted positions
  /// finds the first position where it is not positive; the maximum is that position when the
  /// left slope there is not negative (a kink), else the single root of the smooth, strictly
  /// decreasing g' between it and the position before it.
  [[nodiscard]] double maximise(double current) const {
    if (slopes(low).right <= 0) return low;
    if (slopes(high).left >= 0) return high;
    // Positions strictly inside (low, high); the maximum is strictly inside too.
    const auto begin = std::upper_bound(p.begin(), p.end(), low) - p.begin();
    const auto end = std::lower_bound(p.begin(), p.end(), high) - p.begin();
    auto first = begin, count = end - begin;  // first position whose right slope is <= 0
    while (count > 0) {
      const auto half = count / 2;
      if (slopes(p[static_cast<std::size_t>(first + half)]).right > 0)
        first += half + 1, count -= half + 1;
      else
        count = half;
    }
    const double left = first == begin ? low : p[static_cast<std::size_t>(first - 1)];
    const double right = first == end ? high : p[static_cast<std::size_t>(first)];
    if (first != end && slopes(right).left >= 0) return right;
    return root(left, right, current);
  }

  /// The root of g' in (left, right), where g is smooth and g'(left+) > 0 > g'(right-): Newton's
  /// method from the current value where it lies inside, kept in a shrinking bracket, bisecting
  /// whenever a Newton step would leave the bracket. Stops when the bracket or the step reaches
  /// the resolution of doubles.
  [[nodiscard]] double root(double left, double right, double current) const {
    double t = current > left && current < right ? current : left + (right - left) / 2;
    for (int step = 0; step < 200; ++step) {
      double slope, curvature;
      smooth_slope(t, slope, curvature);
      if (slope > 0)
        left = t;
      else if (slope < 0)
        right = t;
      else
        return t;
      const double middle = left + (right - left) / 2;
      if (!(middle > left && middle < right)) break;  // adjacent doubles
      double next = std::isfinite(slope) && curvature < 0 ? t - slope / curvature : middle;
      if (!(next > left && next < right)) next = middle;
      if (next == t) break;
      t = next;
    }
    return t;
  }
};

/// Maximises  pull * z + sum_i w_i log(s_i(x) - z)  over the issue box, with the slacks
/// s_i(x) = u_i(x) - d_i = base_i - sum_k a_ik |x_k - p_ik|  (a_ik = salience / width), and over z
/// too when pull > 0. With the capabilities as weights and z = 0 this is the bargaining problem;
/// with unit weights and z free it is the phase-one barrier that looks for a point where every
/// slack is positive. The actors are kept in a canonical order so that the arithmetic, and so the
/// answer to the bit, does not depend on the order the scene lists them in.
class Ascent {
 public:
  Ascent(const SpatialScene& scene, const std::vector<const Actor*>& actors, const std::vector<double>& floors,
         const std::vector<double>& weights)
      : scene_(scene) {
    std::vector<std::size_t> order(actors.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Actors equal in all three are interchangeable, so any order among them gives the same sums.
    std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
      return std::tie(actors[i]->capability, actors[i]->position, actors[i]->salience) <
             std::tie(actors[j]->capability, actors[j]->position, actors[j]->salience);
    });
    const std::size_t n = actors.size(), m = scene.issue_count();
    weight_.resize(n), base_.resize(n), position_.resize(n * m), rate_.resize(n * m);
    for (std::size_t i = 0; i < n; ++i) {
      const Actor& actor = *actors[order[i]];
      weight_[i] = weights[order[i]];
      base_[i] = 1 - floors[order[i]];
      for (std::size_t k = 0; k < m; ++k) {
        position_[k * n + i] = actor.position[k];
        rate_[k * n + i] = actor.salience[k] / width(scene.issues[k]);
      }
    }
    lines_.resize(m);
    for (std::size_t k = 0; k < m; ++k) {
      Line& line = lines_[k];
      line.low = scene.issues[k].low, line.high = scene.issues[k].high;
      std::vector<std::size_t> by_position;
      for (std::size_t i = 0; i < n; ++i)
        if (rate_[k * n + i] > 0) by_position.push_back(i);
      std::stable_sort(by_position.begin(), by_position.end(),
                       [&](std::size_t i, std::size_t j) { return position_[k * n + i] < position_[k * n + j]; });
      for (std::size_t i : by_position) {
        line.c.push_back(weight_[i]), line.a.push_back(rate_[k * n + i]);
        line.p.push_back(position_[k * n + i]), line.actor.push_back(i);
      }
      line.r.resize(by_position.size());
    }
  }

  /// Every actor's s_i(x) - z.
  [[nodiscard]] std::vector<double> slacks(const std::vector<double>& x, double z) const {
    const std::size_t n = base_.size();
    std::vector<double> s(n);
    for (std::size_t i = 0; i < n; ++i)
      s[i] = base_[i] - z;
    for (std::size_t k = 0; k < x.size(); ++k)
      for (std::size_t i = 0; i < n; ++i)
        s[i] -= rate_[k * n + i] * std::abs(x[k] - position_[k * n + i]);
    return s;
  }
  [[nodiscard]] double min_slack(const std::vector<double>& x) const {
    const std::vector<double> s = slacks(x, 0);
    return *std::min_element(s.begin(), s.end());
  }
  /// The objective; -infinity outside the domain.
  [[nodiscard]] double objective(const std::vector<double>& x, double z, double pull) const {
    const std::vector<double> s = slacks(x, z);
    double f = pull * z;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!(s[i] > 0)) return -kInfinity;
      f += weight_[i] * std::log(s[i]);
    }
    return f;
  }

  /// Maximises from a point inside the domain by rounds of a coordinate sweep and a Newton step,
  /// until a round moves no coordinate by more than 1e-13 of its range (z: of 1). A point where no
  /// single coordinate can improve is the maximum: every slack is affine in z and in each
  /// |x_k - p_ik| separately, so the objective's directional derivative at any point is a sum of
  /// one function per coordinate of that coordinate's step, and it is <= 0 in every direction
  /// when it is in every axis direction. The sweeps find which coordinates sit at a kink or a
  /// range end; on the others coordinate ascent alone converges only linearly, which the Newton
  /// step makes quadratic. With z free (phase one) it stops as soon as every slack s_i(x) is
  /// clearly positive, which is all phase one is for.
  void solve(std::vector<double>& x, double& z, double pull) {
    for (int round = 0; round < 2000; ++round) {
      const double moved = std::max(sweep(x, z, pull), newton(x, z, pull));
      if (moved <= 1e-13 || (pull > 0 && min_slack(x) > kClearlyInside)) return;
    }
  }

  /// An upper bound on max_x min_i s_i(x) from the phase-one point (x, z): for any weights l_i >= 0
  /// summing to 1 and every x, min_i s_i(x) <= sum_i l_i s_i(x) <= max_y sum_i l_i s_i(y), and the
  /// last maximum is exact, a weighted median on each issue. The weights l_i ~ 1 / (s_i(x) - z)
  /// are the barrier's dual estimate, which makes the bound tight as the barrier closes in.
  [[nodiscard]] double phase_one_bound(const std::vector<double>& x, double z) const {
    const std::vector<double> s = slacks(x, z);
    std::vector<double> l(s.size());
    double total = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
      total += l[i] = weight_[i] / s[i];
    double bound = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
      bound += (l[i] /= total) * base_[i];
    for (const Line& line : lines_) {
      double mass = 0;
      for (std::size_t j = 0; j < line.p.size(); ++j)
        mass += l[line.actor[j]] * line.a[j];
      double t = line.low, below = 0;
      for (std::size_t j = 0; j < line.p.size(); ++j)
        if ((below += l[line.actor[j]] * line.a[j]) >= mass / 2) {
          t = std::clamp(line.p[j], line.low, line.high);
          break;
        }
      for (std::size_t j = 0; j < line.p.size(); ++j)
        bound -= l[line.actor[j]] * line.a[j] * std::abs(t - line.p[j]);
    }
    return bound;
  }

 private:
  /// Sets each coordinate in turn (z last, when it is free) to its exact maximiser; returns the
  /// largest move relative to the range.
  double sweep(std::vector<double>& x, double& z, double pull) {
    std::vector<double> s = slacks(x, z);  // afresh each sweep: no drift from the updates
    double moved = 0;
    for (std::size_t k = 0; k < x.size(); ++k) {
      Line& line = lines_[k];
      if (line.p.empty()) continue;  // nobody cares about this issue: leave it where it is
      for (std::size_t j = 0; j < line.p.size(); ++j)
        line.r[j] = s[line.actor[j]] + line.a[j] * std::abs(x[k] - line.p[j]);
      const double t = line.maximise(x[k]);
      if (t == x[k]) continue;
      for (std::size_t j = 0; j < line.p.size(); ++j)
        s[line.actor[j]] = line.r[j] - line.a[j] * std::abs(t - line.p[j]);
      moved = std::max(moved, std::abs(t - x[k]) / width(scene_.issues[k]));
      x[k] = t;
    }
    if (pull > 0) {
      const double step = best_offset(s, pull);
      moved = std::max(moved, std::abs(step)), z += step;
    }
    return moved;
  }

  /// The step e maximising pull * e + sum_i w_i log(s_i - e), given every s_i > 0: the root of
  /// the slope pull - sum_i w_i / (s_i - e), which is decreasing and concave in e, so Newton's
  /// method from the right of the root (where the slope is negative) climbs to it without
  /// crossing. It starts where the smallest slack's term alone makes the slope negative.
  [[nodiscard]] double best_offset(const std::vector<double>& s, double pull) const {
    std::size_t smallest = 0;
    for (std::size_t i = 1; i < s.size(); ++i)
      if (s[i] < s[smallest]) smallest = i;
    double e = s[smallest] - weight_[smallest] / pull;
    for (int step = 0; step < 100; ++step) {
      double slope = pull, curvature = 0;
      for (std::size_t i = 0; i < s.size(); ++i) {
        const double q = weight_[i] / (s[i] - e);
        slope -= q, curvature -= q / (s[i] - e);
      }
      const double next = e - slope / curvature;
      if (!(next < e)) break;  // at the root to rounding
      e = next;
    }
    return e;
  }

  /// One Newton step on z when it is free and on the coordinates that sit neither at a kink (an
  /// actor's position) nor at a range end, where the objective is smooth: solve -H d = g by
  /// Cholesky, then halve the step until it raises the objective, so that no step goes down.
  /// Returns the largest move relative to the range; 0 when there is nothing to move or the
  /// Hessian is singular (a flat direction: the sweeps alone then decide where on the flat the
  /// point ends).
  double newton(std::vector<double>& x, double& z, double pull) {
    const std::size_t n = base_.size();
    std::vector<std::size_t> free;
    for (std::size_t k = 0; k < x.size(); ++k) {
      const Line& line = lines_[k];
      if (line.p.empty() || !(x[k] > line.low && x[k] < line.high) ||
          std::binary_search(line.p.begin(), line.p.end(), x[k]))
        continue;
      free.push_back(k);
    }
    const std::size_t f = free.size() + (pull > 0 ? 1 : 0);  // z, when free, is the last variable
    if (f == 0) return 0;
    // Each actor's s_i - z has gradient u_i (a_ik or -a_ik by the side of p_ik on issue k, -1 for
    // z), so the objective has gradient sum_i w_i u_i / s_i (+ pull for z) and Hessian
    // -sum_i w_i u_i u_i^T / s_i^2.
    const std::vector<double> s = slacks(x, z);
    std::vector<double> step(f, 0.0), minus_hessian(f * f, 0.0), u(f, -1.0);
    if (pull > 0) step[f - 1] = pull;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t a = 0; a < free.size(); ++a) {
        const std::size_t k = free[a];
        u[a] = x[k] > position_[k * n + i] ? -rate_[k * n + i] : rate_[k * n + i];
      }
      const double w = weight_[i] / s[i], w2 = w / s[i];
      for (std::size_t a = 0; a < f; ++a) {
        step[a] += w * u[a];
        for (std::size_t b = 0; b <= a; ++b)
          minus_hessian[a * f + b] += w2 * u[a] * u[b];
      }
    }
    if (!cholesky_solve(minus_hessian, step, f)) return 0;
    const double before = objective(x, z, pull);
    std::vector<double> y = x;
    for (double scale = 1; scale > 1e-6; scale /= 2) {
      for (std::size_t a = 0; a < free.size(); ++a) {
        const std::size_t k = free[a];
        y[k] = std::clamp(x[k] + scale * step[a], lines_[k].low, lines_[k].high);
      }
      const double y_z = pull > 0 ? z + scale * step[f - 1] : z;
      if (objective(y, y_z, pull) > before) {
        double moved = std::abs(y_z - z);
        for (std::size_t k : free)
          moved = std::max(moved, std::abs(y[k] - x[k]) / width(scene_.issues[k]));
        x = y, z = y_z;
        return moved;
      }
    }
    return 0;
  }

  /// Solves m v = b in place of b for the symmetric m given by its lower triangle (f x f, row
  /// major); false when m is not clearly positive definite.
  static bool cholesky_solve(std::vector<double>& m, std::vector<double>& b, std::size_t f) {
    for (std::size_t j = 0; j < f; ++j) {
      double d = m[j * f + j];
      for (std::size_t q = 0; q < j; ++q)
        d -= m[j * f + q] * m[j * f + q];
      if (!(d > 1e-12 * m[j * f + j])) return false;
      m[j * f + j] = std::sqrt(d);
      for (std::size_t i = j + 1; i < f; ++i) {
        double e = m[i * f + j];
        for (std::size_t q = 0; q < j; ++q)
          e -= m[i * f + q] * m[j * f + q];
        m[i * f + j] = e / m[j * f + j];
      }
    }
    for (std::size_t i = 0; i < f; ++i) {  // L y = b
      for (std::size_t q = 0; q < i; ++q)
        b[i] -= m[i * f + q] * b[q];
      b[i] /= m[i * f + i];
    }
    for (std::size_t i = f; i-- > 0;) {  // L^T v = y
      for (std::size_t q = i + 1; q < f; ++q)
        b[i] -= m[q * f + i] * b[q];
      b[i] /= m[i * f + i];
    }
    return true;
  }

  const SpatialScene& scene_;
  std::vector<double> weight_, base_;    ///< per actor; base_i = 1 - d_i
  std::vector<double> position_, rate_;  ///< issue-major: [k * actors + i]; rate = salience / width
  std::vector<Line> lines_;              ///< per issue
};

/// Moves x to a point where every slack is positive, by the phase-one barrier: maximise
/// z + mu sum_i log(s_i(x) - z) for mu shrinking tenfold from 1 / actors. At its maximum the
/// largest min_i s_i is at most z + actors * mu, so the barrier's z closes in on it. A stage stops
/// early at a point clearly inside; a finished stage's point will do if merely inside, as it is
/// the barrier's centre, away from the boundary (that is all a nearly touching case allows).
/// False when no point has every slack above 1e-12 (the phase_one_bound proves it), or none was
/// found by the time the gap is below that.
bool find_inside(Ascent& phase_one, std::vector<double>& x, std::size_t actors) {
  double z = phase_one.min_slack(x) - 1;
  for (double gap = 1; gap > 1e-14; gap /= 10) {
    phase_one.solve(x, z, static_cast<double>(actors) / gap);
    if (phase_one.min_slack(x) > 0) return true;
    if (phase_one.phase_one_bound(x, z) <= 1e-12) return false;
  }
  return false;
}

/// Moves each coordinate onto an actor's position or a range end within 1e-9 of the range when that
/// does not lower the objective: the exact optimum of a weighted-|.| objective often lies there.
/// The candidates are tried in increasing order, so the result does not depend on the actors' order.
void snap(const SpatialScene& scene, const Ascent& ascent, std::vector<double>& x) {
  for (std::size_t k = 0; k < x.size(); ++k) {
    std::vector<double> targets{scene.issues[k].low, scene.issues[k].high};
    for (const Actor& actor : scene.actors)
      targets.push_back(actor.position[k]);
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    for (double t : targets) {
      if (t == x[k] || std::abs(t - x[k]) > 1e-9 * width(scene.issues[k])) continue;
      const double before = ascent.objective(x, 0, 0), kept = x[k];
      x[k] = t;
      if (ascent.objective(x, 0, 0) < before) x[k] = kept;
    }
  }
}

}  // namespace

double spatial_utility(const SpatialScene& scene, const Actor& actor, const std::vector<double>& point) {
  double u = 1;
  for (std::size_t k = 0; k < point.size(); ++k)
    u -= actor.salience[k] * std::abs(point[k] - actor.position[k]) / width(scene.issues[k]);
  return u;
}

std::vector<double> disagreement_utilities(const SpatialScene& scene) {
  std::vector<double> out;
  for (const Actor& actor : scene.actors) {
    double u = 1;
    for (std::size_t k = 0; k < scene.issue_count(); ++k) {
      const SpatialScene::IssueScale& issue = scene.issues[k];
      const double p = actor.position[k];
      const double where = issue.status_quo
                               ? *issue.status_quo
                               : (std::abs(issue.high - p) >= std::abs(p - issue.low) ? issue.high : issue.low);
      u -= actor.salience[k] * std::abs(where - p) / width(issue);
    }
    out.push_back(u);
  }
  return out;
}

NashBargainingResult nash_bargaining(const SpatialScene& scene) {
  const std::vector<double> all_floors = disagreement_utilities(scene);
  std::vector<const Actor*> actors;
  std::vector<double> floors;
  for (std::size_t i = 0; i < scene.actor_count(); ++i)
    if (counts(scene.actors[i])) actors.push_back(&scene.actors[i]), floors.push_back(all_floors[i]);
  if (actors.empty() || scene.issues.empty())
    return {std::nullopt, "no actor has both a capability and a salience above zero"};

  // Start at the status quo where there is one, else mid-range. Every slack is >= 0 there, but
  // some are 0 where there is a status quo (and tiny for tiny saliences), and then the phase-one
  // barrier looks for a point inside first.
  std::vector<double> x;
  for (const SpatialScene::IssueScale& issue : scene.issues)
    x.push_back(issue.status_quo ? *issue.status_quo : issue.low + (issue.high - issue.low) / 2);
  std::vector<double> capabilities;
  for (const Actor* actor : actors)
    capabilities.push_back(actor->capability);
  Ascent ascent(scene, actors, floors, capabilities);
  const char* const no_deal = "no point of the issue ranges gives every actor more than it gets without a deal";
  if (!(ascent.min_slack(x) > kClearlyInside)) {
    Ascent phase_one(scene, actors, floors, std::vector<double>(actors.size(), 1.0));
    if (!find_inside(phase_one, x, actors.size())) return {std::nullopt, no_deal};
  }
  double z = 0;
  ascent.solve(x, z, 0);
  if (!(ascent.min_slack(x) > 1e-12)) return {std::nullopt, no_deal};
  snap(scene, ascent, x);
  return {NashBargainingSolution{x, ascent.objective(x, 0, 0)}, ""};
}

}  // namespace parley
