// SPDX-License-Identifier: Apache-2.0
#include "parley/io/partial_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace parley {

namespace {

bool any_sampled(const PartialResult& result) {
  return std::any_of(result.concepts.begin(), result.concepts.end(), [](const ConceptPartial& c) { return c.sampled; });
}

Json patterns(const Model& model, const StateSet& states) {
  Json out = Json::array();
  for (StateIndex s = 0; s < states.size(); ++s)
    if (states[s]) out.push_back(model.pattern(s));
  return out;
}

/// "1 NNN, 6 NYY", or "none".
std::string listed(const Model& model, const StateSet& states) {
  std::string out;
  for (StateIndex s = 0; s < states.size(); ++s)
    if (states[s]) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", s + 1, model.pattern(s));
  return out.empty() ? "none" : out;
}

/// "24", or "more than 2^64" when the count does not fit.
std::string count_text(std::optional<std::uint64_t> count) {
  return count ? fmt::format("{}", *count) : std::string("more than 2^64");
}

/// "exact over 24 completions" or "sampled 1000 completions, seed 1".
std::string method_text(const PartialResult& result, const ConceptPartial& c) {
  if (c.sampled) return fmt::format("sampled {} completions, seed {}", result.samples, result.seed);
  return fmt::format("exact over {} completion{}", count_text(result.completions), result.completions == 1U ? "" : "s");
}

/// "25.0% (6 of 24)" where the count is exact, else the share alone.
std::string share_text(const PartialResult& result, const ConceptPartial& c, double share) {
  const std::string percent =
      share > 0 && share < 0.001 ? fmt::format("{:.2g}%", 100 * share) : fmt::format("{:.1f}%", 100 * share);
  if (c.sampled || !result.completions) return percent;
  const auto of = static_cast<std::uint64_t>(std::llround(share * static_cast<double>(*result.completions)));
  return fmt::format("{} ({} of {})", percent, of, *result.completions);
}

std::string party_list(const Model& model, const PartialResult& result) {
  std::string out;
  for (const UncertainParty& u : result.uncertain)
    out += fmt::format("{}{} ({} completions)", out.empty() ? "" : ", ",
                       model.parties[static_cast<std::size_t>(u.party)].id, count_text(u.completions));
  return out;
}

}  // namespace

Json json_partial(const Model& model, const PartialResult& result) {
  Json out = json_header(model);
  Json uncertain = Json::array();
  for (const UncertainParty& u : result.uncertain)
    uncertain.push_back({{"party", model.parties[static_cast<std::size_t>(u.party)].id},
                         {"completions", u.completions ? Json(*u.completions) : Json(nullptr)}});
  out["uncertain"] = std::move(uncertain);
  const bool sampled = any_sampled(result);
  out["completions"] = {{"count", result.completions ? Json(*result.completions) : Json(nullptr)},
                        {"method", sampled ? "sampled" : "exact"},
                        {"samples", sampled ? Json(result.samples) : Json(nullptr)},
                        {"seed", sampled ? Json(result.seed) : Json(nullptr)}};
  Json concepts = Json::object();
  for (const ConceptPartial& c : result.concepts) {
    Json share = Json::object();
    for (StateIndex s = 0; s < c.possible.size(); ++s)
      if (c.possible[s]) share[model.pattern(s)] = c.share[s];
    concepts[std::string(concept_key(c.solution))] = {{"method", c.sampled ? "sampled" : "exact"},
                                                      {"stated", patterns(model, c.stated)},
                                                      {"necessary", patterns(model, c.necessary)},
                                                      {"possible", patterns(model, c.possible)},
                                                      {"share", std::move(share)}};
  }
  out["concepts"] = std::move(concepts);
  return out;
}

std::string text_partial(const Model& model, const PartialResult& result) {
  std::string out = model.name + "\n\n";
  if (result.uncertain.empty()) {
    out += "No party's preference is uncertain: necessary = possible = the equilibria of the stated preferences.\n\n";
    for (const ConceptPartial& c : result.concepts)
      out += fmt::format("  {:<5} {}\n", concept_label(c.solution), listed(model, c.stated));
    return out;
  }
  out += fmt::format("Uncertain preferences: {}; {} combinations of completions in all.\n", party_list(model, result),
                     count_text(result.completions));
  out +=
      "Necessary: an equilibrium under every completion; possible: under some. The stated preferences\n"
      "(every group in the order written) are one completion.\n";
  for (const ConceptPartial& c : result.concepts) {
    out += fmt::format("\n{} ({}{})\n", concept_label(c.solution), method_text(result, c),
                       c.sampled ? "; necessary and possible are estimates" : "");
    out += fmt::format("  stated      {}\n", listed(model, c.stated));
    out += fmt::format("  necessary   {}\n", listed(model, c.necessary));
    bool first = true;
    for (StateIndex s = 0; s < c.possible.size(); ++s) {
      if (!c.possible[s]) continue;
      out += fmt::format("  {:<11} {} {}  {}\n", first ? "possible" : "", s + 1, model.pattern(s),
                         share_text(result, c, c.share[s]));
      first = false;
    }
    if (first) out += "  possible    none\n";
  }
  if (any_sampled(result))
    out +=
        "\n(Sampled completions are drawn uniformly; under Nash, GMR and SMR the share is the product of each\n"
        "party's sampled share. The stated preferences always count for necessary and possible.)\n";
  return out;
}

}  // namespace parley
