// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Status quo analysis as the contract's JSON and as a tree for a terminal.

#include <string>

#include "parley/analysis/paths.hpp"
#include "parley/analysis/stability.hpp"
#include "parley/io/json_output.hpp"

namespace parley {

/// {"from": pattern, "reachable": [{"pattern", "moves", "path": [{"party", "to"}]}]}.
Json json_paths(const Model& model, const PathsResult& paths);
/// {"pattern", "moves", "paths": [[steps]], "truncated"} for `--to`.
Json json_shortest_paths(const Model& model, StateIndex to, const AllShortestPaths& paths);

/// The evolution from the start as a tree of first-found shortest paths, each state marked with
/// the concepts under which it is an equilibrium; at most `max_lines` lines.
std::string text_paths(const Model& model, const PathsResult& paths, const StabilityResult& stability,
                       std::size_t max_lines = 200);
std::string text_shortest_paths(const Model& model, StateIndex from, StateIndex to, const AllShortestPaths& paths,
                                bool with_coalitions = false);

}  // namespace parley
