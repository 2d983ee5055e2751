// SPDX-License-Identifier: Apache-2.0
#pragma once
/// What a report says, before it is written: the result of every analysis the report runs, and for
/// each part left out, why. Private to parley_io (report.hpp is the public face).

#include <optional>
#include <string>
#include <vector>

#include "parley/analysis/coalitions.hpp"
#include "parley/analysis/inverse.hpp"
#include "parley/analysis/levers.hpp"
#include "parley/analysis/limited_move.hpp"
#include "parley/analysis/partial_preferences.hpp"
#include "parley/analysis/paths.hpp"
#include "parley/analysis/spatial.hpp"
#include "parley/analysis/spatial_uncertainty.hpp"
#include "parley/analysis/stability.hpp"
#include "parley/io/inverse_output.hpp"
#include "parley/io/report.hpp"

namespace parley::report {

/// A state that is an equilibrium under at least one concept.
struct Settlement {
  StateIndex state = 0;
  std::vector<Concept> concepts;  ///< under which it is an equilibrium, in the order asked
  int moves = -1;                 ///< fewest improvements from the status quo; -1 if unreachable or no status quo
};

struct CoalitionPart {
  enum class Origin { None, Declared, Asked, Every, Aligned };
  Origin origin = Origin::None;
  std::vector<Coalition> coalitions;  ///< analysed, declared blocks first
  /// Aligned: per coalition, the least share of pairs of states two members order alike.
  std::vector<double> agreement;
  std::optional<CoalitionReport> report;
  std::vector<Concept> concepts;  ///< the individual concepts the report's slots stand for
  std::string note;               ///< why nothing was analysed, if so
};

struct ChangePart {
  std::optional<StateIndex> target;
  bool target_chosen = false;           ///< chosen by the report (not asked for)
  std::vector<Concept> unstable_under;  ///< concepts (Nash, GMR, SMR, SEQ) under which the target is not an equilibrium
  std::optional<LeverResult> levers;
  std::optional<InverseResult> inverse;
  std::string note;
};

struct Content {
  ReportOptions options;
  // The strategic part (models with options).
  std::optional<StabilityResult> stability;
  std::vector<Settlement> settlements;  ///< most concepts first, then fewest moves, then state number
  std::optional<PathsResult> paths;     ///< from the status quo, honouring the model's coalition structure
  std::vector<int> moves;               ///< per state: fewest improvements from the status quo, -1 if none
  CoalitionPart coalitions;
  ChangePart change;
  std::vector<ConceptMargins> margins;  ///< the equilibria chosen for margins, per concept
  std::string margins_note;
  std::optional<PartialResult> partial;
  std::string partial_note;
  std::optional<LimitedMoveResult> limited;
  std::string limited_note;
  // The spatial part (models with issues).
  std::optional<SpatialPrediction> spatial;
  std::optional<UncertaintyResult> sampled;
  std::string sampled_note;

  /// The concepts under which `s` is an equilibrium.
  [[nodiscard]] std::vector<Concept> equilibrium_concepts(StateIndex s) const;
  /// The settlement entry of `s`, or nullptr.
  [[nodiscard]] const Settlement* settlement(StateIndex s) const;
};

/// Runs every analysis within `options.limits`.
Content gather_content(const Model& model, const ReportOptions& options, const CancelToken& cancel);

/// Share of the pairs of states ordered strictly by both parties that they order the same way
/// (1 = the same ranking, 0 = opposite rankings); 0.5 when no pair is strictly ordered by both.
double ranking_agreement(const Model& model, int a, int b);

}  // namespace parley::report
