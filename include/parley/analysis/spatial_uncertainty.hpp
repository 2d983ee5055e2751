// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Spatial predictions under uncertain inputs: where a model gives `uncertainty` intervals for a
/// party's capability, positions or salience, Monte Carlo draws each such number from a triangular
/// distribution on its interval peaking at the stated value (the analyst's best estimate), runs
/// every prediction on each draw, and reports percentiles. Each sample has its own random stream
/// derived from (seed, sample number), so results do not depend on the number of threads.

#include <cstdint>
#include <optional>
#include <vector>

#include "parley/analysis/run_control.hpp"
#include "parley/core/model.hpp"

namespace parley {

struct UncertaintyOptions {
  int samples = 1000;
  std::uint64_t seed = 1;
  int rounds = 100;      ///< round limit of the expected-utility model and the SMP in each sample
  bool dynamics = true;  ///< run the expected-utility model and the SMP too (the slow part)
};

/// The 5th, 25th, 50th, 75th and 95th percentiles (linear interpolation between order statistics).
struct Percentiles {
  double p5 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0;
};

/// One prediction over the samples: its percentiles over the samples where it exists.
struct SampledPrediction {
  std::optional<Percentiles> percentiles;  ///< nullopt when no sample had it
  int present = 0;                         ///< in how many samples it existed
};

struct IssueSamples {
  SampledPrediction median, compromise, nbs, eum, smp;
};

struct UncertaintyResult {
  int samples = 0;
  std::uint64_t seed = 0;
  int uncertain_numbers = 0;  ///< how many inputs had an interval
  std::vector<IssueSamples> issues;
  /// Share of samples where some deal lies inside every red line on every issue, and per issue
  /// the share where that issue has a zone of agreement (red lines with uncertain ends are drawn
  /// like the other numbers).
  double agreement_share = 0;
  std::vector<double> zone_share;
};

/// Throws std::invalid_argument for a model without issues or samples < 1.
UncertaintyResult sample_spatial(const Model& model, const UncertaintyOptions& options, const CancelToken& cancel);

}  // namespace parley
