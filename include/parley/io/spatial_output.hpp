// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Spatial predictions as the contract's JSON and as a table.

#include <string>

#include "parley/analysis/spatial.hpp"
#include "parley/analysis/spatial_uncertainty.hpp"
#include "parley/io/json_output.hpp"

namespace parley {

/// {"issues": {issue: {"median", "compromise", "nbs", "eum", "smp"}}, "zone_of_agreement": {issue:
///  [low, high] | null}, "agreement_possible": bool, "nbs": {"objective"} | null (then "nbs_note": why),
///  "eum" and "smp": {"rounds", "converged", "trajectory": [{"positions": {party: {issue: x}}, ...}]}},
///  and for "eum" also "issues": {issue: {"rounds", "stop": "settled" | "cycle" | "round_limit",
///  "cycle_length" (cycle only)}} (an extension: each issue is its own run).
Json json_spatial_prediction(const Model& model, const SpatialPrediction& prediction);

/// The JSON name of how an issue's expected-utility run ended.
const char* eum_stop_name(EumIssueRun::Stop stop);
/// How the expected-utility runs ended, in words: for one issue "entered a cycle of 18 rounds at
/// round 178 (forecast: the cycle's mean)", for several "24 rounds: territory cycles (2 rounds) from
/// round 4, guarantees settled at round 3, ...".
std::string eum_run_text(const Model& model, const EumResult& eum);
std::string text_spatial_prediction(const Model& model, const SpatialPrediction& prediction);

/// Monte Carlo results: {"samples", "seed", "uncertain_numbers", "agreement_share",
/// "issues": {issue: {model: {"p5", "p25", "p50", "p75", "p95", "samples"} or null}}}.
Json json_uncertainty(const Model& model, const UncertaintyResult& result);
std::string text_uncertainty(const Model& model, const UncertaintyResult& result);

}  // namespace parley
