// SPDX-License-Identifier: Apache-2.0
// Compiled with -ffp-contract=off (no fused multiply-add, so the same bits everywhere) and
// -fno-trapping-math (so that the selects below vectorise); see src/analysis/CMakeLists.txt.
#include "vector_math.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>

namespace parley::detail {

namespace {

constexpr double ln2_hi = 6.93147180369123816490e-01;  // ln 2 in two parts: k * ln2_hi is exact
constexpr double ln2_lo = 1.90821492927058770002e-10;  // for |k| < 2^11
constexpr double inv_ln2 = 1.44269504088896338700e+00;
/// 1.5 * 2^52: x + shifter rounds x to an integer held in the low bits of the result.
constexpr double shifter = 6755399441055744.0;

/// exp(x) = 2^k exp(f), k the integer nearest x / ln 2, |f| <= ln2 / 2; exp(f) by its Taylor series
/// to f^13 (the remainder is below 1e-17 of the value).
inline double exp_one(double x) {
  const double clamped = std::min(std::max(x, -708.0), 709.0);
  const double shifted = clamped * inv_ln2 + shifter;
  const double k = shifted - shifter;
  const double f = (clamped - k * ln2_hi) - k * ln2_lo;
  // 1 + f + f^2 t(f), t by Estrin's scheme (short chains of dependent operations, so that the
  // processor overlaps them; 1.3x Horner's speed), the large terms added last for accuracy.
  const double f2 = f * f, f4 = f2 * f2;
  const double q0 = 1.0 / 2.0 + f * (1.0 / 6.0), q1 = 1.0 / 24.0 + f * (1.0 / 120.0),
               q2 = 1.0 / 720.0 + f * (1.0 / 5040.0), q3 = 1.0 / 40320.0 + f * (1.0 / 362880.0),
               q4 = 1.0 / 3628800.0 + f * (1.0 / 39916800.0), q5 = 1.0 / 479001600.0 + f * (1.0 / 6227020800.0);
  const double r0 = q0 + f2 * q1, r1 = q2 + f2 * q3, r2 = q4 + f2 * q5;
  const double t = r0 + f4 * (r1 + f4 * r2);
  const double p = 1.0 + (f + f2 * t);
  // Multiply by 2^k by adding k to the exponent field: k sits in the low bits of `shifted`. For
  // x >= -708 the result stays a normal number, so the addition is exact.
  std::uint64_t bits = std::bit_cast<std::uint64_t>(p) + (std::bit_cast<std::uint64_t>(shifted) << 52);
  bits &= -static_cast<std::uint64_t>(x >= -708.0);  // 0 below (and for -infinity)
  return std::bit_cast<double>(bits);
}

/// log(x) = e ln 2 + log(m), x = m 2^e with m in [sqrt(1/2), sqrt(2)); log(m) = 2 atanh(s),
/// s = (m - 1) / (m + 1), |s| <= 0.172, by its series to s^25 (the remainder is below 1e-19).
inline double log_one(double x) {
  // Subnormal inputs are scaled into the normal range first.
  const bool tiny = x < std::numeric_limits<double>::min();
  const double scaled = tiny ? x * 0x1p54 : x;
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(scaled);
  // The exponent field as a double, through the same 2^52 trick as above (exact).
  const double exponent_field =
      std::bit_cast<double>((bits >> 52) | std::bit_cast<std::uint64_t>(4503599627370496.0)) - 4503599627370496.0;
  double m = std::bit_cast<double>((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);  // in [1, 2)
  const bool high = m > 1.4142135623730951;
  m = high ? m * 0.5 : m;
  const double e = exponent_field - 1023.0 + (high ? 1.0 : 0.0) - (tiny ? 54.0 : 0.0);
  const double s = (m - 1.0) / (m + 1.0), z = s * s;
  double p = 1.0 / 25.0;
  p = p * z + 1.0 / 23.0;
  p = p * z + 1.0 / 21.0;
  p = p * z + 1.0 / 19.0;
  p = p * z + 1.0 / 17.0;
  p = p * z + 1.0 / 15.0;
  p = p * z + 1.0 / 13.0;
  p = p * z + 1.0 / 11.0;
  p = p * z + 1.0 / 9.0;
  p = p * z + 1.0 / 7.0;
  p = p * z + 1.0 / 5.0;
  p = p * z + 1.0 / 3.0;
  // 2s + 2s z p, with m - 1 (exact) carrying the leading term so that values near 1 stay accurate.
  const double log_m = (m - 1.0) - s * (m - 1.0) + 2.0 * s * z * p;
  const double result = e * ln2_hi + (e * ln2_lo + log_m);
  return x > 0 ? result : -std::numeric_limits<double>::infinity();
}

}  // namespace

__attribute__((target_clones("avx2", "default"))) void exp_scaled(const double* logs, double r, double* out,
                                                                  std::size_t count) {
  for (std::size_t k = 0; k < count; ++k)
    out[k] = exp_one(r * logs[k]);
}

__attribute__((target_clones("avx2", "default"))) void log_each(const double* x, double* out, std::size_t count) {
  for (std::size_t k = 0; k < count; ++k)
    out[k] = log_one(x[k]);
}

double exp_portable(double x) {
  return exp_one(x);
}
double log_portable(double x) {
  return log_one(x);
}

}  // namespace parley::detail
