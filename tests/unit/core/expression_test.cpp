// SPDX-License-Identifier: Apache-2.0
#include "parley/core/expression.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace parley {
namespace {

/// Options a, b, c, d are bits 0..3; `P.x` is accepted for party P only.
class FourOptions : public OptionResolver {
 public:
  std::optional<int> resolve(std::string_view name, std::string& message, std::string& help) const override {
    std::string_view option = name;
    if (auto dot = name.find('.'); dot != std::string_view::npos) {
      if (name.substr(0, dot) != "P") {
        message = "wrong party";
        return std::nullopt;
      }
      option = name.substr(dot + 1);
    }
    if (option.size() == 1 && option[0] >= 'a' && option[0] <= 'd') return option[0] - 'a';
    message = "unknown option '" + std::string(name) + "'";
    help = "try a, b, c or d";
    return std::nullopt;
  }
};

std::optional<Expression> parse(const std::string& text, Diagnostics& d) {
  static const FourOptions resolver;
  return parse_expression(text, {3, 10}, resolver, d);
}

/// The truth table of an expression over a, b, c, d as a 16-bit mask.
unsigned truth_table(const std::string& text) {
  Diagnostics d;
  auto e = parse(text, d);
  EXPECT_TRUE(e) << text << ": " << (d.empty() ? "" : d.items()[0].message);
  if (!e) return 0;
  unsigned table = 0;
  for (unsigned s = 0; s < 16; ++s)
    if (e->evaluate(s)) table |= 1U << s;
  return table;
}

unsigned table_of(bool (*f)(bool, bool, bool, bool)) {
  unsigned table = 0;
  for (unsigned s = 0; s < 16; ++s)
    if (f(s & 1, s & 2, s & 4, s & 8)) table |= 1U << s;
  return table;
}

TEST(Expression, NegationInEveryNotation) {
  const unsigned expected = table_of([](bool a, bool, bool, bool) { return !a; });
  EXPECT_EQ(truth_table("not a"), expected);
  EXPECT_EQ(truth_table("!a"), expected);
  EXPECT_EQ(truth_table("-a"), expected);
  EXPECT_EQ(truth_table("- - -a"), expected);
}

TEST(Expression, AndBindsTighterThanOr) {
  const unsigned expected = table_of([](bool a, bool b, bool c, bool) { return a || (b && c); });
  EXPECT_EQ(truth_table("a or b and c"), expected);
  EXPECT_EQ(truth_table("a | b & c"), expected);
  EXPECT_EQ(truth_table("a || b && c"), expected);
  EXPECT_NE(truth_table("(a or b) and c"), expected);
}

TEST(Expression, NotBindsTighterThanAnd) {
  EXPECT_EQ(truth_table("not a and b"), table_of([](bool a, bool b, bool, bool) { return !a && b; }));
  EXPECT_EQ(truth_table("not (a and b)"), table_of([](bool a, bool b, bool, bool) { return !(a && b); }));
}

TEST(Expression, IfIsImplicationFromTheRight) {
  // `A if B` is true where B is false or A is true.
  EXPECT_EQ(truth_table("a if b"), table_of([](bool a, bool b, bool, bool) { return !b || a; }));
  EXPECT_EQ(truth_table("a and c if b or d"),
            table_of([](bool a, bool b, bool c, bool d) { return !(b || d) || (a && c); }));
}

TEST(Expression, IffIsAgreement) {
  EXPECT_EQ(truth_table("a iff not b"), table_of([](bool a, bool b, bool, bool) { return a == !b; }));
}

TEST(Expression, QualifiedNames) {
  EXPECT_EQ(truth_table("P.a and P.b"), truth_table("a & b"));
}

TEST(Expression, Support) {
  Diagnostics d;
  EXPECT_EQ(parse("a or (c and not a)", d)->support(), 0b0101U);
}

struct ErrorCase {
  std::string text;
  int column;  ///< expected column, where the text starts at column 10
  std::string message;
};

class ExpressionErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ExpressionErrors, PointAtTheOffendingToken) {
  const auto& c = GetParam();
  Diagnostics d;
  EXPECT_FALSE(parse(c.text, d));
  ASSERT_EQ(d.size(), 1U) << c.text;
  EXPECT_EQ(d.items()[0].where.line, 3);
  EXPECT_EQ(d.items()[0].where.column, c.column) << c.text;
  EXPECT_EQ(d.items()[0].message, c.message) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ExpressionErrors,
    ::testing::Values(ErrorCase{"a and e", 16, "unknown option 'e'"},
                      ErrorCase{"a and", 15, "expression ends where an option was expected"},
                      ErrorCase{"(a or b", 17, "missing ')'"}, ErrorCase{"a or b)", 16, "unexpected ')'"},
                      ErrorCase{"a b", 12, "unexpected 'b'"}, ErrorCase{"a # b", 12, "unexpected character '#'"},
                      ErrorCase{"a and or b", 16, "expected an option before 'or'"},
                      ErrorCase{"a if b if c", 17, "unexpected 'if'"},
                      ErrorCase{"", 10, "expression ends where an option was expected"},
                      ErrorCase{"a é b", 12, "unexpected character 'é'"}, ErrorCase{"Q.a", 10, "wrong party"}));

TEST(Expression, DeepNestingIsRefusedNotACrash) {
  Diagnostics d;
  const std::string deep = std::string(100000, '(') + "a" + std::string(100000, ')');
  EXPECT_FALSE(parse(deep, d));
  ASSERT_EQ(d.size(), 1U);
  EXPECT_NE(d.items()[0].message.find("nested more than"), std::string::npos);
  Diagnostics ok;
  EXPECT_TRUE(parse(std::string(50, '(') + "a" + std::string(50, ')'), ok));
}

TEST(Expression, LongChainsDoNotRecurse) {
  std::string chain = "a";
  for (int i = 0; i < 20000; ++i)
    chain += i % 2 ? " and b" : " or c";
  Diagnostics d;
  EXPECT_TRUE(parse(chain, d));
}

RC_GTEST_PROP(Expression, PartialEvaluationAgreesWithEveryCompletion, ()) {
  // Random expressions over four options, from a small grammar.
  const std::vector<std::string> atoms = {"a", "b", "c", "d", "not a", "-b", "!c"};
  std::string text = *rc::gen::elementOf(atoms);
  const int terms = *rc::gen::inRange(0, 5);
  for (int i = 0; i < terms; ++i) {
    text = "(" + text + ")" + *rc::gen::elementOf(std::vector<std::string>{" and ", " or ", " & ", " | "}) +
           *rc::gen::elementOf(atoms);
  }
  if (*rc::gen::arbitrary<bool>())
    text += *rc::gen::elementOf(std::vector<std::string>{" if ", " iff "}) + *rc::gen::elementOf(atoms);
  Diagnostics d;
  auto e = parse(text, d);
  RC_ASSERT(e.has_value());
  const unsigned known = *rc::gen::inRange(0U, 16U);
  const unsigned state = *rc::gen::inRange(0U, 16U) & known;
  const auto partial = e->evaluate_partial(state, known);
  bool all_true = true, all_false = true;
  for (unsigned rest = 0; rest < 16; ++rest) {
    if (rest & known) continue;
    const bool v = e->evaluate(state | rest);
    all_true &= v;
    all_false &= !v;
  }
  // Decided exactly when every completion agrees (the grammar has no tautologies that need case analysis
  // beyond single-variable ones, so "undecided" may be conservative but never wrong).
  if (partial) {
    const bool agrees = *partial ? all_true : all_false;
    RC_ASSERT(agrees);
  }
  if (known == 15U) RC_ASSERT(partial.has_value());
}

}  // namespace
}  // namespace parley
