// SPDX-License-Identifier: Apache-2.0
// The findings in plain words: the first thing a reader sees, each a short paragraph that a
// minister can read without the tables.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report_sections.hpp"
#include "report_words.hpp"

namespace parley::report {

namespace {

constexpr std::size_t kNamed = 3;  ///< settlements named in a finding before "and N more"

std::size_t concept_count(const Content& content) {
  return content.stability->concepts().size();
}

std::string settlement_line(const Model& model, const Settlement& s) {
  return fmt::format("{} ({})", state_tag(model, s.state), state_words(model, s.state, model.status_quo));
}

std::string named_settlements(const Model& model, const std::vector<const Settlement*>& list) {
  std::vector<std::string> lines;
  for (std::size_t k = 0; k < list.size() && k < kNamed; ++k)
    lines.push_back(settlement_line(model, *list[k]));
  std::string out = join_words(lines, "; and");
  if (list.size() > kNamed) out += fmt::format(" — and {} more ([Equilibria](#equilibria))", list.size() - kNamed);
  return out;
}

std::string stable_outcomes(const Model& model, const Content& content) {
  std::vector<const Settlement*> everywhere;
  for (const Settlement& s : content.settlements)
    if (s.concepts.size() == concept_count(content)) everywhere.push_back(&s);
  std::vector<std::string> counts;
  for (Concept c : content.stability->concepts()) {
    const StateSet eq = content.stability->equilibria(c);
    counts.push_back(fmt::format("{} {}", concept_label(c), std::count(eq.begin(), eq.end(), true)));
  }
  const std::string tally = fmt::format(" Equilibria by kind of foresight: {}.", join_words(counts));
  if (content.settlements.empty())
    return "**Stable outcomes.** No outcome is stable under any kind of foresight considered: in every state some "
           "party gains by moving on its own and nothing deters it." +
           tally;
  if (!everywhere.empty())
    return fmt::format(
        "**Stable outcomes.** {} under every kind of foresight considered ({}): {}.{}",
        everywhere.size() == 1 ? "One outcome holds" : fmt::format("{} outcomes hold", everywhere.size()),
        concept_list(content.stability->concepts()), named_settlements(model, everywhere), tally);
  const Settlement& best = content.settlements.front();
  std::vector<const Settlement*> widest;
  for (const Settlement& s : content.settlements)
    if (s.concepts.size() == best.concepts.size()) widest.push_back(&s);
  return fmt::format(
      "**Stable outcomes.** No outcome holds under every kind of foresight. The most widely stable hold under {} "
      "({}): {}.{}",
      concept_list(best.concepts), foresight(best.concepts.front()), named_settlements(model, widest), tally);
}

std::string effect_summary(const Model& model, const CoalitionReport& report, const std::vector<Concept>& concepts,
                           std::size_t coalition) {
  std::vector<std::string> parts;
  for (std::size_t k = 0; k < concepts.size(); ++k) {
    const CoalitionEffect& e = report.effects[k][coalition];
    if (e.destroyed.empty() && e.created.empty()) continue;
    std::vector<std::string> what;
    if (!e.destroyed.empty())
      what.push_back(fmt::format("{} no longer {}", count_of(e.destroyed.size(), "equilibrium", "equilibria"),
                                 e.destroyed.size() == 1 ? "holds" : "hold"));
    if (!e.created.empty())
      what.push_back(fmt::format("{} new {} ({})", e.created.size(), e.created.size() == 1 ? "one holds" : "ones hold",
                                 state_tag(model, e.created.front().state) + (e.created.size() > 1 ? ", …" : "")));
    parts.push_back(fmt::format("under {} {}", concept_label(concepts[k]), join_words(what)));
  }
  return join_words(parts, "; and");
}

std::string allied_unity(const Model& model, const Content& content) {
  const CoalitionPart& part = content.coalitions;
  if (!part.report) return "**Allied unity.** Not analysed: " + part.note + ".";
  const CoalitionReport& report = *part.report;
  const std::vector<Coalition>& analysed = report.stability.coalitions;
  std::string out = "**Allied unity.** ";
  if (part.origin == CoalitionPart::Origin::Declared) {
    std::vector<std::string> blocks;
    for (Coalition b : report.blocks)
      blocks.push_back(coalition_words(model, b));
    std::vector<std::string> changes;
    for (std::size_t k = 0; k < part.concepts.size(); ++k) {
      const StateSet alone = content.stability->equilibria(part.concepts[k]);
      const StateSet& together = report.structure[k];
      std::size_t lost = 0, gained = 0;
      for (StateIndex s = 0; s < alone.size(); ++s) {
        lost += alone[s] && !together[s];
        gained += !alone[s] && together[s];
      }
      if (lost + gained > 0)
        changes.push_back(fmt::format("under {} {} lost and {} gained", concept_label(part.concepts[k]), lost, gained));
    }
    out += fmt::format("The model has {} act together. ", join_words(blocks, "and, separately,"));
    out += changes.empty() ? "Compared with every party acting alone, that changes no equilibrium."
                           : fmt::format("Compared with every party acting alone, equilibria are {}.",
                                         join_words(changes, "; and"));
    return out + " ([Allied unity](#allied-unity))";
  }
  if (part.origin == CoalitionPart::Origin::Aligned)
    out += fmt::format(
        "The model declares no alliance; {} order the outcomes alike more often than not (at least {:.0f}% of pairs "
        "for every two of them), so the report treats them as allies. ",
        coalition_words(model, analysed.front()), std::floor(part.agreement.front() * 100));
  std::vector<std::string> effects;
  for (std::size_t c = 0; c < analysed.size(); ++c) {
    const std::string summary = effect_summary(model, report, part.concepts, c);
    if (!summary.empty())
      effects.push_back(fmt::format("if {} act as one, {}", coalition_words(model, analysed[c]), summary));
  }
  if (effects.empty())
    out += fmt::format(
        "Acting as one changes no equilibrium under any concept for {}: unity does not alter which "
        "outcomes hold.",
        analysed.size() == 1 ? coalition_words(model, analysed.front()) : "any coalition analysed");
  else
    out += fmt::format("Unity matters: {}.", join_words(effects, "; and"));
  return out + " ([Allied unity](#allied-unity))";
}

std::string from_today(const Model& model, const Content& content) {
  if (!model.status_quo) return "**From today's situation.** The model gives no status quo, so there is no path.";
  const StateIndex today = *model.status_quo;
  const std::vector<Concept> held = content.equilibrium_concepts(today);
  std::string out = "**From today's situation.** ";
  if (held.size() == concept_count(content))
    return out +
           "The status quo is itself stable under every kind of foresight considered: no party gains by moving "
           "on its own, or any move would be deterred.";
  std::vector<std::string> who;
  for (int p : movers(model, content, Concept::Nash, today))
    who.push_back(party_name(model, p));
  out += held.empty() ? "The status quo is not stable"
                      : fmt::format("The status quo holds only under {}", concept_list(held));
  if (!who.empty())
    out += fmt::format("; {} {} an improvement from it", join_words(who), who.size() == 1 ? "has" : "have");
  out += ". ";
  const Settlement* best = headline_settlement(content);
  if (!best)
    return out + fmt::format(
                     "No equilibrium can be reached from it by moves that each improve for the party making "
                     "them ({} reachable, none stable).",
                     count_of(content.paths ? content.paths->reachable.size() : 0, "state", "states"));
  if (best->state == today) return out;
  const ReachableState* r = reachable(content, best->state);
  std::vector<std::string> steps, who_moves;
  StateIndex at = today;
  for (const PathStep& step : r->path) {
    steps.push_back(step_words(model, at, step));
    const std::string mover = step.coalition ? coalition_words(model, step.coalition) : party_name(model, step.party);
    if (std::find(who_moves.begin(), who_moves.end(), mover) == who_moves.end()) who_moves.push_back(mover);
    at = step.to;
  }
  out += fmt::format("The closest settlement that holds under {} is {}, {} away: {}. Who must move: {}.",
                     concept_list(best->concepts), state_tag(model, best->state),
                     count_of(static_cast<std::size_t>(best->moves), "step", "steps"), join_words(steps, "; then"),
                     join_words(who_moves));
  const Settlement* nearest = best;
  for (const Settlement& s : content.settlements)
    if (s.moves >= 0 && std::make_pair(s.moves, s.state) < std::make_pair(nearest->moves, nearest->state)) nearest = &s;
  if (nearest->moves < best->moves)
    out += fmt::format(" A weaker settlement (holding only under {}) is nearer: {}, {} away.",
                       concept_list(nearest->concepts), state_tag(model, nearest->state),
                       count_of(static_cast<std::size_t>(nearest->moves), "step", "steps"));
  return out + " ([Paths](#paths-from-the-status-quo))";
}

std::string what_would_change(const Model& model, const Content& content) {
  const ChangePart& part = content.change;
  if (!part.target) return "";
  const StateIndex target = *part.target;
  std::string out = fmt::format("**What would have to change.** Take {} ({}){}", state_tag(model, target),
                                state_words(model, target, model.status_quo),
                                part.target_chosen ? ", the outcome that leaves the least satisfied party best off"
                                                   : ", the settlement asked about");
  if (part.unstable_under.empty()) return out + ". It already holds under every kind of foresight considered.";
  std::vector<std::string> reasons;
  for (Concept c : part.unstable_under) {
    std::vector<std::string> who;
    for (int p : movers(model, content, c, target))
      who.push_back(party_name(model, p));
    reasons.push_back(fmt::format("under {} {} would move away", concept_label(c), join_words(who)));
  }
  out += fmt::format(". It does not hold: {}.", join_words(reasons, "; and"));
  if (part.levers) {
    std::vector<std::string> smallest;
    for (const ConceptLevers& c : part.levers->concepts)
      smallest.push_back(
          c.levers.empty()
              ? fmt::format("under {} no single change of one party's priorities does it", concept_label(c.solution))
              : fmt::format("to hold under {}, {}", concept_label(c.solution), lever_words(model, c.levers.front())));
    out += fmt::format(" The smallest changes: {}.", join_words(smallest, "; and"));
  } else if (part.inverse) {
    std::vector<std::string> smallest;
    for (const ConceptInverse& c : part.inverse->concepts) {
      if (c.least_change)
        smallest.push_back(fmt::format("under {} a change of {} in the rankings of {}", concept_label(c.solution),
                                       count_of(c.least_change->distance, "reversed pair", "reversed pairs"),
                                       join_words([&] {
                                         std::vector<std::string> names;
                                         for (int p : part.inverse->vary)
                                           names.push_back(party_name(model, p));
                                         return names;
                                       }())));
      else
        smallest.push_back(fmt::format("under {} no change of theirs does it", concept_label(c.solution)));
    }
    out += fmt::format(" The least change: {}.", join_words(smallest, "; and"));
  } else if (!part.note.empty()) {
    out += " The search for changes was left out: " + part.note + ".";
  }
  return out + " ([What would have to change](#what-would-have-to-change))";
}

std::string robustness(const Model& model, const Content& content) {
  std::vector<std::string> parts;
  std::vector<StateIndex> seen;
  for (const ConceptMargins& cm : content.margins)
    for (const StabilityMargin& m : cm.margins) {
      if (!m.distance || std::find(seen.begin(), seen.end(), m.state) != seen.end()) continue;
      seen.push_back(m.state);
      parts.push_back(fmt::format("{} stops being a {} equilibrium if {}", state_tag(model, m.state),
                                  concept_label(cm.solution), margin_words(model, m)));
    }
  if (parts.empty()) return content.margins_note.empty() ? "" : "**How robust.** " + content.margins_note + ".";
  if (parts.size() > kNamed) parts.resize(kNamed);
  return fmt::format(
      "**How robust.** {}. The fewer reversed pairs, the more fragile the settlement. "
      "([Robustness](#robustness))",
      join_words(parts, "; and"));
}

std::string where_it_lands(const Model& model, const Content& content) {
  const SpatialPrediction& p = *content.spatial;
  std::vector<std::string> issues;
  for (std::size_t k = 0; k < p.issues.size(); ++k) {
    std::vector<double> values;
    for (const auto& v : {p.issues[k].median, p.issues[k].compromise})
      if (v) values.push_back(*v);
    if (p.nbs.solution) values.push_back(p.nbs.solution->point[k]);
    if (k < p.eum.forecast.size() && p.eum.forecast[k]) values.push_back(*p.eum.forecast[k]);
    if (k < p.smp.forecast.size() && p.smp.forecast[k]) values.push_back(*p.smp.forecast[k]);
    const Issue& issue = model.issues[k];
    std::string text = markup_escape(issue.name.empty() ? issue.id : issue.name) + ": ";
    if (values.empty())
      text += "no party gives it weight";
    else {
      const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
      text += std::abs(*hi - *lo) < 1e-9 ? fmt::format("the forecasts agree on {}", number(*lo))
                                         : fmt::format("forecasts between {} and {}", number(*lo), number(*hi));
    }
    const auto& zone = p.issues[k].zone_of_agreement;
    if (!zone)
      text += ", with no point inside every red line";
    else if (zone->high - zone->low < 1e-9)
      text += fmt::format(", and only {} is inside every red line", number(zone->low));
    else
      text += fmt::format(", inside every red line from {} to {}", number(zone->low), number(zone->high));
    issues.push_back(text);
  }
  std::string out = fmt::format("**Where the talks may land.** {}.", fmt::join(issues, "; "));
  if (p.agreement_possible)
    out += " A deal inside every party's red lines exists on every issue at once.";
  else {
    std::vector<std::string> openings;
    for (const ZoneOpening& z : p.openings) {
      std::vector<std::string> who;
      for (const Concession& c : z.concessions)
        who.push_back(fmt::format("{} from {} to {}", party_name(model, c.party), number(c.from), number(c.to)));
      openings.push_back(
          fmt::format("on {} {}", markup_escape(model.issues[static_cast<std::size_t>(z.issue)].id), join_words(who)));
    }
    out += fmt::format(" No deal satisfies every red line; the smallest concessions that would open one: {}.",
                       join_words(openings, "; and"));
  }
  if (content.sampled)
    out += fmt::format(" Over {} samples of the uncertain inputs, such a deal exists in {:.0f}% of them.",
                       content.sampled->samples, content.sampled->agreement_share * 100);
  return out + " ([Issues and positions](#issues-and-positions))";
}

std::string partly_known(const Model& model, const Content& content) {
  if (!content.partial)
    return content.partial_note.empty() ? "" : "**Partly known preferences.** " + content.partial_note + ".";
  std::vector<std::string> parts;
  for (const ConceptPartial& c : content.partial->concepts) {
    std::vector<std::string> sure;
    std::size_t possible = 0;
    for (StateIndex s = 0; s < c.necessary.size(); ++s) {
      if (c.necessary[s]) sure.push_back(state_tag(model, s));
      possible += c.possible[s];
    }
    parts.push_back(fmt::format("under {} {} whatever the unknown order ({}), {} for some order",
                                concept_label(c.solution),
                                sure.empty() ? "no state is an equilibrium" : join_words(sure),
                                sure.empty() ? "none" : fmt::format("{}", sure.size()), possible));
  }
  return fmt::format("**Partly known preferences.** {}. ([Partly known preferences](#partly-known-preferences))",
                     join_words(parts, "; and"));
}

}  // namespace

void add_findings(Builder& out, const Model& model, const Content& content) {
  out.heading(2, "Findings");
  std::vector<std::string> items;
  if (content.stability) {
    items.push_back(stable_outcomes(model, content));
    items.push_back(allied_unity(model, content));
    items.push_back(from_today(model, content));
    items.push_back(what_would_change(model, content));
    items.push_back(robustness(model, content));
    items.push_back(partly_known(model, content));
  } else {
    items.push_back(
        "**Stable outcomes.** The model has no options, so it has no states to be stable: only the "
        "spatial analysis below applies.");
  }
  if (content.spatial) items.push_back(where_it_lands(model, content));
  std::erase(items, std::string());
  out.list(std::move(items), false, "findings");
  if (!content.stability) return;
  out.heading(3, "Kinds of foresight");
  std::vector<std::string> meanings;
  for (Concept c : content.stability->concepts())
    meanings.push_back(fmt::format("**{}** — stable for {}: {}", concept_label(c), foresight(c), concept_meaning(c)));
  out.list(std::move(meanings), false, "concepts");
}

}  // namespace parley::report
