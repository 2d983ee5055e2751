// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/concessions.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace parley {

namespace {

struct RedLine {
  int party = 0;
  Interval interval;
};

double distance_to(double x, const Interval& i) {
  return x < i.low ? i.low - x : x > i.high ? x - i.high : 0.0;
}

}  // namespace

std::vector<ZoneOpening> smallest_concessions(const Model& model) {
  std::vector<ZoneOpening> out;
  for (int issue = 0; issue < static_cast<int>(model.issues.size()); ++issue) {
    std::vector<RedLine> lines;
    Interval common = model.issues[static_cast<std::size_t>(issue)].range;
    for (int p = 0; p < static_cast<int>(model.parties.size()); ++p)
      for (const IssueStance& stance : model.parties[static_cast<std::size_t>(p)].stances)
        if (stance.issue == issue && stance.red_line) {
          lines.push_back({p, *stance.red_line});
          common.low = std::max(common.low, stance.red_line->low);
          common.high = std::min(common.high, stance.red_line->high);
        }
    if (common.low <= common.high) continue;  // open already
    // The total distance is convex and piecewise linear in the point, with breaks only at red-line
    // ends, so some end minimises it; every end is inside the range (red lines are validated so).
    std::vector<double> candidates;
    for (const RedLine& r : lines) {
      candidates.push_back(r.interval.low);
      candidates.push_back(r.interval.high);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    // Rank by (total, movers, largest move, point); totals equal up to rounding count as equal.
    auto cost = [&](double x) {
      double total = 0, largest = 0;
      int movers = 0;
      for (const RedLine& r : lines) {
        const double d = distance_to(x, r.interval);
        total += d;
        largest = std::max(largest, d);
        movers += d > 0;
      }
      return std::make_tuple(total, movers, largest);
    };
    double best = candidates.front();
    auto best_cost = cost(best);
    for (double x : candidates) {
      const auto c = cost(x);
      const double tolerance = 1e-12 * std::max(1.0, std::abs(std::get<0>(best_cost)));
      const bool cheaper = std::get<0>(c) < std::get<0>(best_cost) - tolerance;
      const bool same_total = std::abs(std::get<0>(c) - std::get<0>(best_cost)) <= tolerance;
      if (cheaper || (same_total && std::make_tuple(std::get<1>(c), std::get<2>(c)) <
                                        std::make_tuple(std::get<1>(best_cost), std::get<2>(best_cost)))) {
        best = x;
        best_cost = c;
      }
    }
    ZoneOpening opening{issue, best, std::get<0>(best_cost), {}};
    for (const RedLine& r : lines) {
      const double d = distance_to(best, r.interval);
      if (d > 0)
        opening.concessions.push_back({r.party, best < r.interval.low ? r.interval.low : r.interval.high, best, d});
    }
    out.push_back(std::move(opening));
  }
  return out;
}

}  // namespace parley
