// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/spatial_uncertainty.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <stdexcept>

#include "parley/analysis/spatial.hpp"

namespace parley {

namespace {

/// A draw from the triangular distribution on [low, high] with its mode at `mode` (inverse CDF).
double triangular(double low, double mode, double high, double u) {
  if (!(high > low)) return mode;
  const double split = (mode - low) / (high - low);
  return u < split ? low + std::sqrt(u * (high - low) * (mode - low))
                   : high - std::sqrt((1 - u) * (high - low) * (high - mode));
}

/// Where each uncertain number of the scene is, and its interval.
struct UncertainNumber {
  std::size_t actor;
  enum class Kind { Capability, Position, Salience } kind;
  std::size_t issue;
  Interval range;
};

std::vector<UncertainNumber> uncertain_numbers(const Model& model, const SpatialScene& scene) {
  std::vector<UncertainNumber> out;
  for (std::size_t a = 0; a < scene.actors.size(); ++a) {
    const Party& party = model.parties[static_cast<std::size_t>(scene.actors[a].party)];
    if (party.capability_range) out.push_back({a, UncertainNumber::Kind::Capability, 0, *party.capability_range});
    for (const IssueStance& s : party.stances) {
      const auto issue = static_cast<std::size_t>(s.issue);
      if (s.position_range) out.push_back({a, UncertainNumber::Kind::Position, issue, *s.position_range});
      if (s.salience_range) out.push_back({a, UncertainNumber::Kind::Salience, issue, *s.salience_range});
    }
  }
  return out;
}

double& number_in(SpatialScene& scene, const UncertainNumber& n) {
  SpatialScene::Actor& actor = scene.actors[n.actor];
  switch (n.kind) {
    case UncertainNumber::Kind::Capability: return actor.capability;
    case UncertainNumber::Kind::Position: return actor.position[n.issue];
    default: return actor.salience[n.issue];
  }
}

SampledPrediction summarise(std::vector<double> values) {
  SampledPrediction out;
  out.present = static_cast<int>(values.size());
  if (values.empty()) return out;
  std::sort(values.begin(), values.end());
  const auto at = [&](double q) {
    const double rank = q * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(rank));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (rank - static_cast<double>(below)) * (values[above] - values[below]);
  };
  out.percentiles = Percentiles{at(0.05), at(0.25), at(0.5), at(0.75), at(0.95)};
  return out;
}

/// One sample's predictions: per issue, the five models (nullopt where a model has none).
using SampleRow = std::vector<std::array<std::optional<double>, 5>>;

/// A red line of the model, and where its ends may lie.
struct RedLine {
  std::size_t issue;
  Interval stated;
  std::optional<Interval> low_range, high_range;
};

std::vector<RedLine> red_lines(const Model& model) {
  std::vector<RedLine> out;
  for (const Party& party : model.parties)
    for (const IssueStance& s : party.stances)
      if (s.red_line)
        out.push_back({static_cast<std::size_t>(s.issue), *s.red_line, s.red_line_low_range, s.red_line_high_range});
  return out;
}

}  // namespace

UncertaintyResult sample_spatial(const Model& model, const UncertaintyOptions& options, const CancelToken& cancel) {
  if (model.issues.empty()) throw std::invalid_argument("the model has no issues to sample");
  if (options.samples < 1) throw std::invalid_argument("give at least one sample");
  const SpatialScene base = spatial_scene(model);
  const auto numbers = uncertain_numbers(model, base);
  const auto lines = red_lines(model);
  const std::size_t issues = base.issues.size();
  std::vector<SampleRow> rows(static_cast<std::size_t>(options.samples));
  std::vector<std::vector<char>> zone_open(static_cast<std::size_t>(options.samples));
  tbb::parallel_for(0, options.samples, [&](int k) {
    if (cancel.cancelled()) return;
    std::seed_seq seeds{static_cast<std::uint32_t>(options.seed), static_cast<std::uint32_t>(options.seed >> 32),
                        static_cast<std::uint32_t>(k)};
    std::mt19937_64 random(seeds);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    SpatialScene scene = base;
    for (const UncertainNumber& n : numbers) {
      double& x = number_in(scene, n);
      x = triangular(n.range.low, x, n.range.high, uniform(random));
    }
    // Red lines are drawn after the numbers, so that a model's other draws do not change when red
    // lines become uncertain.
    std::vector<char>& open = zone_open[static_cast<std::size_t>(k)];
    std::vector<Interval> zone;
    for (std::size_t i = 0; i < issues; ++i)
      zone.push_back(model.issues[i].range);
    for (const RedLine& line : lines) {
      Interval drawn = line.stated;
      if (line.low_range) drawn.low = triangular(line.low_range->low, drawn.low, line.low_range->high, uniform(random));
      if (line.high_range)
        drawn.high = triangular(line.high_range->low, drawn.high, line.high_range->high, uniform(random));
      zone[line.issue].low = std::max(zone[line.issue].low, drawn.low);
      zone[line.issue].high = std::min(zone[line.issue].high, drawn.high);
    }
    for (const Interval& z : zone)
      open.push_back(z.low <= z.high ? 1 : 0);
    SampleRow& row = rows[static_cast<std::size_t>(k)];
    row.resize(issues);
    for (std::size_t i = 0; i < issues; ++i) {
      row[i][0] = scene_median(scene, i);
      row[i][1] = scene_compromise(scene, i);
    }
    if (const auto nbs = nash_bargaining(scene); nbs.solution)
      for (std::size_t i = 0; i < issues; ++i)
        row[i][2] = nbs.solution->point[i];
    if (options.dynamics) {
      const auto eum = expected_utility_model(scene, EumOptions{options.rounds});
      const auto smp = spatial_model_of_politics(scene, SmpOptions{options.rounds});
      for (std::size_t i = 0; i < issues; ++i) {
        row[i][3] = eum.forecast[i];
        row[i][4] = smp.forecast[i];
      }
    }
  });
  if (cancel.cancelled()) throw Cancelled();

  UncertaintyResult out;
  out.samples = options.samples;
  out.seed = options.seed;
  out.uncertain_numbers = static_cast<int>(numbers.size());
  for (const RedLine& line : lines)
    out.uncertain_numbers += int{line.low_range.has_value()} + int{line.high_range.has_value()};
  std::size_t agreements = 0;
  out.zone_share.assign(issues, 0.0);
  for (const std::vector<char>& open : zone_open) {
    agreements += std::all_of(open.begin(), open.end(), [](char o) { return o != 0; });
    for (std::size_t i = 0; i < issues; ++i)
      out.zone_share[i] += open[i];
  }
  out.agreement_share = static_cast<double>(agreements) / options.samples;
  for (double& share : out.zone_share)
    share /= options.samples;
  for (std::size_t i = 0; i < issues; ++i) {
    std::array<std::vector<double>, 5> values;
    for (const SampleRow& row : rows)
      for (std::size_t m = 0; m < 5; ++m)
        if (row[i][m]) values[m].push_back(*row[i][m]);
    out.issues.push_back(
        {summarise(values[0]), summarise(values[1]), summarise(values[2]), summarise(values[3]), summarise(values[4])});
  }
  return out;
}

}  // namespace parley
