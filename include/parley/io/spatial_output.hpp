// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Spatial predictions as the contract's JSON and as a table.

#include <string>

#include "parley/analysis/spatial.hpp"
#include "parley/io/json_output.hpp"

namespace parley {

/// {"issues": {issue: {"median", "compromise", "nbs", "eum", "smp"}}, "zone_of_agreement": {issue:
///  [low, high] | null}, "agreement_possible": bool, "nbs": {"objective"} | null (then "nbs_note": why),
///  "eum" and "smp": {"rounds", "converged", "trajectory": [{"positions": {party: {issue: x}}, ...}]}}.
Json json_spatial_prediction(const Model& model, const SpatialPrediction& prediction);
std::string text_spatial_prediction(const Model& model, const SpatialPrediction& prediction);

}  // namespace parley
