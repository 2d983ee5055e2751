// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The Graph Model's solution concepts (Fang, Hipel & Kilgour 1993) and their names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

enum class Concept {
  Nash,  ///< R: no unilateral improvement
  GMR,   ///< general metarationality: every improvement can be sanctioned
  SMR,   ///< symmetric metarationality: sanctioned, and the sanction cannot be escaped
  SEQ,   ///< sequential stability: sanctioned by the others' own improvements
  SIM,   ///< simultaneous sanctioning: sanctioned by the others moving at the same time
};

/// The concepts in their conventional order.
inline const std::vector<Concept>& all_concepts() {
  static const std::vector<Concept> all = {Concept::Nash, Concept::GMR, Concept::SMR, Concept::SEQ, Concept::SIM};
  return all;
}

/// The four basic concepts the JSON output lists by default.
inline const std::vector<Concept>& basic_concepts() {
  static const std::vector<Concept> basic = {Concept::Nash, Concept::GMR, Concept::SMR, Concept::SEQ};
  return basic;
}

/// "nash", "gmr", "smr", "seq", "sim": the keys of the JSON output and the --concepts flag.
std::string_view concept_key(Concept c);
/// Upper-case label for tables: "Nash", "GMR", ...
std::string_view concept_label(Concept c);
std::optional<Concept> parse_concept(std::string_view key);

}  // namespace parley
