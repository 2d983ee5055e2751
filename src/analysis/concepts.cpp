// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/concepts.hpp"

namespace parley {

std::string_view concept_key(Concept c) {
  switch (c) {
    case Concept::Nash: return "nash";
    case Concept::GMR: return "gmr";
    case Concept::SMR: return "smr";
    case Concept::SEQ: return "seq";
    case Concept::SIM: return "sim";
  }
  return "";
}

std::string_view concept_label(Concept c) {
  switch (c) {
    case Concept::Nash: return "Nash";
    case Concept::GMR: return "GMR";
    case Concept::SMR: return "SMR";
    case Concept::SEQ: return "SEQ";
    case Concept::SIM: return "SIM";
  }
  return "";
}

std::optional<Concept> parse_concept(std::string_view key) {
  for (Concept c : all_concepts())
    if (concept_key(c) == key) return c;
  if (key == "r") return Concept::Nash;
  return std::nullopt;
}

}  // namespace parley
