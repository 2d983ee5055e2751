// SPDX-License-Identifier: Apache-2.0
#pragma once
/// How the report names things in words: parties, options, states and the changes between states,
/// as markup (report_document.hpp) with the model's own text escaped.

#include <optional>
#include <string>
#include <vector>

#include "parley/analysis/coalitions.hpp"
#include "parley/analysis/concepts.hpp"
#include "parley/analysis/paths.hpp"
#include "parley/core/model.hpp"

namespace parley::report {

/// The party's name, or its id when it has none (escaped).
std::string party_name(const Model& model, int party);
/// "US, EU and UKR" by names.
std::string coalition_words(const Model& model, Coalition coalition);
/// The option's name, or its id (escaped).
std::string option_name(const Model& model, int option);
/// `text` as a code span (backticks dropped from it).
std::string code(const std::string& text);
/// "state 12 `YNNY`".
std::string state_tag(const Model& model, StateIndex s);
/// What differs in `s` from `base`, in words: "Ukraine takes “Accept a ceasefire”; Russia drops
/// “Withdraw”". "the status quo itself" when equal. Without a base: the options taken.
std::string state_words(const Model& model, StateIndex s, std::optional<StateIndex> base);
/// The same, short, for tables: "+ceasefire_ukr −support" by option ids.
std::string state_delta(const Model& model, StateIndex s, std::optional<StateIndex> base);
/// One step of a path in words: "Russia takes “Accept a ceasefire”".
std::string step_words(const Model& model, StateIndex from, const PathStep& step);
/// "a, b and c".
std::string join_words(const std::vector<std::string>& items, const std::string& last = "and");
/// "1 equilibrium" / "3 equilibria".
std::string count_of(std::size_t n, const std::string& one, const std::string& many);
/// A number with at most `digits` significant digits, no trailing zeros.
std::string number(double x, int digits = 3);
/// "Nash", "GMR", ...: the labels of concepts joined in words.
std::string concept_list(const std::vector<Concept>& concepts);
/// One line for a minister: what stability under the concept means.
std::string concept_meaning(Concept c);
/// "short-sighted", ...: the kind of foresight a concept assumes.
std::string foresight(Concept c);

}  // namespace parley::report
