// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Reading GMCR+ save files (`.gmcr`, JSON written by the GMCR+ decision support system of Kinsara,
/// Petersons, Hipel & Kilgour) into a ModelDraft, which build_model then validates like any model.
///
/// What is read:
/// - `options`: each option's `name` and `permittedDirection` ("both"; "fwd" = take_only, N to Y;
///   "back" = withdraw_only, Y to N).
/// - `decisionMakers`: each one's `name`, `options` (indices into `options`), and either its
///   prioritized `preferences` or, when `useManualPreferenceRanking` (older files:
///   `useManualPreferenceVectors`) is true, its `preferenceRanking` (older: `preferenceVector`) of
///   GMCR+ state numbers, most preferred first, a nested list being a tie.
/// - `infeasibles`: conditions; a state matching one is dropped.
/// - `coalitions` (optional): the blocks of two or more decision makers become the draft's
///   `coalitions` (the coalition structure the analyses honour); every block, singletons included,
///   is also in GmcrExtras. `misperceptions`, `payoffs`,
///   `coalitionsFull`, `program` and `version` are ignored, as are unknown keys.
/// GMCR+ files have no status quo, no name and no separate mutually-exclusive groups (GMCR+ saves
/// those as pairwise infeasibles), so the draft has none either; it is named `default_name`.
///
/// Option order: like GMCR+ itself on loading, options are regrouped by decision maker, decision
/// makers in file order and each one's options in the order of its `options` list. That is the
/// draft's option order, so patterns are in it. Conditions (which name options by their index in
/// the file's `options` list) are translated to option ids, so they keep their meaning; GMCR+ state
/// numbers in manual rankings already refer to the regrouped order (GMCR+ numbers the feasible
/// states after regrouping) and become patterns in it.
///
/// Ids: each option's id is derived from its name (lower case, runs of other characters turned into
/// '_', e.g. "Modify control order" -> modify_control_order), a decision maker's id likewise but
/// keeping its case ("Local Government" -> Local_Government); `_2`, `_3` ... make ids unique, and the
/// original text is kept as the name.
///
/// Conditions become expressions over option ids: a list of [option, "Y"/"N"] pairs is a
/// conjunction ("delay and not accept"), a compound condition ({"compound": true, "members": [...]})
/// a disjunction of those. The compound shapes GMCR+'s editor makes for "q if p" and "q iff p" are
/// written back as `q if p` / `q iff p`.

#include <string>
#include <string_view>
#include <vector>

#include "parley/core/diagnostic.hpp"
#include "parley/core/model_draft.hpp"

namespace parley {

/// What a GMCR+ file holds beyond the draft.
struct GmcrExtras {
  /// Party ids per coalition, in file order (a decision maker alone is a coalition of one). Absent
  /// or invalid (not a partition of the decision makers) `coalitions` give one per party, as GMCR+
  /// does when it loads such a file.
  std::vector<std::vector<std::string>> coalitions;
};

/// True if the text looks like a GMCR+ save file: a JSON object with a `decisionMakers` key. Text
/// that is not valid JSON counts if it starts with '{' and mentions "decisionMakers", so that a broken
/// save file still gets this reader's error messages.
bool looks_like_gmcr(std::string_view text);

/// Parses the text of a GMCR+ save file into a draft. Every problem is reported in `diagnostics`
/// with its line and column and the JSON path of the value (e.g. `decisionMakers[1].options[0]`).
/// If any is reported, the draft is incomplete: report the errors rather than building it (other
/// errors would follow from the missing parts). `extras`, if given, receives the coalitions.
ModelDraft parse_gmcr_text(std::string_view text, const std::string& default_name, Diagnostics& diagnostics,
                           GmcrExtras* extras = nullptr);

}  // namespace parley
