// SPDX-License-Identifier: Apache-2.0
#include "parley/core/expression.hpp"

#include <fmt/format.h>
#include <cctype>

namespace parley {

bool Expression::evaluate(std::uint64_t state) const {
  switch (kind) {
    case Kind::Option: return ((state >> option) & 1U) != 0;
    case Kind::Not: return !operands[0].evaluate(state);
    case Kind::And:
      for (const auto& e : operands)
        if (!e.evaluate(state)) return false;
      return true;
    case Kind::Or:
      for (const auto& e : operands)
        if (e.evaluate(state)) return true;
      return false;
    case Kind::Implies: return !operands[1].evaluate(state) || operands[0].evaluate(state);
    case Kind::Iff: return operands[0].evaluate(state) == operands[1].evaluate(state);
  }
  return false;
}

std::optional<bool> Expression::evaluate_partial(std::uint64_t state, std::uint64_t known) const {
  switch (kind) {
    case Kind::Option:
      if (((known >> option) & 1U) == 0) return std::nullopt;
      return ((state >> option) & 1U) != 0;
    case Kind::Not: {
      auto v = operands[0].evaluate_partial(state, known);
      return v ? std::optional<bool>(!*v) : std::nullopt;
    }
    case Kind::And:
    case Kind::Or: {
      // A decisive operand (false for and, true for or) decides; otherwise unknown wins.
      const bool decisive = kind == Kind::Or;
      bool undecided = false;
      for (const auto& e : operands) {
        auto v = e.evaluate_partial(state, known);
        if (!v)
          undecided = true;
        else if (*v == decisive)
          return decisive;
      }
      return undecided ? std::nullopt : std::optional<bool>(!decisive);
    }
    case Kind::Implies: {
      auto then = operands[0].evaluate_partial(state, known);
      auto when = operands[1].evaluate_partial(state, known);
      if ((when && !*when) || (then && *then)) return true;
      if (when && then) return false;
      return std::nullopt;
    }
    case Kind::Iff: {
      auto a = operands[0].evaluate_partial(state, known);
      auto b = operands[1].evaluate_partial(state, known);
      if (!a || !b) return std::nullopt;
      return *a == *b;
    }
  }
  return std::nullopt;
}

std::uint64_t Expression::support() const {
  if (kind == Kind::Option) return std::uint64_t{1} << option;
  std::uint64_t mask = 0;
  for (const auto& e : operands)
    mask |= e.support();
  return mask;
}

bool is_reserved_word(std::string_view word) {
  return word == "and" || word == "or" || word == "not" || word == "if" || word == "iff";
}

namespace {

struct Token {
  enum class Kind { Name, Not, And, Or, If, Iff, Open, Close, End, Invalid };
  Kind kind;
  std::string_view text;
  int column;  ///< 0-based, in characters (not bytes) from the start of the expression text
};

/// Counts characters (UTF-8 sequences) up to increasing byte offsets, in linear time overall.
class ColumnCounter {
 public:
  explicit ColumnCounter(std::string_view text) : text_(text) {}
  int at(std::size_t byte) {
    for (; byte_ < byte; ++byte_)
      if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++column_;
    return column_;
  }

 private:
  std::string_view text_;
  std::size_t byte_ = 0;
  int column_ = 0;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  ColumnCounter columns(text);
  std::size_t i = 0;
  auto is_name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; };
  while (i < text.size()) {
    const char c = text[i];
    const int column = columns.at(i);
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    auto single = [&](Token::Kind kind, std::size_t length) {
      tokens.push_back({kind, text.substr(i, length), column});
      i += length;
    };
    if (c == '!' || c == '-' || c == '~')
      single(Token::Kind::Not, 1);
    else if (c == '&')
      single(Token::Kind::And, text.substr(i, 2) == "&&" ? 2 : 1);
    else if (c == '|')
      single(Token::Kind::Or, text.substr(i, 2) == "||" ? 2 : 1);
    else if (c == '(')
      single(Token::Kind::Open, 1);
    else if (c == ')')
      single(Token::Kind::Close, 1);
    else if (is_name_char(c)) {
      std::size_t end = i;
      while (end < text.size() && is_name_char(text[end]))
        ++end;
      const std::string_view word = text.substr(i, end - i);
      Token::Kind kind = Token::Kind::Name;
      if (word == "not")
        kind = Token::Kind::Not;
      else if (word == "and")
        kind = Token::Kind::And;
      else if (word == "or")
        kind = Token::Kind::Or;
      else if (word == "if")
        kind = Token::Kind::If;
      else if (word == "iff")
        kind = Token::Kind::Iff;
      single(kind, end - i);
    } else {
      // One whole UTF-8 character, so that the message can quote it.
      std::size_t length = 1;
      while (i + length < text.size() && (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80)
        ++length;
      single(Token::Kind::Invalid, length);
    }
  }
  tokens.push_back({Token::Kind::End, {}, columns.at(text.size())});
  return tokens;
}

/// Recursive descent; nesting is bounded so that hostile input cannot exhaust the stack.
class Parser {
 public:
  Parser(std::string_view text, SourceLocation where, const OptionResolver& resolver, Diagnostics& diagnostics)
      : tokens_(tokenize(text)), where_(where), resolver_(resolver), diagnostics_(diagnostics) {}

  std::optional<Expression> statement() {
    auto left = disjunction(0);
    if (!left) return std::nullopt;
    const Token& t = peek();
    if (t.kind == Token::Kind::If || t.kind == Token::Kind::Iff) {
      next();
      auto right = disjunction(0);
      if (!right) return std::nullopt;
      Expression e;
      e.kind = t.kind == Token::Kind::If ? Expression::Kind::Implies : Expression::Kind::Iff;
      e.operands = {std::move(*left), std::move(*right)};
      left = std::move(e);
    }
    if (peek().kind != Token::Kind::End) {
      const Token& extra = peek();
      const bool statement_word = extra.kind == Token::Kind::If || extra.kind == Token::Kind::Iff;
      const char* what = extra.kind == Token::Kind::Invalid ? "unexpected character" : "unexpected";
      fail(extra, fmt::format("{} '{}'", what, extra.text),
           statement_word ? "'if' and 'iff' may appear once, at the top level of a statement"
                          : "join the parts with 'and' or 'or', or add parentheses");
      return std::nullopt;
    }
    return left;
  }

 private:
  static constexpr int kMaxDepth = 100;

  const Token& peek() const { return tokens_[position_]; }
  const Token& next() { return tokens_[position_++]; }

  void fail(const Token& t, std::string message, std::string help) {
    diagnostics_.error(where_.shifted(t.column), std::move(message), std::move(help));
  }

  std::optional<Expression> binary(int depth, Token::Kind op, Expression::Kind kind, bool conjunction) {
    auto first = conjunction ? unary(depth) : binary(depth, Token::Kind::And, Expression::Kind::And, true);
    if (!first) return std::nullopt;
    if (peek().kind != op) return first;
    Expression e;
    e.kind = kind;
    e.operands.push_back(std::move(*first));
    while (peek().kind == op) {
      next();
      auto more = conjunction ? unary(depth) : binary(depth, Token::Kind::And, Expression::Kind::And, true);
      if (!more) return std::nullopt;
      e.operands.push_back(std::move(*more));
    }
    return e;
  }

  std::optional<Expression> disjunction(int depth) {
    return binary(depth, Token::Kind::Or, Expression::Kind::Or, false);
  }

  std::optional<Expression> unary(int depth) {
    if (depth > kMaxDepth) {
      fail(peek(), fmt::format("expression nested more than {} levels deep", kMaxDepth),
           "simplify the expression or split it into several statements");
      return std::nullopt;
    }
    const Token& t = next();
    switch (t.kind) {
      case Token::Kind::Not: {
        auto operand = unary(depth + 1);
        if (!operand) return std::nullopt;
        Expression e;
        e.kind = Expression::Kind::Not;
        e.operands.push_back(std::move(*operand));
        return e;
      }
      case Token::Kind::Open: {
        auto inner = disjunction(depth + 1);
        if (!inner) return std::nullopt;
        if (peek().kind != Token::Kind::Close) {
          fail(peek(),
               peek().kind == Token::Kind::End ? "missing ')'" : fmt::format("expected ')' before '{}'", peek().text),
               fmt::format("close the '(' opened at column {}", where_.column + t.column));
          return std::nullopt;
        }
        next();
        return inner;
      }
      case Token::Kind::Name: return option(t);
      case Token::Kind::End:
        fail(t, "expression ends where an option was expected",
             "complete the expression with an option id, e.g. 'not accept'");
        return std::nullopt;
      case Token::Kind::Invalid:
        fail(t, fmt::format("unexpected character '{}'", t.text),
             "use option ids with not/!/-, and/&, or/|, parentheses, 'if' and 'iff'");
        return std::nullopt;
      default:
        fail(t, fmt::format("expected an option before '{}'", t.text),
             "each 'and', 'or', 'if', 'iff' needs an expression on both sides");
        return std::nullopt;
    }
  }

  std::optional<Expression> option(const Token& t) {
    std::string message, help;
    auto index = resolver_.resolve(t.text, message, help);
    if (!index) {
      fail(t, message, help);
      return std::nullopt;
    }
    Expression e;
    e.kind = Expression::Kind::Option;
    e.option = *index;
    return e;
  }

  std::vector<Token> tokens_;
  std::size_t position_ = 0;
  SourceLocation where_;
  const OptionResolver& resolver_;
  Diagnostics& diagnostics_;
};

}  // namespace

std::optional<Expression> parse_expression(std::string_view text, SourceLocation where, const OptionResolver& resolver,
                                           Diagnostics& diagnostics) {
  const std::size_t before = diagnostics.size();
  Parser parser(text, where, resolver, diagnostics);
  auto result = parser.statement();
  if (diagnostics.size() != before) return std::nullopt;
  return result;
}

}  // namespace parley
