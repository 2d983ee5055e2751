// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Checks on raw text before any parser sees it: empty, binary, invalid UTF-8.

#include <string_view>
#include <vector>

#include "parley/core/diagnostic.hpp"

namespace parley::detail {

/// Reports why `text` cannot be a model file's text; true if it can.
bool check_text(std::string_view text, Diagnostics& diagnostics);

/// The line and column (1-based, columns counted in characters) of byte `offset` of `text`.
SourceLocation location_of(std::string_view text, std::size_t offset);

/// location_of for many offsets of one text: line starts are found once.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  [[nodiscard]] SourceLocation at(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace parley::detail
