// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Partial preferences (necessary and possible equilibria) as JSON and as text for a briefing.

#include <string>

#include "parley/analysis/partial_preferences.hpp"
#include "parley/io/json_output.hpp"

namespace parley {

/// The header keys of `analyze`, then `uncertain`, `completions` and `concepts`
/// (docs/inverse.md, "Partial preferences").
Json json_partial(const Model& model, const PartialResult& result);
std::string text_partial(const Model& model, const PartialResult& result);

}  // namespace parley
