// SPDX-License-Identifier: Apache-2.0
#include "text_checks.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace parley::detail {

namespace {
/// Length of the valid UTF-8 sequence starting at `i`, or 0 if it is invalid.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  std::size_t length = 0;
  std::uint32_t code = 0;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0)
    length = 2, code = c & 0x1FU;
  else if ((c & 0xF0) == 0xE0)
    length = 3, code = c & 0x0FU;
  else if ((c & 0xF8) == 0xF0)
    length = 4, code = c & 0x07U;
  else
    return 0;
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3FU);
  }
  // Overlong forms, surrogates and values beyond Unicode are invalid.
  static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kMinimum[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return 0;
  return length;
}
}  // namespace

SourceLocation location_of(std::string_view text, std::size_t offset) {
  SourceLocation where{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++where.line;
      where.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++where.column;
    }
  }
  return where;
}

LineIndex::LineIndex(std::string_view text) : text_(text), line_starts_{0} {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

SourceLocation LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t start = *(next_line - 1);
  int column = 1;
  for (std::size_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return {static_cast<int>(next_line - line_starts_.begin()), column};
}

bool check_text(std::string_view text, Diagnostics& diagnostics) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    diagnostics.error({1, 1}, "the file is empty",
                      "a model starts with `parley: 1`; see docs/model-format.md or catalog/ for examples");
    return false;
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    diagnostics.error(location_of(text, nul), "the file is binary (it contains a NUL byte), not a YAML or JSON model",
                      "give the model file itself (UTF-8 text), not a compressed or compiled file");
    return false;
  }
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      diagnostics.error(location_of(text, i),
                        fmt::format("invalid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(text[i])),
                        "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)");
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace parley::detail
