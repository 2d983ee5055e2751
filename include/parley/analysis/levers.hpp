// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Levers: single changes to one party's priority statements that make a target state an
/// equilibrium. Where inverse analysis (inverse.hpp) searches every ranking, a lever is the kind
/// of change pressure or persuasion can plausibly bring about: one concern becoming more or less
/// important, dropped, reversed, or newly held. Each is scored by the Kendall distance between
/// the party's preference today and after the change (pairs of states whose strict order
/// reverses), so the smallest changes come first.
#include <cstdint>
#include <string>
#include <vector>

#include "parley/analysis/concepts.hpp"
#include "parley/analysis/run_control.hpp"
#include "parley/core/model.hpp"

namespace parley {

/// One change to a party's priority list.
struct PriorityEdit {
  enum class Kind {
    Move,    ///< statement `statement` moves to place `place` (0 = most important)
    Drop,    ///< statement `statement` is no longer held
    Negate,  ///< statement `statement` is replaced by its opposite, in place
    Add,     ///< the new statement `text` is inserted at place `place`
  };
  Kind kind = Kind::Move;
  std::size_t statement = 0;
  std::size_t place = 0;
  std::string text;  ///< Add: the statement; Negate: the opposite as written
};

struct Lever {
  int party = 0;
  PriorityEdit edit;
  std::vector<std::string> priorities;  ///< the party's priority list after the change
  std::uint64_t distance = 0;           ///< Kendall distance from today's preference
};

struct ConceptLevers {
  Concept solution = Concept::Nash;
  std::vector<Lever> levers;  ///< by distance, then party, then kind (move, drop, negate, add)
};

struct LeverOptions {
  StateIndex target = 0;
  std::vector<int> parties;  ///< whose priorities may change (one at a time)
  std::vector<Concept> concepts = basic_concepts();
  /// Candidate changes times states examined at most; beyond it the search stops (see note).
  std::uint64_t budget = 200'000'000;
};

struct LeverResult {
  std::vector<ConceptLevers> concepts;
  /// Why some party's levers were not searched or the search stopped early; empty if complete.
  std::vector<std::string> notes;
};

/// Every single change to a listed party's priorities (move a statement to another place, drop it,
/// negate it, or add a one-option statement `X` or `not X` at any place) after which `target` is
/// an equilibrium under each concept, every other preference held fixed. Parties whose preference
/// is not given by priorities are skipped with a note. Changes that leave the party's ranking as it
/// is are not levers; changes giving the same ranking as an earlier one are listed once.
LeverResult find_levers(const Model& model, const LeverOptions& options, const CancelToken& cancel);

}  // namespace parley
