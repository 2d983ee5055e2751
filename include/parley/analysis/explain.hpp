// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Why a state is or is not stable: for each party and concept, its unilateral improvements and,
/// for each, the sanction that deters it (who moves where) or why none exists.

#include <optional>
#include <vector>

#include "parley/analysis/concepts.hpp"
#include "parley/analysis/run_control.hpp"
#include "parley/core/model.hpp"

namespace parley {

/// One move of a party to a state.
struct Move {
  int party = 0;
  StateIndex to = 0;
};

/// How one improvement fares under one concept.
struct ImprovementVerdict {
  StateIndex to = 0;  ///< the improvement s1
  bool deterred = false;
  /// When deterred (not Nash): a shortest sequence of the other parties' moves from s1 to a state
  /// s2 the party does not prefer to where it started; for SIM, their simultaneous moves from s.
  std::vector<Move> sanction;
  /// SMR only, when not deterred although sanctions exist: a sanction and the party's escape
  /// from its end to a state it prefers to where it started.
  std::vector<Move> escaped_sanction;
  std::optional<StateIndex> escape;
  /// SIM only, when deterred: where the simultaneous moves land together.
  std::optional<StateIndex> outcome;
};

struct ConceptVerdict {
  Concept concept_ = Concept::Nash;
  bool stable = true;
  std::vector<ImprovementVerdict> improvements;  ///< one per unilateral improvement, in state order
};

struct PartyExplanation {
  int party = 0;
  std::vector<ConceptVerdict> concepts;
};

struct Explanation {
  StateIndex state = 0;
  std::vector<PartyExplanation> parties;
};

/// Explains `state` under each of `concepts`.
Explanation explain_state(const Model& model, StateIndex state, const std::vector<Concept>& concepts,
                          const CancelToken& cancel);

}  // namespace parley
