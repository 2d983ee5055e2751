// SPDX-License-Identifier: Apache-2.0
#include "parley/io/command_answers.hpp"

#include <algorithm>

#include "parley/analysis/inverse.hpp"

#include "parley/io/paths_output.hpp"
#include "parley/io/spatial_output.hpp"
#include "parley/io/stability_output.hpp"

namespace parley {

AnalyzeResults run_analyze(const Model& model, const AnalyzeRequest& request, Progress& progress,
                           const CancelToken& cancel) {
  std::vector<Concept> concepts = request.concepts;
  if (request.per_party)
    for (Concept c : *request.per_party)
      if (std::find(concepts.begin(), concepts.end(), c) == concepts.end()) concepts.push_back(c);
  AnalyzeResults results{analyze_stability(model, {concepts}, progress, cancel), std::nullopt, std::nullopt};
  if (!request.coalitions.empty() || !request.structure.empty())
    results.coalitional = analyze_coalitions(model, results.stability, request.coalitions, request.structure, cancel);
  if (request.horizon > 0) results.limited = analyze_limited_move(model, {request.horizon, true}, progress, cancel);
  return results;
}

Json json_analyze(const Model& model, const AnalyzeRequest& request, const AnalyzeResults& results) {
  const bool everything = !request.only_equilibria;
  Json out = json_header(model);
  if (everything) {
    out["states"] = json_states(model);
    out["stability"] = json_stability(model, results.stability);
  }
  out["equilibria"] = json_equilibria(model, results.stability);
  if (results.limited) out["limited_move"] = json_limited_move(model, *results.limited);
  if (const auto& coalitional = results.coalitional) {
    if (everything) {
      out["coalition_stability"] = json_coalition_stability(model, coalitional->stability);
      out["coalition_effects"] = json_coalition_effects(model, *coalitional);
    }
    out["coalition_equilibria"] = json_coalition_equilibria(model, results.stability, coalitional->stability);
    if (!request.structure.empty()) out["coalition_structure"] = json_coalition_structure(model, *coalitional);
  }
  if (request.per_party)
    out["equilibria_per_party"] = json_per_party_equilibria(model, results.stability, *request.per_party);
  if (everything) out["preferences"] = json_preferences(model);
  return out;
}

Json json_paths_between(const Model& model, StateIndex from, StateIndex to, const AllShortestPaths& paths) {
  return {{"from", model.pattern(from)}, {"to", json_shortest_paths(model, to, paths)}};
}

Json json_predict(const Model& model, const SpatialPrediction& prediction,
                  const std::optional<UncertaintyResult>& sampled) {
  Json out = json_spatial_prediction(model, prediction);
  if (sampled) out["uncertainty"] = json_uncertainty(model, *sampled);
  return out;
}

std::vector<ConceptMargins> run_robustness(const Model& model, const std::vector<Concept>& concepts,
                                           std::chrono::milliseconds solver_limit, Progress& progress,
                                           const CancelToken& cancel) {
  const StabilityResult stability = analyze_stability(model, {concepts}, progress, cancel);
  std::vector<ConceptMargins> margins;
  for (Concept c : concepts) {
    std::vector<StateIndex> equilibria;
    const StateSet eq = stability.equilibria(c);
    for (StateIndex s = 0; s < eq.size(); ++s)
      if (eq[s]) equilibria.push_back(s);
    margins.push_back({c, stability_margins(model, c, equilibria, cancel, solver_limit)});
  }
  return margins;
}

}  // namespace parley
