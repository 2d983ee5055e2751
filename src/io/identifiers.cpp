// SPDX-License-Identifier: Apache-2.0
#include "identifiers.hpp"

#include <fmt/format.h>

#include <cctype>

#include "parley/core/expression.hpp"

namespace parley::detail {

namespace {

/// Ids derived from long names are cut to about this many characters.
constexpr std::size_t kMaxIdLength = 40;

/// ASCII spellings of the Latin-1 letters U+00C0 .. U+00FF ("" for × and ÷).
constexpr const char* kLatin1[64] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",  "I",   //
    "D", "N", "O", "O", "O", "O", "O",  "",  "O", "U", "U", "U", "U", "Y", "TH", "ss",  //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   //
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

}  // namespace

std::string identifier_from(std::string_view name, bool lower_case, const std::string& prefix) {
  std::string out;
  bool gap = false;
  for (std::size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    std::string_view letters;
    std::size_t length = 1;
    char ascii[2] = {0, 0};
    if (c < 0x80) {
      if (std::isalnum(c)) {
        ascii[0] = lower_case ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
        letters = std::string_view(ascii, 1);
      }
    } else if ((c == 0xC3) && i + 1 < name.size()) {
      letters = kLatin1[static_cast<unsigned char>(name[i + 1]) & 0x3FU];
      length = 2;
    } else {
      length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    }
    i += length;
    if (letters.empty()) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += '_';
    gap = false;
    for (char l : letters)
      out += lower_case ? static_cast<char>(std::tolower(static_cast<unsigned char>(l))) : l;
  }
  if (out.size() > kMaxIdLength) {
    out.resize(kMaxIdLength);
    if (auto cut = out.find_last_of('_'); cut != std::string::npos && cut > kMaxIdLength / 2) out.resize(cut);
  }
  if (out.empty()) return out;
  if (std::isdigit(static_cast<unsigned char>(out[0]))) out = prefix + "_" + out;
  if (is_reserved_word(out)) out += "_" + prefix;
  return out;
}

/// `base`, or `base_2`, `base_3` ... whichever is not taken yet; records it as taken.
std::string unique_id(const std::string& base, std::set<std::string>& taken) {
  std::string id = base;
  for (int n = 2; taken.count(id) != 0; ++n)
    id = fmt::format("{}_{}", base, n);
  taken.insert(id);
  return id;
}

}  // namespace parley::detail
