// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/nash_bargaining.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace parley {

namespace {

using Actor = SpatialScene::Actor;

double width(const SpatialScene::IssueScale& issue) {
  return issue.high > issue.low ? issue.high - issue.low : 1.0;  // a zero-width issue has one point anyway
}

bool counts(const Actor& actor) {
  return actor.capability > 0 &&
         std::any_of(actor.salience.begin(), actor.salience.end(), [](double s) { return s > 0; });
}

/// sqrt(z^2 + eps^2) - eps: never above |z|, within eps of it, and smooth for eps > 0, so that
/// coordinate ascent cannot stall on a kink of |.| shared by several actors' terms.
double soft_abs(double z, double eps) {
  return eps > 0 ? std::sqrt(z * z + eps * eps) - eps : std::abs(z);
}
double soft_abs_slope(double z, double eps) {
  if (eps > 0) return z / std::sqrt(z * z + eps * eps);
  return z > 0 ? 1.0 : (z < 0 ? -1.0 : 0.0);
}

/// The barrier problem of one stage: maximise sum_i c_i log(u^eps_i(x) - d_i + shift).
class Ascent {
 public:
  Ascent(const SpatialScene& scene, std::vector<const Actor*> actors, std::vector<double> floors)
      : scene_(scene), actors_(std::move(actors)), floors_(std::move(floors)) {}

  /// The actor's slack u^eps_i(x) - d_i.
  double slack(std::size_t i, const std::vector<double>& x, double eps) const {
    double u = 1;
    for (std::size_t k = 0; k < x.size(); ++k)
      u -= actors_[i]->salience[k] * soft_abs((x[k] - actors_[i]->position[k]) / width(scene_.issues[k]), eps);
    return u - floors_[i];
  }
  double min_slack(const std::vector<double>& x, double eps) const {
    double m = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < actors_.size(); ++i)
      m = std::min(m, slack(i, x, eps));
    return m;
  }
  /// The objective; -infinity outside the domain.
  double objective(const std::vector<double>& x, double eps, double shift) const {
    double f = 0;
    for (std::size_t i = 0; i < actors_.size(); ++i) {
      const double s = slack(i, x, eps) + shift;
      if (!(s > 0)) return -std::numeric_limits<double>::infinity();
      f += actors_[i]->capability * std::log(s);
    }
    return f;
  }

  /// Maximises over coordinate k with the others fixed, exactly up to bisection precision: the
  /// function of x_k is concave, so the sign of its slope brackets the maximum.
  void maximise_coordinate(std::vector<double>& x, std::size_t k, double eps, double shift) {
    const double w = width(scene_.issues[k]);
    rest_.resize(actors_.size());
    for (std::size_t i = 0; i < actors_.size(); ++i)
      rest_[i] =
          slack(i, x, eps) + shift + actors_[i]->salience[k] * soft_abs((x[k] - actors_[i]->position[k]) / w, eps);
    // +1 when the maximum lies to the right of t, -1 when to the left.
    auto direction = [&](double t) {
      double slope = 0;
      for (std::size_t i = 0; i < actors_.size(); ++i) {
        const double s = actors_[i]->salience[k];
        const double z = (t - actors_[i]->position[k]) / w;
        const double term = rest_[i] - s * soft_abs(z, eps);
        if (!(term > 0)) return t < actors_[i]->position[k] ? 1.0 : -1.0;  // back towards the domain
        slope -= actors_[i]->capability * s * soft_abs_slope(z, eps) / term;
      }
      return slope;
    };
    double a = scene_.issues[k].low, b = scene_.issues[k].high;
    for (int step = 0; step < 64 && a < b; ++step) {
      const double m = a + (b - a) / 2;
      (direction(m) > 0 ? a : b) = m;
    }
    // Keep the best of the bracket, the range ends and the current value: ascent never goes down.
    const double current = x[k];
    double best = current, best_value = objective(x, eps, shift);
    for (double t : {a + (b - a) / 2, scene_.issues[k].low, scene_.issues[k].high}) {
      x[k] = t;
      if (const double v = objective(x, eps, shift); v > best_value) best = t, best_value = v;
    }
    x[k] = best;
  }

  /// Cyclic coordinate ascent until no coordinate moves by more than 1e-13 of its range.
  void solve(std::vector<double>& x, double eps, double shift) {
    for (int sweep = 0; sweep < 2000; ++sweep) {
      double moved = 0;
      for (std::size_t k = 0; k < x.size(); ++k) {
        const double before = x[k];
        maximise_coordinate(x, k, eps, shift);
        moved = std::max(moved, std::abs(x[k] - before) / width(scene_.issues[k]));
      }
      if (moved <= 1e-13) return;
    }
  }

 private:
  const SpatialScene& scene_;
  std::vector<const Actor*> actors_;
  std::vector<double> floors_;
  std::vector<double> rest_;
};

/// Moves each coordinate onto an actor's position or a range end within 1e-9 of the range when that
/// does not lower the objective: the exact optimum of a weighted-|.| objective often lies there.
void snap(const SpatialScene& scene, const Ascent& ascent, std::vector<double>& x) {
  for (std::size_t k = 0; k < x.size(); ++k) {
    std::vector<double> targets{scene.issues[k].low, scene.issues[k].high};
    for (const Actor& actor : scene.actors)
      targets.push_back(actor.position[k]);
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

  // Start at the status quo where there is one, else mid-range; a shift of the floors makes that
  // start feasible, and the shift is driven to zero stage by stage (a barrier homotopy).
  std::vector<double> x;
  for (const SpatialScene::IssueScale& issue : scene.issues)
    x.push_back(issue.status_quo ? *issue.status_quo : issue.low + (issue.high - issue.low) / 2);
  Ascent ascent(scene, actors, floors);
  for (int stage = 1; stage <= 13; ++stage) {
    const double eps = std::pow(10.0, -std::min(stage, 12));
    const double wanted = stage < 13 ? std::pow(10.0, -stage) : 0.0;
    const double worst = ascent.min_slack(x, eps);
    const double shift = worst > 0 ? 0.0 : -worst + std::max(wanted, 1e-15);
    ascent.solve(x, eps, shift);
  }
  if (!(ascent.min_slack(x, 0) > 1e-12))
    return {std::nullopt, "no point of the issue ranges gives every actor more than it gets without a deal"};
  snap(scene, ascent, x);
  return {NashBargainingSolution{x, ascent.objective(x, 0, 0)}, ""};
}

}  // namespace parley
