// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Explanations of a state's stability as JSON and as sentences for a briefing.

#include <optional>
#include <string>

#include "parley/analysis/explain.hpp"
#include "parley/io/json_output.hpp"

namespace parley {

/// A state named by its number ("7") or its pattern ("NYNNY"); nullopt with `why` set if neither.
std::optional<StateIndex> find_state(const Model& model, const std::string& name, std::string& why);

Json json_explanation(const Model& model, const Explanation& explanation);
std::string text_explanation(const Model& model, const Explanation& explanation);

}  // namespace parley
