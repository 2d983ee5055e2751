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

/// The equilibria of a coalition structure under concept `k` of `coalitional` (docs/coalitions.md,
/// "Under a coalition structure"): the states stable for every block of `blocks` (each one of
/// `coalitional.coalitions`, disjoint) as a coalition and, under the individual concept, for every
/// party in no block. The members of a block move only together, so this can hold states that are
/// not equilibria when every party acts alone.
StateSet structure_equilibria(const Model& model, const StabilityResult& individual,
                              const CoalitionStability& coalitional, std::size_t k,
                              const std::vector<Coalition>& blocks);

/// A state that becomes an equilibrium once a coalition acts as one, and why it was not before:
/// `member` had a unilateral improvement to `forgone` that nothing deterred, which the coalition,
/// moving only where every member gains and only if not deterred, does not make.
struct CreatedEquilibrium {
  StateIndex state = 0;
  int member = 0;
  StateIndex forgone = 0;
};

/// What one coalition acting as one does to one concept's equilibria (docs/coalitions.md, "The
/// coalition report"): the structure in which it acts together and every other party alone,
/// compared with every party alone.
struct CoalitionEffect {
  Coalition coalition = 0;
  /// Equilibria it unsettles, each with its undeterred coalitional improvements.
  std::vector<std::pair<StateIndex, std::vector<JointMove>>> destroyed;
  std::vector<CreatedEquilibrium> created;
};

/// The effect of each coalition of `coalitional` under its concept `k`.
std::vector<CoalitionEffect> coalition_effects(const Model& model, const StabilityResult& individual,
                                               const CoalitionStability& coalitional, std::size_t k,
                                               const CancelToken& cancel);

/// The coalition report: stability for each coalition, what each does to the equilibria, and the
/// equilibria of the model's own coalition structure (`Model::coalitions`), each per concept.
struct CoalitionReport {
  CoalitionStability stability;
  std::vector<std::vector<CoalitionEffect>> effects;  ///< [concept][coalition]
  std::vector<Coalition> blocks;                      ///< the coalition structure analysed, if any
  std::vector<StateSet> structure;                    ///< [concept]: its equilibria; empty if no blocks
};

/// Analyses `coalitions` and the blocks of `structure` (disjoint; added when not named; usually
/// `Model::coalitions`) under the coalition counterparts of `individual`'s concepts.
CoalitionReport analyze_coalitions(const Model& model, const StabilityResult& individual,
                                   std::vector<Coalition> coalitions, const std::vector<Coalition>& structure,
                                   const CancelToken& cancel);

}  // namespace parley
