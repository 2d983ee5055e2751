// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Inverse analysis results as the contract's JSON and as sentences for a briefing.

#include <string>

#include "parley/analysis/inverse.hpp"
#include "parley/io/json_output.hpp"

namespace parley {

Json json_inverse(const Model& model, const InverseResult& result);
std::string text_inverse(const Model& model, const InverseResult& result);

}  // namespace parley
