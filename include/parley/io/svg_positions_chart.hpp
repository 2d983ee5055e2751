// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The positions chart as an SVG picture: one panel per issue, on the scale, with each
/// party's position (a dot sized by salience), its red line (a bar), the zone of agreement shaded,
/// where the issue stands today, and the forecasts of the weighted median, the compromise, the
/// Nash bargaining solution, the expected-utility model and the SMP (with their Monte Carlo spread
/// when sampled).

#include <string>

#include "parley/analysis/spatial.hpp"
#include "parley/analysis/spatial_uncertainty.hpp"
#include "parley/core/model.hpp"

namespace parley {

struct PositionsPicture {
  std::string title;                           ///< plain text: the picture's <title>
  std::string description;                     ///< plain text: its <desc>
  const UncertaintyResult* sampled = nullptr;  ///< percentiles to draw, if any
};

/// A whole <svg> element (with xmlns, role="img", <title> and <desc>); ids start with "pc-".
std::string svg_positions_chart(const Model& model, const SpatialPrediction& prediction,
                                const PositionsPicture& picture);

}  // namespace parley
