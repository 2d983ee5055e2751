// SPDX-License-Identifier: Apache-2.0
// The "what if" sections of a report: allied unity (coalitions), what would have to change for a
// settlement to hold (levers, inverse analysis), robustness (margins of stability) and partly
// known preferences.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report_sections.hpp"
#include "report_words.hpp"

namespace parley::report {

namespace {

/// A joint move from `from` in words: "US takes “X”, then EU drops “Y”".
std::string joint_words(const Model& model, StateIndex from, const std::vector<Move>& steps) {
  std::vector<std::string> parts;
  StateIndex at = from;
  for (const Move& m : steps) {
    parts.push_back(step_words(model, at, PathStep{m, 0, {}}));
    at = m.to;
  }
  return join_words(parts, "then");
}

void structure_table(Builder& out, const Model& model, const Content& content) {
  const CoalitionReport& report = *content.coalitions.report;
  std::vector<std::string> blocks;
  for (Coalition b : report.blocks)
    blocks.push_back(coalition_words(model, b));
  Table table{
      "coalition-structure",
      fmt::format("Equilibria when {} act together, compared with every party alone", join_words(blocks, "and")),
      {"Concept", "Every party alone", "With the coalitions", "No longer hold", "Newly hold"},
      "lllll",
      {}};
  for (std::size_t k = 0; k < content.coalitions.concepts.size(); ++k) {
    const Concept c = content.coalitions.concepts[k];
    const StateSet alone = content.stability->equilibria(c);
    const StateSet& together = report.structure[k];
    std::vector<std::string> a, t, lost, gained;
    for (StateIndex s = 0; s < alone.size(); ++s) {
      if (alone[s]) a.push_back(std::to_string(s + 1));
      if (together[s]) t.push_back(std::to_string(s + 1));
      if (alone[s] && !together[s]) lost.push_back(std::to_string(s + 1));
      if (!alone[s] && together[s]) gained.push_back(std::to_string(s + 1));
    }
    const auto cell = [](const std::vector<std::string>& v) {
      return v.empty() ? std::string("none") : fmt::format("{}", fmt::join(v, ", "));
    };
    table.rows.push_back({{std::string(concept_label(c)), cell(a), cell(t), cell(lost), cell(gained)},
                          {{"concept", std::string(concept_key(c))}},
                          !lost.empty() || !gained.empty()});
  }
  out.table(std::move(table));
}

/// "US, CAN and EU": a coalition by its members' ids, short enough for a table.
std::string coalition_ids(const Model& model, Coalition coalition) {
  std::vector<std::string> ids;
  for (std::size_t p = 0; p < model.parties.size(); ++p)
    if ((coalition >> p) & 1U) ids.push_back(markup_escape(model.parties[p].id));
  return join_words(ids);
}

std::string state_numbers(const std::vector<StateIndex>& states) {
  if (states.empty()) return "none";
  std::vector<std::string> numbers;
  for (StateIndex s : states)
    numbers.push_back(std::to_string(s + 1));
  return fmt::format("{}", fmt::join(numbers, ", "));
}

/// One table per coalition: per concept, the equilibria it unsettles and creates, with one example of each.
void effects_table(Builder& out, const Model& model, const Content& content) {
  const CoalitionReport& report = *content.coalitions.report;
  const std::vector<Coalition>& analysed = report.stability.coalitions;
  std::vector<std::string> unchanged;
  for (std::size_t c = 0; c < analysed.size(); ++c) {
    Table table{fmt::format("coalition-effects-{}", c + 1),
                fmt::format("What {} acting as one changes", coalition_ids(model, analysed[c])),
                {"Concept", "No longer hold", "Newly hold", "For example"},
                "llll",
                {}};
    for (std::size_t k = 0; k < content.coalitions.concepts.size(); ++k) {
      const CoalitionEffect& e = report.effects[k][c];
      if (e.destroyed.empty() && e.created.empty()) continue;
      std::vector<StateIndex> destroyed, created;
      for (const auto& d : e.destroyed)
        destroyed.push_back(d.first);
      for (const CreatedEquilibrium& x : e.created)
        created.push_back(x.state);
      std::vector<std::string> examples;
      if (!e.destroyed.empty() && !e.destroyed.front().second.empty()) {
        const auto& [state, moves] = e.destroyed.front();
        examples.push_back(fmt::format("{} no longer holds: {} (→ {}), which every member prefers", state + 1,
                                       joint_words(model, state, moves.front().steps), moves.front().to + 1));
      }
      if (!e.created.empty())
        examples.push_back(fmt::format("{} newly holds: {} alone would move to {}, a move the coalition does not make",
                                       e.created.front().state + 1, party_name(model, e.created.front().member),
                                       e.created.front().forgone + 1));
      table.rows.push_back({{std::string(concept_label(content.coalitions.concepts[k])), state_numbers(destroyed),
                             state_numbers(created), join_words(examples, "; and")},
                            {{"concept", std::string(concept_key(content.coalitions.concepts[k]))}},
                            false});
    }
    if (table.rows.empty())
      unchanged.push_back(coalition_words(model, analysed[c]));
    else
      out.table(std::move(table));
  }
  if (!unchanged.empty())
    out.paragraph(
        fmt::format("Acting as one changes no equilibrium under any concept for: {}.", join_words(unchanged, "; and")));
}

}  // namespace

void add_coalitions(Builder& out, const Model& model, const Content& content) {
  out.heading(2, "Allied unity");
  const CoalitionPart& part = content.coalitions;
  if (!part.report) {
    out.paragraph("Not analysed: " + part.note + ".");
    return;
  }
  const std::vector<Coalition>& analysed = part.report->stability.coalitions;
  switch (part.origin) {
    case CoalitionPart::Origin::Declared:
      out.paragraph(
          "The model declares which parties act together (`coalitions`). A coalition moves jointly and only "
          "where every member gains; the equilibria of that structure are compared below with every party "
          "acting alone.");
      break;
    case CoalitionPart::Origin::Asked:
      out.paragraph("The coalitions asked for, each acting as one while the others act alone.");
      break;
    case CoalitionPart::Origin::Every:
      out.paragraph(
          "With so few parties, every coalition of two or more is analysed, each acting as one while the "
          "others act alone.");
      break;
    case CoalitionPart::Origin::Aligned:
      out.paragraph(fmt::format(
          "The model declares no alliance. Taking as allies the largest group of parties whose rankings agree more "
          "often than not, pairwise, gives {} (every two of them order at least {:.0f}% of the pairs of outcomes "
          "alike). Declare `coalitions` in the model, or use `--coalition`, to examine another grouping.",
          coalition_words(model, analysed.front()), std::floor(part.agreement.front() * 100)));
      break;
    case CoalitionPart::Origin::None: break;
  }
  out.paragraph(fmt::format("Coalition stability is judged under the coalition counterparts of {} (CNash, CGMR, CSMR, "
                            "CSEQ: Kilgour, Hipel, Fang & Peng 2001; Inohara & Hipel 2008).",
                            concept_list(part.concepts)),
                "small");
  if (!part.report->blocks.empty()) structure_table(out, model, content);
  effects_table(out, model, content);
}

void add_change(Builder& out, const Model& model, const Content& content) {
  out.heading(2, "What would have to change");
  const ChangePart& part = content.change;
  if (!part.target) return;
  const StateIndex target = *part.target;
  out.paragraph(fmt::format(
      "The settlement examined: {} — {}. {}", state_tag(model, target), state_words(model, target, model.status_quo),
      part.target_chosen ? "The report chose it as the outcome that leaves the least satisfied party best off (each "
                           "party's ranking scaled from its worst outcome, 0, to its best, 1; the state whose lowest "
                           "score is highest). Name another with `--target`."
                         : "It was named with `--target`."));
  if (part.unstable_under.empty()) {
    out.paragraph("It already holds under every kind of foresight considered: nothing has to change.");
    return;
  }
  Table why{"change-why", "Why it does not hold today", {"Concept", "Who would move away"}, "ll", {}};
  for (Concept c : part.unstable_under) {
    std::vector<std::string> who;
    for (int p : movers(model, content, c, target))
      who.push_back(party_name(model, p));
    why.rows.push_back(
        {{std::string(concept_label(c)), join_words(who)}, {{"concept", std::string(concept_key(c))}}, false});
  }
  out.table(std::move(why));
  if (part.levers) {
    out.paragraph(
        "Levers: single changes to one party's priority statements (raise or lower a concern, drop it, "
        "reverse it, or add one) after which the settlement holds, the others' preferences unchanged. The "
        "size of a change is the number of pairs of outcomes whose order it reverses in that party's "
        "ranking: the smaller, the more plausible.");
    Table table{"levers", "The smallest levers per concept", {"Concept", "Change", "Reversed pairs"}, "llr", {}};
    for (const ConceptLevers& c : part.levers->concepts) {
      if (c.levers.empty())
        table.rows.push_back(
            {{std::string(concept_label(c.solution)), "no single change of one party's priorities", "—"},
             {{"concept", std::string(concept_key(c.solution))}},
             false});
      for (std::size_t k = 0; k < c.levers.size() && k < content.options.limits.levers_listed; ++k)
        table.rows.push_back({{std::string(concept_label(c.solution)), lever_words(model, c.levers[k]),
                               std::to_string(c.levers[k].distance)},
                              {{"concept", std::string(concept_key(c.solution))}},
                              k == 0});
    }
    out.table(std::move(table));
    for (const std::string& note : part.levers->notes)
      out.paragraph("Note: " + markup_escape(note) + ".", "note");
  } else if (part.inverse) {
    std::vector<std::string> names;
    for (int p : part.inverse->vary)
      names.push_back(party_name(model, p));
    out.paragraph(
        fmt::format("No party states its preference as priorities, so the report searches every ranking of "
                    "the parties who would move away ({}) for the one closest to today's that makes the "
                    "settlement hold (inverse analysis; distance = pairs of outcomes reversed).",
                    join_words(names)));
    Table table{"inverse",
                "The least change of preferences per concept",
                {"Concept", "Share of rankings that work", "Least change"},
                "lrl",
                {}};
    for (const ConceptInverse& c : part.inverse->concepts) {
      const std::string share = c.share ? fmt::format("{:.1f}%", *c.share * 100) : markup_escape(c.count_note);
      const std::string least = c.least_change ? count_of(c.least_change->distance, "reversed pair", "reversed pairs")
                                : c.least_change_computed
                                    ? std::string("impossible: ") + markup_escape(c.least_change_note)
                                    : markup_escape(c.least_change_note);
      table.rows.push_back({{std::string(concept_label(c.solution)), share, least},
                            {{"concept", std::string(concept_key(c.solution))}},
                            false});
    }
    out.table(std::move(table));
  } else if (!part.note.empty()) {
    out.paragraph("Left out: " + part.note + ".", "note");
  }
}

void add_robustness(Builder& out, const Model& model, const Content& content) {
  out.heading(2, "Robustness");
  out.paragraph(
      "The margin of stability of an equilibrium: the fewest pairs of outcomes one party would have to "
      "reverse in its own ranking for the state to stop being an equilibrium (Kendall distance). Zero means "
      "a party is indifferent and merely breaking a tie undoes it.");
  Table table{
      "robustness", "Margins of stability", {"State", "Pattern", "Concept", "Margin", "What breaks it"}, "rllrl", {}};
  for (const ConceptMargins& cm : content.margins)
    for (const StabilityMargin& m : cm.margins)
      table.rows.push_back(
          {{std::to_string(m.state + 1), code(model.pattern(m.state)), std::string(concept_label(cm.solution)),
            m.distance ? std::to_string(*m.distance) : std::string("—"), margin_words(model, m)},
           {{"state", std::to_string(m.state + 1)}, {"concept", std::string(concept_key(cm.solution))}},
           false});
  if (!table.rows.empty()) out.table(std::move(table));
  if (!content.margins_note.empty()) out.paragraph(content.margins_note + ".", "note");
  if (table.rows.empty() && content.margins_note.empty()) out.paragraph("There is no equilibrium to measure.");
}

void add_partial(Builder& out, const Model& model, const Content& content) {
  if (!content.partial && content.partial_note.empty()) return;
  out.heading(2, "Partly known preferences");
  if (!content.partial) {
    out.paragraph(content.partial_note + ".", "note");
    return;
  }
  const PartialResult& r = *content.partial;
  std::vector<std::string> who;
  for (const UncertainParty& u : r.uncertain)
    who.push_back(fmt::format("{} ({} possible orders)", party_name(model, u.party),
                              u.completions ? std::to_string(*u.completions) : std::string("very many")));
  out.paragraph(
      fmt::format("Some preferences are only partly known: {}. A state is a *necessary* equilibrium if it "
                  "holds whatever the unknown order, *possible* if it holds for some; the share is the "
                  "fraction of orders under which it holds{}.",
                  join_words(who),
                  std::any_of(r.concepts.begin(), r.concepts.end(), [](const ConceptPartial& c) { return c.sampled; })
                      ? fmt::format(" (estimated from {} samples, seed {}, where there are too many to go "
                                    "through)",
                                    r.samples, r.seed)
                      : ""));
  Table table{"partial", "Equilibria under partly known preferences", {"State", "Pattern"}, "rl", {}};
  for (const ConceptPartial& c : r.concepts) {
    table.header.emplace_back(concept_label(c.solution));
    table.align += 'l';
  }
  for (StateIndex s = 0; s < model.states->size(); ++s) {
    bool any = false;
    TableRow row{{std::to_string(s + 1), code(model.pattern(s))}, {{"state", std::to_string(s + 1)}}, false};
    for (const ConceptPartial& c : r.concepts) {
      any = any || c.possible[s];
      row.cells.push_back(c.necessary[s]  ? std::string("necessary")
                          : c.possible[s] ? fmt::format("possible ({:.0f}%)", c.share[s] * 100)
                                          : std::string());
      row.highlight = row.highlight || c.necessary[s];
    }
    if (any) table.rows.push_back(std::move(row));
  }
  out.table(std::move(table));
}

}  // namespace parley::report
