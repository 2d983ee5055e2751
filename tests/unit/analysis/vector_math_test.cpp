// SPDX-License-Identifier: Apache-2.0
#include "vector_math.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace parley::detail {
namespace {

/// |a - b| in units of the last place of b.
double ulps(double a, double b) {
  if (a == b) return 0;
  const double b_abs = std::abs(b);
  return std::abs(a - b) / (std::nextafter(b_abs, std::numeric_limits<double>::infinity()) - b_abs);
}

TEST(VectorMath, ExpWithinTwoUlpOfTheLibrary) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> wide(-708, 709), narrow(-1, 1);
  std::vector<double> x;
  for (int k = 0; k < 200000; ++k)
    x.push_back(k % 2 ? wide(random) : narrow(random));
  std::vector<double> out(x.size());
  exp_scaled(x.data(), 1.0, out.data(), x.size());
  double worst = 0;
  for (std::size_t k = 0; k < x.size(); ++k)
    worst = std::max(worst, ulps(out[k], std::exp(x[k])));
  EXPECT_LE(worst, 2.0);
}

TEST(VectorMath, LogWithinTwoUlpOfTheLibrary) {
  std::mt19937_64 random(8);
  std::uniform_real_distribution<double> decades(-300, 300), near_one(0.5, 2);
  std::vector<double> x{1.0,
                        0.5,
                        2.0,
                        std::nextafter(1.0, 2.0),
                        std::nextafter(1.0, 0.0),
                        1e-310,
                        5e-324,
                        std::numeric_limits<double>::max()};
  for (int k = 0; k < 200000; ++k)
    x.push_back(k % 2 ? std::pow(10.0, decades(random)) : near_one(random));
  std::vector<double> out(x.size());
  log_each(x.data(), out.data(), x.size());
  double worst = 0;
  for (std::size_t k = 0; k < x.size(); ++k)
    worst = std::max(worst, ulps(out[k], std::log(x[k])));
  EXPECT_LE(worst, 2.0);
  EXPECT_EQ(out[0], 0.0);
}

TEST(VectorMath, EdgesAreTheLimits) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(log_portable(0.0), -inf);
  EXPECT_EQ(exp_portable(-inf), 0.0);
  EXPECT_EQ(exp_portable(-800.0), 0.0);  // below 1e-307: 0
  EXPECT_EQ(exp_portable(0.0), 1.0);
  EXPECT_EQ(exp_portable(1000.0), exp_portable(709.0));
  // 0^r = exp(r log 0) = 0 for every positive r, as the model's powers need.
  const double log_zero = log_portable(0.0);
  std::vector<double> out(1);
  exp_scaled(&log_zero, 0.5, out.data(), 1);
  EXPECT_EQ(out[0], 0.0);
}

// The array functions give the same bits as the one-value functions whatever the length of the array
// and the place of a value in it (vectorised body or scalar tail): a forecast cannot depend on how
// many actors share a round.
RC_GTEST_PROP(VectorMath, ArraysGiveTheBitsOfOneValue, ()) {
  const auto logs = *rc::gen::container<std::vector<int>>(rc::gen::inRange(-100000, 1));
  const double r = 0.5 + *rc::gen::inRange(0, 1501) / 1000.0;
  std::vector<double> x, positive;
  for (int v : logs)
    x.push_back(v / 1000.0), positive.push_back(std::exp(v / 1000.0));
  std::vector<double> powers(x.size()), logarithms(x.size());
  exp_scaled(x.data(), r, powers.data(), x.size());
  log_each(positive.data(), logarithms.data(), positive.size());
  for (std::size_t k = 0; k < x.size(); ++k) {
    RC_ASSERT(powers[k] == exp_portable(r * x[k]));
    RC_ASSERT(logarithms[k] == log_portable(positive[k]));
  }
}

}  // namespace
}  // namespace parley::detail
