// SPDX-License-Identifier: Apache-2.0
#include "parley/io/spatial_output.hpp"

#include <fmt/format.h>

namespace parley {

namespace {
Json number_or_null(const std::optional<double>& x) {
  return x ? Json(*x) : Json(nullptr);
}
std::string number_text(const std::optional<double>& x) {
  return x ? fmt::format("{:.6g}", *x) : "-";
}
}  // namespace

Json json_spatial_prediction(const Model& model, const SpatialPrediction& prediction) {
  Json issues = Json::object(), zones = Json::object();
  for (const IssuePrediction& p : prediction.issues) {
    const std::string& id = model.issues[static_cast<std::size_t>(p.issue)].id;
    issues[id] = {{"median", number_or_null(p.median)}, {"compromise", number_or_null(p.compromise)}};
    zones[id] =
        p.zone_of_agreement ? Json::array({p.zone_of_agreement->low, p.zone_of_agreement->high}) : Json(nullptr);
  }
  return {{"issues", std::move(issues)},
          {"zone_of_agreement", std::move(zones)},
          {"agreement_possible", prediction.agreement_possible}};
}

std::string text_spatial_prediction(const Model& model, const SpatialPrediction& prediction) {
  std::string out = fmt::format("{:<18} {:>14} {:>10} {:>11}  {}\n", "issue", "range", "median", "compromise",
                                "zone of agreement (inside every red line)");
  for (const IssuePrediction& p : prediction.issues) {
    const Issue& issue = model.issues[static_cast<std::size_t>(p.issue)];
    out += fmt::format(
        "{:<18} {:>14} {:>10} {:>11}  {}\n", issue.id, fmt::format("[{}, {}]", issue.range.low, issue.range.high),
        number_text(p.median), number_text(p.compromise),
        p.zone_of_agreement ? fmt::format("[{}, {}]", p.zone_of_agreement->low, p.zone_of_agreement->high)
                            : std::string("none: the red lines do not overlap"));
  }
  out += prediction.agreement_possible ? "A deal inside every party's red lines exists on every issue at once.\n"
                                       : "No deal satisfies every red line: some issue has no zone of agreement.\n";
  out += "(median and compromise weigh each party by capability x salience)\n";
  return out;
}

}  // namespace parley
