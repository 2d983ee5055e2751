// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Boolean expressions over options: `not ! -`, `and &`, `or |`, parentheses, and at the top
/// level the statement forms `A if B` (B implies A) and `A iff B` (A and B agree).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/diagnostic.hpp"

namespace parley {

/// One node of an expression tree; leaves are option indices (bit positions).
struct Expression {
  enum class Kind { Option, Not, And, Or, Implies, Iff };
  Kind kind = Kind::Option;
  int option = -1;  ///< for Kind::Option
  std::vector<Expression> operands;

  /// The value of the expression in a state given as a bit vector over options.
  [[nodiscard]] bool evaluate(std::uint64_t state) const;
  /// Three-valued evaluation when only the options in `known` are decided: nullopt = undecided.
  [[nodiscard]] std::optional<bool> evaluate_partial(std::uint64_t state, std::uint64_t known) const;
  /// The options the expression mentions, as a bit mask.
  [[nodiscard]] std::uint64_t support() const;
};

/// Resolves a (possibly qualified, `party.option`) name to an option index, or explains why not.
class OptionResolver {
 public:
  virtual ~OptionResolver() = default;
  /// The option index, or nullopt with `message` and `help` set.
  virtual std::optional<int> resolve(std::string_view name, std::string& message, std::string& help) const = 0;
};

/// Parses `text`; errors are reported at `where` shifted by the offending token's column.
/// Returns nullopt if there was any error.
std::optional<Expression> parse_expression(std::string_view text, SourceLocation where, const OptionResolver& resolver,
                                           Diagnostics& diagnostics);

/// Words that cannot be option identifiers because the expression language uses them.
bool is_reserved_word(std::string_view word);

}  // namespace parley
