// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Checks on raw text before any parser sees it: empty, binary, invalid UTF-8.

#include <string_view>

#include "parley/core/diagnostic.hpp"

namespace parley::detail {

/// Reports why `text` cannot be a model file's text; true if it can.
bool check_text(std::string_view text, Diagnostics& diagnostics);

/// The line and column (1-based, columns counted in characters) of byte `offset` of `text`.
SourceLocation location_of(std::string_view text, std::size_t offset);

}  // namespace parley::detail
