// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/concessions.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <fmt/format.h>

#include "support/model_text.hpp"

namespace parley {
namespace {

/// A spatial model with one issue on [0, 100] and one party per red line.
std::shared_ptr<const Model> with_red_lines(const std::vector<Interval>& lines) {
  std::string text = "parley: 1\nissues:\n  - {id: x, range: [0, 100]}\nparties:\n";
  for (std::size_t p = 0; p < lines.size(); ++p) {
    const double mid = (lines[p].low + lines[p].high) / 2;
    text += fmt::format(
        "  - {{id: P{}, capability: 1, positions: {{x: {}}}, salience: {{x: 1}}, red_lines: {{x: [{}, {}]}}}}\n", p,
        mid, lines[p].low, lines[p].high);
  }
  return testing::model_from(text);
}

double total_distance(const std::vector<Interval>& lines, double x) {
  double total = 0;
  for (const Interval& i : lines)
    total += x < i.low ? i.low - x : x > i.high ? x - i.high : 0.0;
  return total;
}

TEST(Concessions, HandWorkedThreeRedLines) {
  // [0, 10], [20, 30], [25, 40]: a deal at 20 costs P0 10 and P2 5 (15 in all); at 25 it costs P0
  // 15 (15 in all) — the same total, but one party moving instead of two, so 25 is chosen.
  const auto model = with_red_lines({{0, 10}, {20, 30}, {25, 40}});
  ASSERT_TRUE(model);
  const auto openings = smallest_concessions(*model);
  ASSERT_EQ(openings.size(), 1U);
  EXPECT_DOUBLE_EQ(openings[0].point, 25);
  EXPECT_DOUBLE_EQ(openings[0].total, 15);
  ASSERT_EQ(openings[0].concessions.size(), 1U);
  EXPECT_EQ(openings[0].concessions[0].party, 0);
  EXPECT_DOUBLE_EQ(openings[0].concessions[0].from, 10);
  EXPECT_DOUBLE_EQ(openings[0].concessions[0].distance, 15);
}

TEST(Concessions, NothingToConcedeWhereTheRedLinesOverlap) {
  const auto model = with_red_lines({{0, 50}, {40, 60}});
  ASSERT_TRUE(model);
  EXPECT_TRUE(smallest_concessions(*model).empty());
}

RC_GTEST_PROP(Concessions, TheOpeningIsInsideEveryWidenedRedLineAndNoPointIsCheaper, ()) {
  const int n = *rc::gen::inRange(2, 7);
  std::vector<Interval> lines;
  for (int p = 0; p < n; ++p) {
    const int a = *rc::gen::inRange(0, 101), b = *rc::gen::inRange(0, 101);
    lines.push_back({static_cast<double>(std::min(a, b)), static_cast<double>(std::max(a, b))});
  }
  const auto model = with_red_lines(lines);
  RC_ASSERT(model != nullptr);
  const auto openings = smallest_concessions(*model);
  double low = 0, high = 100;
  for (const Interval& i : lines) {
    low = std::max(low, i.low);
    high = std::min(high, i.high);
  }
  RC_ASSERT(openings.empty() == (low <= high));
  if (openings.empty()) return;
  const ZoneOpening& o = openings[0];
  // Each red line, widened by its concession, contains the point; the others contain it already.
  std::vector<Interval> widened = lines;
  double sum = 0;
  for (const Concession& c : o.concessions) {
    Interval& i = widened[static_cast<std::size_t>(c.party)];
    RC_ASSERT(c.to == o.point && c.distance > 0);
    i.low = std::min(i.low, c.to);
    i.high = std::max(i.high, c.to);
    sum += c.distance;
  }
  for (const Interval& i : widened)
    RC_ASSERT(i.low <= o.point && o.point <= i.high);
  RC_ASSERT(std::abs(sum - o.total) < 1e-9);
  RC_ASSERT(std::abs(total_distance(lines, o.point) - o.total) < 1e-9);
  // No point of the range, on a fine grid, is cheaper.
  for (int k = 0; k <= 1000; ++k)
    RC_ASSERT(total_distance(lines, k / 10.0) >= o.total - 1e-9);
}

}  // namespace
}  // namespace parley
