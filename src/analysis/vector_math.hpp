// SPDX-License-Identifier: Apache-2.0
#pragma once
/// exp and log over arrays, for the expected-utility model's many powers x^r = exp(r log x).
///
/// Why not std::exp and std::log: a round of the model on 50 actors takes thousands of powers, and
/// the library's functions are called one value at a time. These are written with additions,
/// multiplications and divisions only (no fused multiply-add, no tables), so the compiler runs them
/// several values at once, and they give the same bits on every IEEE-754 machine, vectorised or not:
/// a forecast does not depend on the processor it was computed on. Both are within 2 units in the
/// last place of the exact value (tested against std::exp and std::log in vector_math_test.cpp).

#include <cstddef>

namespace parley::detail {

/// out[k] = exp(r * logs[k]) for k < count. Exponents below -708 give 0 (the exact value is below
/// 1e-307, where nothing it is added to can change); exponents above 709 give exp(709). `out` may
/// be `logs`.
void exp_scaled(const double* logs, double r, double* out, std::size_t count);

/// out[k] = log(x[k]) for k < count: -infinity for 0; x must not be negative or NaN.
void log_each(const double* x, double* out, std::size_t count);

/// One value of each, the same bits as the array functions.
double exp_portable(double x);
double log_portable(double x);

}  // namespace parley::detail
