// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Coalitional moves and improvements (Kilgour, Hipel, Fang & Peng 2001): a coalition moves by a
/// legal sequence of its members' unilateral moves (no member twice in a row); the move is a
/// coalitional improvement when every member strictly prefers where it ends to where it began.

#include <cstdint>
#include <string>
#include <vector>

#include "parley/analysis/explain.hpp"
#include "parley/analysis/stability.hpp"

#include <optional>
#include <string_view>
#include "parley/core/model.hpp"

namespace parley {

/// A set of parties as a bit mask (bit i = party i); models have at most 32 parties here.
using Coalition = std::uint32_t;

/// Every coalition of two or more parties, smallest first.
std::vector<Coalition> all_coalitions(const Model& model);
/// "MoE+UR".
std::string coalition_name(const Model& model, Coalition c);
/// The coalition named "A,B" or "A+B", or 0 with `why` set.
Coalition parse_coalition(const Model& model, const std::string& text, std::string& why);

/// A coalitional improvement: where it ends and one shortest joint move that gets there.
struct JointMove {
  StateIndex to = 0;
  std::vector<Move> steps;
};

/// Every coalitional move of `coalition` from `from` (R_H), each with one shortest joint move, in
/// state order; `improving_only`: each member's step must improve for that member (for sanctions).
std::vector<JointMove> coalitional_moves(const Model& model, Coalition coalition, StateIndex from,
                                         bool improving_only = false);

/// True if every member of `coalition` strictly prefers `to` to `from` (and has preferences).
bool every_member_prefers(const Model& model, Coalition coalition, StateIndex to, StateIndex from);

/// Every coalitional improvement of `coalition` from `from`, in state order.
std::vector<JointMove> coalitional_improvements(const Model& model, Coalition coalition, StateIndex from);

/// The coalition stability concepts (docs/coalitions.md; Kilgour, Hipel, Fang & Peng 2001;
/// Inohara & Hipel 2008). The parties outside the coalition sanction as individuals.
enum class CoalitionConcept { CNash, CGMR, CSMR, CSEQ };

/// The coalitional improvements of `coalition` from `s` that nothing deters under `c`: a move to t is
/// deterred (CGMR) if the others can reach from t a state some member likes no better than s;
/// (CSMR) and from which the coalition cannot move on to a state every member prefers to s;
/// (CSEQ) by steps that each improve for the party taking it. s is stable iff none is left.
std::vector<JointMove> undeterred_coalitional_improvements(const Model& model, CoalitionConcept c, Coalition coalition,
                                                           StateIndex s);

/// "CNash", ...; and the non-cooperative concept each generalises (Nash, GMR, SMR, SEQ).
std::string_view coalition_concept_label(CoalitionConcept c);
Concept individual_concept(CoalitionConcept c);
/// The coalition concept for Nash, GMR, SMR or SEQ; nullopt for SIM.
std::optional<CoalitionConcept> coalition_concept(Concept c);

/// Which states are stable for each coalition under each concept. Cost: a search per coalitional
/// improvement, so it is meant for conflicts of up to some thousands of states.
struct CoalitionStability {
  std::vector<CoalitionConcept> concepts;
  std::vector<Coalition> coalitions;
  std::vector<std::vector<StateSet>> stable;  ///< [concept][coalition]
};

CoalitionStability analyze_coalition_stability(const Model& model, const std::vector<CoalitionConcept>& concepts,
                                               const std::vector<Coalition>& coalitions, const CancelToken& cancel);

}  // namespace parley
