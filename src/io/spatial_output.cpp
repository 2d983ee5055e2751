// SPDX-License-Identifier: Apache-2.0
#include "parley/io/spatial_output.hpp"

#include <fmt/format.h>
#include <optional>

#include <array>

namespace parley {

namespace {
Json number_or_null(const std::optional<double>& x) {
  return x ? Json(*x) : Json(nullptr);
}
std::string number_text(const std::optional<double>& x) {
  return x ? fmt::format("{:.6g}", *x) : "-";
}

std::optional<double> nbs_on(const SpatialPrediction& prediction, std::size_t issue) {
  if (!prediction.nbs.solution) return std::nullopt;
  return prediction.nbs.solution->point[issue];
}
std::optional<double> on(const std::vector<std::optional<double>>& per_issue, std::size_t issue) {
  return issue < per_issue.size() ? per_issue[issue] : std::nullopt;
}

/// {issue: value} for one round.
Json per_issue(const Model& model, const std::vector<std::optional<double>>& values) {
  Json out = Json::object();
  for (std::size_t k = 0; k < values.size(); ++k)
    out[model.issues[k].id] = number_or_null(values[k]);
  return out;
}

/// {party: {issue: position}} for one round.
Json positions(const Model& model, const SpatialScene& scene, const std::vector<std::vector<double>>& where) {
  Json out = Json::object();
  for (std::size_t a = 0; a < where.size(); ++a) {
    Json p = Json::object();
    for (std::size_t k = 0; k < where[a].size(); ++k)
      p[model.issues[k].id] = where[a][k];
    out[model.parties[static_cast<std::size_t>(scene.actors[a].party)].id] = std::move(p);
  }
  return out;
}

Json eum_json(const Model& model, const SpatialScene& scene, const EumResult& eum) {
  Json trajectory = Json::array();
  for (const EumRound& round : eum.trajectory)
    trajectory.push_back({{"positions", positions(model, scene, round.positions)},
                          {"median", per_issue(model, round.median)},
                          {"mean", per_issue(model, round.mean)}});
  // Extension: how each issue's run ended (each issue is its own run; a cycling issue's forecast is
  // the mean of its cycle).
  Json by_issue = Json::object();
  for (std::size_t k = 0; k < eum.issues.size(); ++k) {
    const EumIssueRun& run = eum.issues[k];
    Json entry{{"rounds", run.rounds}, {"stop", eum_stop_name(run.stop)}};
    if (run.stop == EumIssueRun::Stop::cycle) entry["cycle_length"] = run.cycle_length;
    by_issue[model.issues[k].id] = std::move(entry);
  }
  return {{"rounds", eum.rounds},
          {"converged", eum.converged},
          {"issues", std::move(by_issue)},
          {"trajectory", std::move(trajectory)}};
}

Json smp_json(const Model& model, const SpatialScene& scene, const SmpResult& smp) {
  Json trajectory = Json::array();
  for (const SmpRound& round : smp.trajectory)
    trajectory.push_back(
        {{"positions", positions(model, scene, round.positions)}, {"forecast", per_issue(model, round.forecast)}});
  return {{"rounds", smp.rounds}, {"converged", smp.converged}, {"trajectory", std::move(trajectory)}};
}

std::string convergence_text(const char* name, int rounds, bool converged) {
  return fmt::format("{}: {} round{}, {}", name, rounds, rounds == 1 ? "" : "s",
                     converged ? "settled" : "stopped at the round limit before settling");
}
}  // namespace

const char* eum_stop_name(EumIssueRun::Stop stop) {
  switch (stop) {
    case EumIssueRun::Stop::settled: return "settled";
    case EumIssueRun::Stop::cycle: return "cycle";
    default: return "round_limit";
  }
}

std::string eum_run_text(const Model& model, const EumResult& eum) {
  const auto rounds = [](int n) { return fmt::format("{} round{}", n, n == 1 ? "" : "s"); };
  if (eum.issues.size() == 1) {
    const EumIssueRun& run = eum.issues[0];
    switch (run.stop) {
      case EumIssueRun::Stop::settled: return "settled after " + rounds(run.rounds);
      case EumIssueRun::Stop::cycle:
        return fmt::format("entered a cycle of {} at round {} (forecast: the cycle's mean)", rounds(run.cycle_length),
                           run.rounds);
      default: return rounds(run.rounds) + ", stopped at the round limit before settling";
    }
  }
  std::vector<std::string> parts;
  bool cycles = false;
  for (std::size_t k = 0; k < eum.issues.size(); ++k) {
    const EumIssueRun& run = eum.issues[k];
    const std::string& id = model.issues[k].id;
    switch (run.stop) {
      case EumIssueRun::Stop::settled: parts.push_back(fmt::format("{} settled at round {}", id, run.rounds)); break;
      case EumIssueRun::Stop::cycle:
        parts.push_back(fmt::format("{} cycles ({} rounds) from round {}", id, run.cycle_length, run.rounds));
        cycles = true;
        break;
      default: parts.push_back(id + " still moving at the limit");
    }
  }
  return fmt::format("{}: {}{}", rounds(eum.rounds), fmt::join(parts, ", "),
                     cycles ? " (a cycling issue's forecast is its cycle's mean)" : "");
}

Json json_spatial_prediction(const Model& model, const SpatialPrediction& prediction) {
  Json issues = Json::object(), zones = Json::object();
  for (const IssuePrediction& p : prediction.issues) {
    const std::size_t k = static_cast<std::size_t>(p.issue);
    const std::string& id = model.issues[k].id;
    issues[id] = {{"median", number_or_null(p.median)},
                  {"compromise", number_or_null(p.compromise)},
                  {"nbs", number_or_null(nbs_on(prediction, k))},
                  {"eum", number_or_null(on(prediction.eum.forecast, k))},
                  {"smp", number_or_null(on(prediction.smp.forecast, k))}};
    zones[id] =
        p.zone_of_agreement ? Json::array({p.zone_of_agreement->low, p.zone_of_agreement->high}) : Json(nullptr);
  }
  Json concessions = Json::object();
  for (const ZoneOpening& opening : prediction.openings) {
    Json parties = Json::array();
    for (const Concession& c : opening.concessions)
      parties.push_back({{"party", model.parties[static_cast<std::size_t>(c.party)].id},
                         {"from", c.from},
                         {"to", c.to},
                         {"distance", c.distance}});
    concessions[model.issues[static_cast<std::size_t>(opening.issue)].id] = {
        {"point", opening.point}, {"total", opening.total}, {"parties", std::move(parties)}};
  }
  const SpatialScene scene = spatial_scene(model);
  Json out = {{"issues", std::move(issues)},
              {"zone_of_agreement", std::move(zones)},
              {"agreement_possible", prediction.agreement_possible},
              {"concessions", std::move(concessions)},
              {"nbs", nullptr},
              {"eum", eum_json(model, scene, prediction.eum)},
              {"smp", smp_json(model, scene, prediction.smp)}};
  if (prediction.nbs.solution)
    out["nbs"] = {{"objective", prediction.nbs.solution->objective}};
  else
    out["nbs_note"] = prediction.nbs.reason;
  return out;
}

std::string text_spatial_prediction(const Model& model, const SpatialPrediction& prediction) {
  std::string out = fmt::format("{:<18} {:>14} {:>10} {:>11} {:>10} {:>10} {:>10}  {}\n", "issue", "range", "median",
                                "compromise", "nash", "eum", "smp", "zone of agreement (inside every red line)");
  for (const IssuePrediction& p : prediction.issues) {
    const std::size_t k = static_cast<std::size_t>(p.issue);
    const Issue& issue = model.issues[k];
    out +=
        fmt::format("{:<18} {:>14} {:>10} {:>11} {:>10} {:>10} {:>10}  {}\n", issue.id,
                    fmt::format("[{}, {}]", issue.range.low, issue.range.high), number_text(p.median),
                    number_text(p.compromise), number_text(nbs_on(prediction, k)),
                    number_text(on(prediction.eum.forecast, k)), number_text(on(prediction.smp.forecast, k)),
                    p.zone_of_agreement ? fmt::format("[{}, {}]", p.zone_of_agreement->low, p.zone_of_agreement->high)
                                        : std::string("none: the red lines do not overlap"));
  }
  out += prediction.agreement_possible ? "A deal inside every party's red lines exists on every issue at once.\n"
                                       : "No deal satisfies every red line: some issue has no zone of agreement.\n";
  for (const ZoneOpening& opening : prediction.openings) {
    std::vector<std::string> moves;
    for (const Concession& c : opening.concessions)
      moves.push_back(fmt::format("{} from {} to {} ({} further)", model.parties[static_cast<std::size_t>(c.party)].id,
                                  c.from, c.to, c.distance));
    out += fmt::format("  {}: the smallest concessions open a deal at {}: {} (in all {})\n",
                       model.issues[static_cast<std::size_t>(opening.issue)].id, opening.point,
                       fmt::format("{}", fmt::join(moves, "; ")), opening.total);
  }
  out += "(median and compromise weigh each party by capability x salience)\n";
  if (!prediction.nbs.solution) out += fmt::format("nash: none, {}\n", prediction.nbs.reason);
  out +=
      "(nash: Nash bargaining over all issues; eum: Bueno de Mesquita's expected-utility model, the median of\n"
      " the final positions; smp: KTAB-style spatial model of politics, the expected final position)\n";
  out += "eum: " + eum_run_text(model, prediction.eum) + "; " +
         convergence_text("smp", prediction.smp.rounds, prediction.smp.converged) + "\n";
  return out;
}

namespace {
const std::array<std::pair<const char*, SampledPrediction IssueSamples::*>, 5> kSampledModels = {{
    {"median", &IssueSamples::median},
    {"compromise", &IssueSamples::compromise},
    {"nbs", &IssueSamples::nbs},
    {"eum", &IssueSamples::eum},
    {"smp", &IssueSamples::smp},
}};
}  // namespace

Json json_uncertainty(const Model& model, const UncertaintyResult& result) {
  Json issues = Json::object();
  for (std::size_t i = 0; i < result.issues.size(); ++i) {
    Json models = Json::object();
    for (const auto& [key, member] : kSampledModels) {
      const SampledPrediction& p = result.issues[i].*member;
      models[key] = p.percentiles
                        ? Json{{"p5", p.percentiles->p5},   {"p25", p.percentiles->p25}, {"p50", p.percentiles->p50},
                               {"p75", p.percentiles->p75}, {"p95", p.percentiles->p95}, {"samples", p.present}}
                        : Json(nullptr);
    }
    issues[model.issues[i].id] = std::move(models);
  }
  Json zone_share = Json::object();
  for (std::size_t i = 0; i < result.zone_share.size(); ++i)
    zone_share[model.issues[i].id] = result.zone_share[i];
  return {{"samples", result.samples},
          {"seed", result.seed},
          {"uncertain_numbers", result.uncertain_numbers},
          {"agreement_share", result.agreement_share},
          {"zone_share", zone_share},
          {"issues", std::move(issues)}};
}

std::string text_uncertainty(const Model& model, const UncertaintyResult& result) {
  std::string out = fmt::format(
      "Uncertainty: {} samples (seed {}) over {} uncertain number{}, each drawn from a triangular distribution "
      "on its interval peaking at the stated value.\n",
      result.samples, result.seed, result.uncertain_numbers, result.uncertain_numbers == 1 ? "" : "s");
  if (result.uncertain_numbers == 0)
    out += "The model gives no `uncertainty` intervals, so every sample is the same.\n";
  out += fmt::format("{:<18} {:<11} {:>10} {:>10} {:>10} {:>10} {:>10}\n", "issue", "model", "p5", "p25", "median",
                     "p75", "p95");
  for (std::size_t i = 0; i < result.issues.size(); ++i)
    for (const auto& [key, member] : kSampledModels) {
      const SampledPrediction& p = result.issues[i].*member;
      if (!p.percentiles) continue;
      out +=
          fmt::format("{:<18} {:<11} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g}{}\n", model.issues[i].id, key,
                      p.percentiles->p5, p.percentiles->p25, p.percentiles->p50, p.percentiles->p75, p.percentiles->p95,
                      p.present < result.samples ? fmt::format("  (in {} samples)", p.present) : std::string());
    }
  out += fmt::format("A deal inside every red line exists in {:.0f}% of the samples", 100 * result.agreement_share);
  std::vector<std::string> partly;
  for (std::size_t i = 0; i < result.zone_share.size(); ++i)
    if (result.zone_share[i] > 0 && result.zone_share[i] < 1)
      partly.push_back(fmt::format("{} {:.0f}%", model.issues[i].id, 100 * result.zone_share[i]));
  out += partly.empty() ? ".\n" : fmt::format(" (a zone on {}).\n", fmt::join(partly, ", "));
  return out;
}

}  // namespace parley
