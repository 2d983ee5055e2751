// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The JSON the command line prints (and the HTTP API answers), as the contract fixes its keys.

#include <nlohmann/json.hpp>

#include "parley/analysis/explain.hpp"
#include "parley/core/model.hpp"

namespace parley {

using Json = nlohmann::ordered_json;

/// `parley`, `model`, `options`, `status_quo`: the keys every analysis output starts with.
Json json_header(const Model& model);
/// `states`: every feasible state with its number and pattern, in state-number order.
Json json_states(const Model& model);
/// `preferences`: per party, its ranking as lists of tied patterns, most preferred first.
Json json_preferences(const Model& model);
/// A sequence of moves: [{"party": id, "to": pattern}, ...].
Json json_moves(const Model& model, const std::vector<Move>& moves);
/// `issues` and each party's spatial stance (an extension the contract leaves open).
Json json_spatial(const Model& model);

}  // namespace parley
