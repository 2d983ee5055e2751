// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Spatial models from CSV: KTAB's SMP input and the common expected-utility layout
/// (`Actor,Capability,Position,Salience`). See spatial_csv_reader.cpp for both layouts.

#include <string>
#include <string_view>

#include "parley/core/model_draft.hpp"

namespace parley::detail {

/// True if the text starts like one of the two layouts (an `Actor` column on line 1 or 2).
bool looks_like_spatial_csv(std::string_view text);

ModelDraft parse_spatial_csv(std::string_view text, const std::string& default_name, Diagnostics& diagnostics);

}  // namespace parley::detail
