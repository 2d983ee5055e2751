// SPDX-License-Identifier: Apache-2.0
#include "parley/core/diagnostic.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace parley {

void Diagnostics::error(SourceLocation where, std::string message, std::string help) {
  items_.push_back({where, std::move(message), std::move(help)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  auto out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
  });
  return out;
}

std::string format_diagnostic(const std::string& file, const Diagnostic& d) {
  // An unknown position still names line and column 1 so that every line has the same shape.
  const int line = std::max(d.where.line, 1);
  const int column = std::max(d.where.column, 1);
  std::string out = fmt::format("{}:{}:{}: error: {}", file, line, column, d.message);
  if (!d.help.empty()) out += fmt::format("\n  help: {}", d.help);
  return out;
}

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const bool same = std::tolower(a[i - 1]) == std::tolower(b[j - 1]);
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string human_bytes(double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  int unit = 0;
  while (bytes >= 1024 && unit < 6) {
    bytes /= 1024;
    ++unit;
  }
  return fmt::format("{:.1f} {}", bytes, units[unit]);
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  // A suggestion must keep most of the word: at most a third of it (at least one letter) changed.
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance && d < word.size()) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace parley
