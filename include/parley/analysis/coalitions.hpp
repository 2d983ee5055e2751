// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Coalitional moves and improvements (Kilgour, Hipel, Fang & Peng 2001): a coalition moves by a
/// legal sequence of its members' unilateral moves (no member twice in a row); the move is a
/// coalitional improvement when every member strictly prefers where it ends to where it began.

#include <cstdint>
#include <string>
#include <vector>

#include "parley/analysis/explain.hpp"
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

/// Every coalitional improvement of `coalition` from `from`, in state order.
std::vector<JointMove> coalitional_improvements(const Model& model, Coalition coalition, StateIndex from);

}  // namespace parley
