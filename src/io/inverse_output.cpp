// SPDX-License-Identifier: Apache-2.0
#include "parley/io/inverse_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "ordinal.hpp"

namespace parley {

namespace {

const std::string& party_id(const Model& model, int party) {
  return model.parties[static_cast<std::size_t>(party)].id;
}

Json patterns(const Model& model, const std::vector<StateIndex>& states) {
  Json out = Json::array();
  for (StateIndex s : states)
    out.push_back(model.pattern(s));
  return out;
}

/// "NNN (state 1)"
std::string state_name(const Model& model, StateIndex s) {
  return fmt::format("{} (state {})", model.pattern(s), s + 1);
}

/// The pairs the new ranking reverses, as "now prefers A to B", at most `limit` of them.
std::vector<std::string> reversals(const Model& model, const Preference& today, const std::vector<StateIndex>& ranking,
                                   std::size_t limit) {
  std::vector<std::string> out;
  for (std::size_t a = 0; a < ranking.size() && out.size() < limit; ++a)
    for (std::size_t b = a + 1; b < ranking.size() && out.size() < limit; ++b)
      if (today.prefers(ranking[b], ranking[a]))
        out.push_back(fmt::format("{} over {}", model.pattern(ranking[a]), model.pattern(ranking[b])));
  return out;
}

const char* kind_name(PriorityEdit::Kind kind) {
  switch (kind) {
    case PriorityEdit::Kind::Move: return "move";
    case PriorityEdit::Kind::Drop: return "drop";
    case PriorityEdit::Kind::Negate: return "negate";
    case PriorityEdit::Kind::Add: return "add";
  }
  return "";
}

const std::string& edited_statement(const Model& model, const Lever& lever) {
  return lever.edit.kind == PriorityEdit::Kind::Add
             ? lever.edit.text
             : model.parties[static_cast<std::size_t>(lever.party)].priorities[lever.edit.statement].text;
}

}  // namespace

std::string lever_edit_text(const Model& model, const Lever& lever,
                            const std::function<std::string(const std::string&)>& quote) {
  const PriorityEdit& e = lever.edit;
  const std::string statement = quote(edited_statement(model, lever));
  switch (e.kind) {
    case PriorityEdit::Kind::Move:
      return fmt::format("{} {} from its {} priority to its {}", e.place < e.statement ? "raise" : "lower", statement,
                         ordinal(e.statement + 1), ordinal(e.place + 1));
    case PriorityEdit::Kind::Drop:
      return fmt::format("stop caring about {} (its {} priority)", statement, ordinal(e.statement + 1));
    case PriorityEdit::Kind::Negate:
      return fmt::format("turn {} (its {} priority) into {}", statement, ordinal(e.statement + 1), quote(e.text));
    case PriorityEdit::Kind::Add:
      return fmt::format("come to care about {}, as its {} priority", statement, ordinal(e.place + 1));
  }
  return "";
}

Json json_levers(const Model& model, const LeverResult& levers, std::size_t limit) {
  Json out = Json::object();
  for (const ConceptLevers& c : levers.concepts) {
    Json list = Json::array();
    for (std::size_t k = 0; k < c.levers.size() && k < limit; ++k) {
      const Lever& lever = c.levers[k];
      Json change = {{"kind", kind_name(lever.edit.kind)}, {"statement", edited_statement(model, lever)}};
      if (lever.edit.kind != PriorityEdit::Kind::Add) change["from"] = lever.edit.statement + 1;
      if (lever.edit.kind == PriorityEdit::Kind::Negate) change["becomes"] = lever.edit.text;
      if (lever.edit.kind == PriorityEdit::Kind::Move || lever.edit.kind == PriorityEdit::Kind::Add)
        change["to"] = lever.edit.place + 1;
      list.push_back({{"party", party_id(model, lever.party)},
                      {"change", std::move(change)},
                      {"distance", lever.distance},
                      {"priorities", lever.priorities}});
    }
    out[std::string(concept_key(c.solution))] = {{"total", c.levers.size()}, {"levers", std::move(list)}};
  }
  if (!levers.notes.empty()) out["notes"] = levers.notes;
  return out;
}

std::string text_levers(const Model& model, const LeverResult& levers, std::size_t limit) {
  std::string out = "\nLevers: one change to one party's priority statements that makes the target an equilibrium\n";
  for (const ConceptLevers& c : levers.concepts) {
    out += fmt::format("  {}: {}\n", concept_label(c.solution),
                       c.levers.empty() ? std::string("none")
                                        : fmt::format("{} change{}, smallest first", c.levers.size(),
                                                      c.levers.size() == 1 ? "" : "s"));
    for (std::size_t k = 0; k < c.levers.size() && k < limit; ++k) {
      const Lever& lever = c.levers[k];
      out += fmt::format("    {}: {} ({} reversed pair{})\n", party_id(model, lever.party),
                         lever_edit_text(model, lever, [](const std::string& t) { return "'" + t + "'"; }),
                         lever.distance, lever.distance == 1 ? "" : "s");
    }
    if (c.levers.size() > limit) out += fmt::format("    … and {} more\n", c.levers.size() - limit);
  }
  for (const std::string& note : levers.notes)
    out += fmt::format("  Note: {}.\n", note);
  return out;
}

Json json_inverse(const Model& model, const InverseResult& result) {
  Json out = {{"target", model.pattern(result.target)}};
  Json vary = Json::array();
  for (int v : result.vary)
    vary.push_back(party_id(model, v));
  out["vary"] = std::move(vary);
  out["rankings_considered"] = result.rankings_considered ? Json(*result.rankings_considered) : Json(nullptr);
  Json counts = Json::object(), shares = Json::object(), omitted = Json::object();
  Json least = Json::object(), least_omitted = Json::object(), conditions = Json::object(), unstable = Json::object();
  for (const ConceptInverse& c : result.concepts) {
    const std::string key(concept_key(c.solution));
    if (c.count) counts[key] = *c.count;
    if (c.share) shares[key] = *c.share;
    if (!c.count_note.empty()) omitted[key] = c.count_note;
    if (!c.least_change_computed) {
      least_omitted[key] = c.least_change_note;
    } else if (!c.least_change) {
      least[key] = nullptr;
    } else {
      Json rankings = Json::object();
      for (std::size_t k = 0; k < result.vary.size(); ++k)
        rankings[party_id(model, result.vary[k])] = patterns(model, c.least_change->rankings[k]);
      least[key] = {{"distance", c.least_change->distance}, {"rankings", std::move(rankings)}};
    }
    Json list = Json::array();
    for (const InverseCondition& ic : c.conditions)
      list.push_back({{"party", party_id(model, ic.party)},
                      {"improvement", model.pattern(ic.improvement)},
                      {"sanctions", patterns(model, ic.sanctions)}});
    conditions[key] = std::move(list);
    if (!c.unstable_fixed_parties.empty()) {
      Json parties = Json::array();
      for (int p : c.unstable_fixed_parties)
        parties.push_back(party_id(model, p));
      unstable[key] = std::move(parties);
    }
  }
  out["counts"] = std::move(counts);
  out["shares"] = std::move(shares);
  if (!omitted.empty()) out["counts_omitted"] = std::move(omitted);
  out["least_change"] = std::move(least);
  if (!least_omitted.empty()) out["least_change_omitted"] = std::move(least_omitted);
  out["conditions"] = std::move(conditions);
  if (!unstable.empty()) out["unstable_fixed_parties"] = std::move(unstable);
  return out;
}

std::string text_inverse(const Model& model, const InverseResult& result) {
  std::string varied;
  for (int v : result.vary)
    varied += (varied.empty() ? "" : ", ") + party_id(model, v);
  std::string out = fmt::format("Which preferences of {} make {} an equilibrium, the others' held fixed?\n", varied,
                                state_name(model, result.target));
  out += result.rankings_considered
             ? fmt::format("Strict rankings considered: {}\n\n", *result.rankings_considered)
             : fmt::format("Strict rankings considered: ({}!)^{}\n\n", model.states->size(), result.vary.size());
  out += fmt::format("{:<8} {:>28}  {}\n", "concept", "rankings that work", "least change");
  for (const ConceptInverse& c : result.concepts) {
    std::string counted = c.count   ? fmt::format("{} ({:.1f}%)", *c.count, 100 * c.share.value_or(0))
                          : c.share ? fmt::format("{:.4g}%", 100 * *c.share)
                                    : std::string("out of reach");
    std::string least = !c.least_change_computed ? std::string("out of reach")
                        : c.least_change         ? fmt::format("{} reversed pair{}", c.least_change->distance,
                                                       c.least_change->distance == 1 ? "" : "s")
                                                 : std::string("impossible");
    out += fmt::format("{:<8} {:>28}  {}\n", concept_label(c.solution), counted, least);
  }
  for (const ConceptInverse& c : result.concepts) {
    out += fmt::format("\n{}:\n", concept_label(c.solution));
    for (int p : c.unstable_fixed_parties)
      out += fmt::format("  {} (preferences fixed) is not stable at the target, so no ranking of {} helps.\n",
                         party_id(model, p), varied);
    for (const InverseCondition& ic : c.conditions) {
      out += fmt::format("  {} must prefer {} to {}", party_id(model, ic.party), model.pattern(result.target),
                         model.pattern(ic.improvement));
      if (!ic.sanctions.empty()) {
        std::string list;
        for (std::size_t k = 0; k < ic.sanctions.size() && k < 8; ++k)
          list += (k ? ", " : "") + model.pattern(ic.sanctions[k]);
        if (ic.sanctions.size() > 8) list += fmt::format(", … ({} in all)", ic.sanctions.size());
        out += fmt::format(", or to one of the others' replies {}{}", list,
                           c.solution == Concept::SMR ? " from which it cannot escape to something it prefers" : "");
      }
      out += ".\n";
    }
    // Conditions were all derived (no out-of-reach note) and there are none: nothing can move.
    if (c.conditions.empty() && c.unstable_fixed_parties.empty() && c.share)
      out += fmt::format("  {} cannot move away from the target: nothing to ask of its preferences.\n", varied);
    if (c.least_change) {
      for (std::size_t k = 0; k < result.vary.size(); ++k) {
        const int party = result.vary[k];
        const auto& ranking = c.least_change->rankings[k];
        const auto changes = reversals(model, model.preferences[static_cast<std::size_t>(party)], ranking, 6);
        if (changes.empty()) {
          out += fmt::format("  {} already prefers it that way: no change needed.\n", party_id(model, party));
          continue;
        }
        std::string list;
        for (const auto& change : changes)
          list += (list.empty() ? "" : "; ") + change;
        out += fmt::format("  Least change for {}: now ranks {}{}.\n", party_id(model, party), list,
                           changes.size() == 6 ? "; …" : "");
      }
    } else if (!c.least_change_note.empty()) {
      out += fmt::format("  Least change: {}.\n", c.least_change_note);
    }
    if (!c.count_note.empty() && !c.share && c.count_note != c.least_change_note)
      out += fmt::format("  Count: {}.\n", c.count_note);
  }
  return out;
}

Json json_margins(const Model& model, const std::vector<ConceptMargins>& margins) {
  Json out = json_header(model), by_concept = Json::object();
  for (const ConceptMargins& c : margins) {
    Json list = Json::array();
    for (const StabilityMargin& m : c.margins) {
      Json entry = {{"state", model.pattern(m.state)},
                    {"distance", m.distance ? Json(*m.distance) : Json(nullptr)},
                    {"party", m.party >= 0 ? Json(party_id(model, m.party)) : Json(nullptr)},
                    {"ranking", patterns(model, m.ranking)}};
      if (!m.note.empty()) entry["note"] = m.note;
      list.push_back(std::move(entry));
    }
    by_concept[std::string(concept_key(c.solution))] = std::move(list);
  }
  out["margins"] = std::move(by_concept);
  return out;
}

std::string text_margins(const Model& model, const std::vector<ConceptMargins>& margins) {
  std::string out =
      "Margin of stability: the fewest reversed pairs in one party's preference that break each equilibrium.\n";
  for (const ConceptMargins& c : margins) {
    out += fmt::format("\n{}:\n", concept_label(c.solution));
    if (c.margins.empty()) out += "  no equilibria\n";
    for (const StabilityMargin& m : c.margins) {
      out += fmt::format("  {}: ", state_name(model, m.state));
      if (!m.distance) {
        out += m.note + "\n";
        continue;
      }
      if (*m.distance == 0) {
        out += fmt::format("0 ({} is indifferent between it and a state it can move to: breaking that tie is enough)\n",
                           party_id(model, m.party));
        continue;
      }
      const auto changes = reversals(model, model.preferences[static_cast<std::size_t>(m.party)], m.ranking, 4);
      std::string list;
      for (const auto& change : changes)
        list += (list.empty() ? "" : "; ") + change;
      out += fmt::format("{} ({} ranks {}{}){}\n", *m.distance, party_id(model, m.party), list,
                         changes.size() == 4 ? "; …" : "", m.note.empty() ? "" : " - " + m.note);
    }
  }
  if (std::any_of(margins.begin(), margins.end(), [](const ConceptMargins& c) { return c.solution == Concept::SEQ; }))
    out += "\n(SEQ margins count each party's own preference only: an upper bound.)\n";
  return out;
}

}  // namespace parley
