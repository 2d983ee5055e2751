// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The JSON answer of each analysis command, assembled once for every front end: `parley analyze
/// --json` and `POST /api/analyze` print the same value, so they cannot drift apart.

#include <chrono>
#include <optional>
#include <vector>

#include "parley/analysis/coalitions.hpp"
#include "parley/analysis/limited_move.hpp"
#include "parley/analysis/paths.hpp"
#include "parley/analysis/run_control.hpp"
#include "parley/analysis/spatial.hpp"
#include "parley/analysis/spatial_uncertainty.hpp"
#include "parley/analysis/stability.hpp"
#include "parley/io/inverse_output.hpp"
#include "parley/io/json_output.hpp"

namespace parley {

/// What `analyze` computes, with every name already resolved against the model.
struct AnalyzeRequest {
  std::vector<Concept> concepts = basic_concepts();
  /// One concept per party (`--per-party`), if given; its concepts are analysed too.
  std::optional<std::vector<Concept>> per_party;
  std::vector<Coalition> coalitions;  ///< named with --coalition or --coalitions
  std::vector<Coalition> structure;   ///< the model's coalitions, unless --alone
  int horizon = 0;                    ///< limited move L1..horizon (two parties) when positive
  bool only_equilibria = false;
};

struct AnalyzeResults {
  StabilityResult stability;
  std::optional<CoalitionReport> coalitional;
  std::optional<LimitedMoveResult> limited;
};

/// Runs every analysis the request asks for.
AnalyzeResults run_analyze(const Model& model, const AnalyzeRequest& request, Progress& progress,
                           const CancelToken& cancel);
/// The JSON of `parley analyze --json` (docs/model-format.md).
Json json_analyze(const Model& model, const AnalyzeRequest& request, const AnalyzeResults& results);

/// The JSON of `parley paths --json --to`: the start and every shortest path to the target.
Json json_paths_between(const Model& model, StateIndex from, StateIndex to, const AllShortestPaths& paths);

/// The JSON of `parley predict --json`: the prediction and, if sampled, its `uncertainty`.
Json json_predict(const Model& model, const SpatialPrediction& prediction,
                  const std::optional<UncertaintyResult>& sampled);

/// `parley robustness`: the margin of stability of every equilibrium under each concept (not SIM).
/// `solver_limit` bounds each exact SMR search.
std::vector<ConceptMargins> run_robustness(const Model& model, const std::vector<Concept>& concepts,
                                           std::chrono::milliseconds solver_limit, Progress& progress,
                                           const CancelToken& cancel);

}  // namespace parley
