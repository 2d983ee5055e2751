// SPDX-License-Identifier: Apache-2.0
#pragma once
/// English ordinals for the io layer's sentences ("its 1st priority", "as its 22nd").

#include <cstddef>
#include <string>

namespace parley {

inline std::string ordinal(std::size_t n) {
  const std::size_t tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : n % 10 == 1              ? "st"
                       : n % 10 == 2              ? "nd"
                       : n % 10 == 3              ? "rd"
                                                  : "th";
  return std::to_string(n) + suffix;
}

}  // namespace parley
