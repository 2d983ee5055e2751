// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Errors a person can act on: where (file, line, column), what is wrong, and what to do.

#include <string>
#include <vector>

namespace parley {

/// A position in a source text; line and column start at 1, 0 means "unknown".
struct SourceLocation {
  int line = 0;
  int column = 0;
  /// The same location moved `offset` characters to the right on its line.
  [[nodiscard]] SourceLocation shifted(int offset) const {
    return line == 0 ? *this : SourceLocation{line, column + offset};
  }
};

/// A value read from a source text, with the place it was read from.
template <class T>
struct Located {
  T value{};
  SourceLocation where{};
};

struct Diagnostic {
  SourceLocation where;
  std::string message;  ///< what is wrong, one sentence
  std::string help;     ///< what to do about it; may be empty
};

/// Every problem found in one input, in the order found.
class Diagnostics {
 public:
  void error(SourceLocation where, std::string message, std::string help = {});
  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  /// Sorted by position, so that a report reads top to bottom like the file.
  [[nodiscard]] std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
};

/// `FILE:LINE:COLUMN: error: WHAT` and, on the next line, `  help: WHAT TO DO`.
std::string format_diagnostic(const std::string& file, const Diagnostic& d);

/// "1.5 GiB": a size in bytes for messages.
std::string human_bytes(double bytes);

/// The closest of `candidates` to `word` by edit distance, or "" if none is close.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace parley
