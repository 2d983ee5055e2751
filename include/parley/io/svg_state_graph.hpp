// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The state graph as an SVG picture: states in columns by how many options differ from the
/// status quo, each party's unilateral moves between them in the party's colour (improvements
/// solid with an arrow, other moves faint), equilibria filled by how many concepts hold them, the
/// status quo ringed, and one path drawn over the rest. The layout is computed, not random: the
/// same input gives the same bytes.

#include <optional>
#include <string>
#include <vector>

#include "parley/core/model.hpp"

namespace parley {

struct StateGraphPicture {
  std::vector<StateIndex> states;  ///< the states drawn (every move between two of them is drawn)
  /// Per drawn state (same order): under how many of `concept_count` concepts it is an equilibrium.
  std::vector<int> strength;
  /// Per drawn state: a plain-text note shown when the pointer rests on it (may be empty).
  std::vector<std::string> notes;
  int concept_count = 4;
  std::optional<StateIndex> status_quo;
  std::vector<StateIndex> path;  ///< states of a path to emphasise, in order (may be empty)
  std::string title;             ///< plain text: the picture's <title>
  std::string description;       ///< plain text: its <desc>
  /// Above this many moves between drawn states, moves that improve for nobody are left out.
  std::size_t faint_move_limit = 400;
};

/// A whole <svg> element (with xmlns, role="img", <title> and <desc>); ids start with "sg-".
std::string svg_state_graph(const Model& model, const StateGraphPicture& picture);

/// The colour the pictures give party `party` (the same in every picture of a report).
std::string party_colour(int party);

}  // namespace parley
