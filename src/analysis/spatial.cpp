// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/spatial.hpp"

#include <algorithm>

namespace parley {

namespace {

struct Stance {
  double position;
  double weight;
};

/// The actors that give the issue some weight (capability x salience).
std::vector<Stance> stances_on(const SpatialScene& scene, std::size_t issue) {
  std::vector<Stance> out;
  for (const SpatialScene::Actor& a : scene.actors)
    if (a.capability * a.salience[issue] > 0) out.push_back({a.position[issue], a.capability * a.salience[issue]});
  return out;
}

std::optional<double> weighted_median(std::vector<Stance> stances) {
  double total = 0;
  for (const Stance& s : stances)
    total += s.weight;
  if (!(total > 0)) return std::nullopt;
  std::sort(stances.begin(), stances.end(), [](const Stance& a, const Stance& b) { return a.position < b.position; });
  double held = 0;
  for (std::size_t k = 0; k < stances.size(); ++k) {
    held += stances[k].weight;
    // All parties at this same position count together before the test.
    if (k + 1 < stances.size() && stances[k + 1].position == stances[k].position) continue;
    // "At least half", with room for the rounding of the sums (0.3 + 0.1 + 0.2 is not 0.6 exactly).
    if (2 * held >= total * (1 - 1e-12)) return stances[k].position;
  }
  return stances.back().position;
}

std::optional<double> weighted_mean(const std::vector<Stance>& stances) {
  double total = 0, sum = 0;
  for (const Stance& s : stances) {
    total += s.weight;
    sum += s.weight * s.position;
  }
  if (!(total > 0)) return std::nullopt;
  return sum / total;
}

std::optional<Interval> zone(const Model& model, int issue) {
  Interval z = model.issues[static_cast<std::size_t>(issue)].range;
  for (const Party& p : model.parties)
    for (const IssueStance& s : p.stances)
      if (s.issue == issue && s.red_line) {
        z.low = std::max(z.low, s.red_line->low);
        z.high = std::min(z.high, s.red_line->high);
      }
  if (z.low > z.high) return std::nullopt;
  return z;
}

}  // namespace

std::optional<double> scene_median(const SpatialScene& scene, std::size_t issue) {
  return weighted_median(stances_on(scene, issue));
}

std::optional<double> scene_compromise(const SpatialScene& scene, std::size_t issue) {
  return weighted_mean(stances_on(scene, issue));
}

bool agreement_possible(const Model& model) {
  for (int i = 0; i < static_cast<int>(model.issues.size()); ++i)
    if (!zone(model, i)) return false;
  return true;
}

SpatialPrediction predict_spatial(const Model& model, const SpatialOptions& options) {
  SpatialPrediction out;
  const SpatialScene scene = spatial_scene(model);
  for (int i = 0; i < static_cast<int>(model.issues.size()); ++i) {
    const auto issue = static_cast<std::size_t>(i);
    IssuePrediction p{i, scene_median(scene, issue), scene_compromise(scene, issue), zone(model, i)};
    out.agreement_possible = out.agreement_possible && p.zone_of_agreement.has_value();
    out.issues.push_back(p);
  }
  out.openings = smallest_concessions(model);
  out.nbs = nash_bargaining(scene);
  out.eum = expected_utility_model(scene, EumOptions{options.rounds});
  out.smp = spatial_model_of_politics(scene, SmpOptions{options.rounds});
  return out;
}

}  // namespace parley
