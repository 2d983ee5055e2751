// SPDX-License-Identifier: Apache-2.0
// The spatial section of a report: positions, forecasts, the zone of agreement, the smallest
// concessions, the Monte Carlo spread, and the positions chart.
#include <fmt/format.h>

#include "parley/io/spatial_output.hpp"

#include "parley/io/svg_positions_chart.hpp"
#include "report_sections.hpp"
#include "report_words.hpp"

namespace parley::report {

namespace {

std::string value(const std::optional<double>& x) {
  return x ? number(*x) : "—";
}

std::string issue_label(const Issue& issue) {
  return markup_escape(issue.name.empty() ? issue.id : issue.name);
}

void positions_table(Builder& out, const Model& model) {
  Table table{"positions",
              "Each party's position, salience (0–1) and red line, and its capability",
              {"Party", "Capability"},
              "lr",
              {}};
  for (const Issue& issue : model.issues) {
    table.header.push_back(markup_escape(issue.id));
    table.align += 'l';
  }
  for (std::size_t p = 0; p < model.parties.size(); ++p) {
    const Party& party = model.parties[p];
    if (party.stances.empty() && !party.capability) continue;
    TableRow row{{party_name(model, static_cast<int>(p)), party.capability ? number(*party.capability) : "—"},
                 {{"party", party.id}},
                 false};
    for (std::size_t k = 0; k < model.issues.size(); ++k) {
      std::string cell = "—";
      for (const IssueStance& s : party.stances)
        if (s.issue == static_cast<int>(k)) {
          cell = fmt::format("{} ({})", number(s.position), number(s.salience));
          if (s.red_line) cell += fmt::format(" \\[{}, {}\\]", number(s.red_line->low), number(s.red_line->high));
        }
      row.cells.push_back(cell);
    }
    table.rows.push_back(std::move(row));
  }
  out.table(std::move(table));
}

void forecasts_table(Builder& out, const Model& model, const SpatialPrediction& p) {
  Table table{"forecasts",
              "Where the outcome is likely to land, by model, and the zone inside every red line",
              {"Issue", "Range", "Weighted median", "Compromise", "Nash bargaining", "Expected utility", "SMP",
               "Zone of agreement"},
              "llrrrrrl",
              {}};
  for (std::size_t k = 0; k < p.issues.size(); ++k) {
    const Issue& issue = model.issues[k];
    const auto& zone = p.issues[k].zone_of_agreement;
    table.rows.push_back(
        {{issue_label(issue), fmt::format("{} to {}", number(issue.range.low), number(issue.range.high)),
          value(p.issues[k].median), value(p.issues[k].compromise),
          p.nbs.solution ? number(p.nbs.solution->point[k]) : "—",
          value(k < p.eum.forecast.size() ? p.eum.forecast[k] : std::nullopt),
          value(k < p.smp.forecast.size() ? p.smp.forecast[k] : std::nullopt),
          zone ? fmt::format("{} to {}", number(zone->low), number(zone->high)) : "**none**"},
         {{"issue", issue.id}},
         !zone});
  }
  out.table(std::move(table));
  std::vector<std::string> notes;
  if (!p.nbs.solution) notes.push_back("no Nash bargaining solution: " + markup_escape(p.nbs.reason));
  notes.push_back("the expected-utility model: " + markup_escape(eum_run_text(model, p.eum)));
  notes.push_back(fmt::format("the SMP ran {} and {}", count_of(p.smp.rounds, "round", "rounds"),
                              p.smp.converged ? "settled" : "had not settled"));
  out.paragraph("Notes: " + join_words(notes, "; and") + ".", "small");
}

void concessions_table(Builder& out, const Model& model, const SpatialPrediction& p) {
  if (p.agreement_possible) {
    out.paragraph("A deal inside every party's red lines exists on every issue at once.");
    return;
  }
  out.paragraph(
      "No deal satisfies every red line. For each issue without a zone of agreement, the smallest widening "
      "of red lines that opens one: the common point that minimises the total distance the red lines move.");
  Table table{"concessions",
              "The smallest concessions that open a zone of agreement",
              {"Issue", "Common point", "Party", "Red line end", "Moves to", "Distance"},
              "lrlrrr",
              {}};
  for (const ZoneOpening& z : p.openings)
    for (const Concession& c : z.concessions)
      table.rows.push_back({{issue_label(model.issues[static_cast<std::size_t>(z.issue)]), number(z.point),
                             party_name(model, c.party), number(c.from), number(c.to), number(c.distance)},
                            {{"issue", model.issues[static_cast<std::size_t>(z.issue)].id}},
                            false});
  out.table(std::move(table));
}

std::string spread(const SampledPrediction& s) {
  if (!s.percentiles) return "—";
  return fmt::format("{} ({}–{})", number(s.percentiles->p50), number(s.percentiles->p5), number(s.percentiles->p95));
}

void samples_table(Builder& out, const Model& model, const UncertaintyResult& r) {
  out.paragraph(
      fmt::format("Monte Carlo over the model's uncertainty intervals: {} samples (seed {}), {} drawn from "
                  "a triangular distribution peaking at the stated value. A deal inside every red line "
                  "exists in {:.0f}% of the samples. The expected-utility model and the SMP are not resampled "
                  "here (`parley predict --samples N` does).",
                  r.samples, r.seed, count_of(static_cast<std::size_t>(r.uncertain_numbers), "input", "inputs"),
                  r.agreement_share * 100));
  Table table{"samples",
              "Forecasts over the samples: median (5th–95th percentile)",
              {"Issue", "Weighted median", "Compromise", "Nash bargaining", "Zone of agreement exists"},
              "lrrrr",
              {}};
  for (std::size_t k = 0; k < r.issues.size(); ++k)
    table.rows.push_back(
        {{issue_label(model.issues[k]), spread(r.issues[k].median), spread(r.issues[k].compromise),
          spread(r.issues[k].nbs), k < r.zone_share.size() ? fmt::format("{:.0f}%", r.zone_share[k] * 100) : "—"},
         {{"issue", model.issues[k].id}},
         false});
  out.table(std::move(table));
}

}  // namespace

void add_spatial(Builder& out, const Model& model, const Content& content) {
  out.heading(2, "Issues and positions");
  const SpatialPrediction& p = *content.spatial;
  out.paragraph(
      "Each party's weight is its capability times the salience it gives the issue. The weighted median "
      "is the position a majority of weight would not move from; the compromise is the weighted mean; the "
      "Nash bargaining solution maximises the weighted product of gains over disagreement; the "
      "expected-utility model (Bueno de Mesquita, as specified by Scholz, Calbert & Smith 2011) and the "
      "spatial model of politics (after KTAB's SMP) let positions move round by round.");
  positions_table(out, model);
  forecasts_table(out, model, p);
  concessions_table(out, model, p);
  if (content.sampled) samples_table(out, model, *content.sampled);
  if (!content.sampled_note.empty()) out.paragraph(content.sampled_note + ".", "note");
  PositionsPicture picture;
  picture.title = fmt::format("Positions and forecasts on each issue of {}", model.name);
  picture.description =
      "One panel per issue on its scale: each party's position as a dot sized by salience, its red line as a bar, the "
      "zone of agreement shaded green, and the forecasts of the weighted median, the compromise, the Nash bargaining "
      "solution, the expected-utility model and the SMP as diamonds.";
  picture.sampled = content.sampled ? &*content.sampled : nullptr;
  out.figure({"positions-figure", svg_positions_chart(model, p, picture),
              "Positions (dots, larger = more salient), red lines (bars), the zone of agreement (green) and the "
              "forecasts (diamonds" +
                  std::string(content.sampled ? "; grey: the spread over the samples" : "") + ") on each issue.",
              picture.title, "positions"});
}

}  // namespace parley::report
