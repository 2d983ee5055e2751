// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/levers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "parley/analysis/explain.hpp"
#include "parley/analysis/inverse.hpp"

namespace parley {

namespace {

/// A candidate priority list, most important first, and the change that made it.
struct Candidate {
  PriorityEdit edit;
  std::vector<const PriorityStatement*> statements;
  std::vector<PriorityStatement> owned;  ///< statements made for this candidate (negations, additions)
};

/// Payoffs by the priority rule (docs/model-format.md): the sum of 2^(K-1-j) over the statements j
/// true in the state.
Preference preference_of(const Model& model, const std::vector<const PriorityStatement*>& statements) {
  std::vector<std::uint64_t> payoff(model.states->size(), 0);
  const std::size_t k = statements.size();
  for (StateIndex s = 0; s < payoff.size(); ++s) {
    const StateBits bits = model.states->bits(s);
    for (std::size_t j = 0; j < k; ++j)
      if (statements[j]->expression.evaluate(bits)) payoff[s] |= std::uint64_t{1} << (k - 1 - j);
  }
  return Preference::from_values(payoff, Preference::Source::Priorities);
}

/// The expression as a statement parley reads back: `and` binds tighter than `or`, `if` and `iff`
/// only at the top.
std::string written(const Model& model, const Expression& e) {
  using Kind = Expression::Kind;
  auto operand = [&](const Expression& x, bool parenthesise) {
    const std::string text = written(model, x);
    return parenthesise ? "(" + text + ")" : text;
  };
  switch (e.kind) {
    case Kind::Option: return model.options[static_cast<std::size_t>(e.option)].id;
    case Kind::Not: {
      const Kind inner = e.operands[0].kind;
      return "not " + operand(e.operands[0], inner != Kind::Option && inner != Kind::Not);
    }
    case Kind::And:
    case Kind::Or: {
      std::string out;
      for (const Expression& x : e.operands) {
        if (!out.empty()) out += e.kind == Kind::And ? " and " : " or ";
        out +=
            operand(x, x.kind == Kind::Implies || x.kind == Kind::Iff || (e.kind == Kind::And && x.kind == Kind::Or));
      }
      return out;
    }
    case Kind::Implies:
    case Kind::Iff:
      return operand(e.operands[0], false) + (e.kind == Kind::Implies ? " if " : " iff ") +
             operand(e.operands[1], false);
  }
  return "";
}

Expression negation(const Expression& e) {
  using Kind = Expression::Kind;
  auto make = [](Kind kind, std::vector<Expression> operands) {
    Expression x;
    x.kind = kind;
    x.operands = std::move(operands);
    return x;
  };
  switch (e.kind) {
    case Kind::Implies:  // not (A if B) = B and not A
      return make(Kind::And, {e.operands[1], make(Kind::Not, {e.operands[0]})});
    case Kind::Iff:  // not (A iff B) = A iff not B
      return make(Kind::Iff, {e.operands[0], make(Kind::Not, {e.operands[1]})});
    case Kind::Not: return e.operands[0];
    default: return make(Kind::Not, {e});
  }
}

/// A fingerprint of a preference's levels (FNV-1a), to list each resulting ranking once without
/// keeping every one of them.
std::uint64_t fingerprint(const Preference& preference) {
  std::uint64_t h = 14695981039346656037ULL;
  for (std::uint32_t level : preference.levels()) {
    h ^= level;
    h *= 1099511628211ULL;
  }
  return h;
}

/// Every single change to the party's priority list, in the order levers are listed.
std::vector<Candidate> candidates_for(const Model& model, const Party& party) {
  const std::vector<PriorityStatement>& list = party.priorities;
  const std::size_t k = list.size();
  std::vector<Candidate> out;
  auto base = [&] {
    std::vector<const PriorityStatement*> v;
    for (const PriorityStatement& s : list)
      v.push_back(&s);
    return v;
  };
  for (std::size_t j = 0; j < k; ++j)
    for (std::size_t place = 0; place < k; ++place) {
      if (place == j) continue;
      Candidate c{{PriorityEdit::Kind::Move, j, place, {}}, base(), {}};
      const PriorityStatement* moved = c.statements[j];
      c.statements.erase(c.statements.begin() + static_cast<std::ptrdiff_t>(j));
      c.statements.insert(c.statements.begin() + static_cast<std::ptrdiff_t>(place), moved);
      out.push_back(std::move(c));
    }
  for (std::size_t j = 0; j < k && k > 1; ++j) {
    Candidate c{{PriorityEdit::Kind::Drop, j, j, {}}, base(), {}};
    c.statements.erase(c.statements.begin() + static_cast<std::ptrdiff_t>(j));
    out.push_back(std::move(c));
  }
  for (std::size_t j = 0; j < k; ++j) {
    Expression negated = negation(list[j].expression);
    const std::string text = written(model, negated);
    out.push_back({{PriorityEdit::Kind::Negate, j, j, text}, base(), {PriorityStatement{text, std::move(negated)}}});
  }
  if (k < 64) {
    std::set<std::string> held;
    for (const PriorityStatement& s : list)
      held.insert(s.text);
    for (int o = 0; o < model.option_count(); ++o)
      for (bool taken : {true, false}) {
        Expression literal;
        literal.option = o;
        std::string text = model.options[static_cast<std::size_t>(o)].id;
        if (!taken) {
          Expression inner = literal;
          literal = Expression{};
          literal.kind = Expression::Kind::Not;
          literal.operands.push_back(std::move(inner));
          text = "not " + text;
        }
        if (held.count(text) != 0) continue;
        for (std::size_t place = 0; place <= k; ++place)
          out.push_back({{PriorityEdit::Kind::Add, 0, place, text}, base(), {PriorityStatement{text, literal}}});
      }
  }
  // Point the new statements into place (after the moves above, so the pointers stay valid).
  for (Candidate& c : out) {
    if (c.owned.empty()) continue;
    if (c.edit.kind == PriorityEdit::Kind::Negate)
      c.statements[c.edit.statement] = &c.owned.front();
    else
      c.statements.insert(c.statements.begin() + static_cast<std::ptrdiff_t>(c.edit.place), &c.owned.front());
  }
  return out;
}

}  // namespace

LeverResult find_levers(const Model& model, const LeverOptions& options, const CancelToken& cancel) {
  LeverResult result;
  for (Concept c : options.concepts)
    result.concepts.push_back({c, {}});
  std::uint64_t spent = 0;
  for (int p : options.parties) {
    const Party& party = model.parties.at(static_cast<std::size_t>(p));
    if (party.priorities.empty()) {
      result.notes.push_back(fmt::format("{}: levers change priority statements, and its preference is given as a {}",
                                         party.id,
                                         party.option_count == 0 ? "party without options" : "ranking or payoffs"));
      continue;
    }
    std::vector<Candidate> candidates = candidates_for(model, party);
    const Preference& today = model.preferences[static_cast<std::size_t>(p)];
    std::set<std::uint64_t> seen = {fingerprint(today)};
    Model changed = model;
    for (Candidate& candidate : candidates) {
      if (cancel.cancelled()) throw Cancelled();
      spent += model.states->size();
      if (spent > options.budget) {
        result.notes.push_back(fmt::format(
            "{}: the search stopped after {} candidate changes times states (of {} candidates over {} states)",
            party.id, options.budget, candidates.size(), model.states->size()));
        break;
      }
      Preference after = preference_of(model, candidate.statements);
      if (!seen.insert(fingerprint(after)).second) continue;  // no change, or one already tried
      changed.preferences[static_cast<std::size_t>(p)] = after;
      const Explanation why = explain_state(changed, options.target, options.concepts, cancel);
      std::vector<std::string> texts;
      for (const PriorityStatement* s : candidate.statements)
        texts.push_back(s->text);
      const std::uint64_t distance = kendall_distance(today, after);
      for (std::size_t k = 0; k < options.concepts.size(); ++k) {
        const bool equilibrium = std::all_of(why.parties.begin(), why.parties.end(),
                                             [&](const PartyExplanation& e) { return e.concepts[k].stable; });
        if (equilibrium) result.concepts[k].levers.push_back({p, candidate.edit, texts, distance});
      }
    }
  }
  for (ConceptLevers& c : result.concepts)
    std::stable_sort(c.levers.begin(), c.levers.end(), [](const Lever& a, const Lever& b) {
      return a.distance != b.distance ? a.distance < b.distance : a.party < b.party;
    });
  return result;
}

}  // namespace parley
