// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Inverse analysis results as the contract's JSON and as sentences for a briefing.

#include <functional>
#include <string>

#include "parley/analysis/inverse.hpp"
#include "parley/analysis/levers.hpp"
#include "parley/io/json_output.hpp"

namespace parley {

Json json_inverse(const Model& model, const InverseResult& result);
std::string text_inverse(const Model& model, const InverseResult& result);

/// `levers`: {"gmr": {"total": n, "levers": [{"party", "change": {"kind": "move"|"drop"|"negate"|"add",
/// "statement", "from", "to"}, "distance", "priorities": [...]}]}, "notes": [...]}, the first
/// `limit` levers per concept.
Json json_levers(const Model& model, const LeverResult& levers, std::size_t limit);
std::string text_levers(const Model& model, const LeverResult& levers, std::size_t limit);
/// A lever's change in words, e.g. "raise 'ceasefire' from its 3rd priority to its 1st", each
/// statement passed through `quote` (quotes for the terminal, markup for a report).
std::string lever_edit_text(const Model& model, const Lever& lever,
                            const std::function<std::string(const std::string&)>& quote);

/// Margins of stability per concept, as {"margins": {"nash": [{"state", "distance", "party", "ranking"}]}}.
struct ConceptMargins {
  Concept solution = Concept::Nash;
  std::vector<StabilityMargin> margins;
};
Json json_margins(const Model& model, const std::vector<ConceptMargins>& margins);
std::string text_margins(const Model& model, const std::vector<ConceptMargins>& margins);

}  // namespace parley
