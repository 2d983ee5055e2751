// SPDX-License-Identifier: Apache-2.0
#include "parley/io/svg_positions_chart.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <optional>

#include "parley/io/report_document.hpp"
#include "parley/io/svg_state_graph.hpp"
#include "svg_text.hpp"

namespace parley {

namespace {

constexpr double kWidth = 920;
constexpr double kPlotLeft = 210;
constexpr double kPlotRight = 880;
constexpr double kRow = 24;

using report::html_escape;

struct Forecast {
  const char* label;
  std::optional<double> value;
  const SampledPrediction* spread;
};

std::string num(double x) {
  std::string out = fmt::format("{:.3g}", x);
  return out == "-0" ? "0" : out;
}

std::optional<double> at(const std::vector<std::optional<double>>& values, std::size_t k) {
  return k < values.size() ? values[k] : std::nullopt;
}

std::array<Forecast, 5> forecasts(const SpatialPrediction& prediction, const UncertaintyResult* sampled,
                                  std::size_t k) {
  const IssuePrediction& p = prediction.issues[k];
  const IssueSamples* s = sampled && k < sampled->issues.size() ? &sampled->issues[k] : nullptr;
  std::optional<double> nbs;
  if (prediction.nbs.solution) nbs = prediction.nbs.solution->point[k];
  return {{{"Weighted median", p.median, s ? &s->median : nullptr},
           {"Compromise (weighted mean)", p.compromise, s ? &s->compromise : nullptr},
           {"Nash bargaining solution", nbs, s ? &s->nbs : nullptr},
           {"Expected utility (BDM)", at(prediction.eum.forecast, k), s ? &s->eum : nullptr},
           {"Spatial model (SMP)", at(prediction.smp.forecast, k), s ? &s->smp : nullptr}}};
}

/// The label a party gets on the left: its name when short, else its id.
std::string row_label(const Party& party) {
  return !party.name.empty() && party.name.size() <= 26 ? party.name : party.id;
}

class Panel {
 public:
  Panel(const Issue& issue, double top) : issue_(issue), top_(top) {}
  [[nodiscard]] double x(double value) const {
    const double span = issue_.range.high - issue_.range.low;
    return kPlotLeft + (span <= 0 ? 0.5 : (value - issue_.range.low) / span) * (kPlotRight - kPlotLeft);
  }
  [[nodiscard]] double top() const { return top_; }

 private:
  const Issue& issue_;
  double top_;
};

std::string axis(const Panel& panel, const Issue& issue, double y) {
  std::string out = fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#8a96a3\"/>\n",
                                kPlotLeft, y, kPlotRight, y);
  for (int t = 0; t <= 4; ++t) {
    const double value = issue.range.low + (issue.range.high - issue.range.low) * t / 4.0;
    const double x = panel.x(value);
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#8a96a3\"/>"
        "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\" fill=\"#5a6776\" font-size=\"10\">{4}</text>\n",
        x, y, y + 4, y + 15, num(value));
  }
  return out;
}

std::string party_row(const Model& model, const Panel& panel, std::size_t party, const IssueStance& stance, double y) {
  const Party& p = model.parties[party];
  std::string out = fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" font-size=\"11.5\">{}</text>\n",
                                kPlotLeft - 12, y + 4, html_escape(row_label(p)));
  out += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#eef1f4\"/>\n", kPlotLeft, y,
                     kPlotRight, y);
  std::string tip = fmt::format("{}: position {}, salience {}", p.id, num(stance.position), num(stance.salience));
  if (stance.red_line) {
    const double a = panel.x(stance.red_line->low), b = panel.x(stance.red_line->high);
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"7\" rx=\"2\" fill=\"#c62828\" "
        "fill-opacity=\"0.28\" stroke=\"#c62828\" stroke-width=\"1\"/>\n",
        a - 1, y - 3.5, std::max(2.0, b - a + 2));
    tip += fmt::format(", red line [{}, {}]", num(stance.red_line->low), num(stance.red_line->high));
  }
  const double r = 3 + 8 * std::sqrt(std::max(0.0, stance.salience));
  out += fmt::format(
      "<g><title>{}</title><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" fill-opacity=\"0.85\" "
      "stroke=\"#ffffff\" stroke-width=\"1.2\"/></g>\n",
      html_escape(tip), panel.x(stance.position), y, r, party_colour(static_cast<int>(party)));
  return out;
}

std::string forecast_row(const Panel& panel, const Forecast& f, double y) {
  std::string out = fmt::format(
      "<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" font-size=\"11\" fill=\"#34404d\" "
      "font-style=\"italic\">{}</text>\n",
      kPlotLeft - 12, y + 4, f.label);
  if (f.spread && f.spread->percentiles) {
    const Percentiles& q = *f.spread->percentiles;
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#5a6776\" stroke-width=\"1.2\"/>"
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"8\" fill=\"#cfd8e3\" stroke=\"#5a6776\" "
        "stroke-width=\"0.8\"/>\n",
        panel.x(q.p5), y, panel.x(q.p95), y, panel.x(q.p25), y - 4, std::max(1.0, panel.x(q.p75) - panel.x(q.p25)));
  }
  if (!f.value) {
    return out + fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"10.5\" fill=\"#5a6776\">none</text>\n",
                             kPlotLeft + 4, y + 4);
  }
  const double x = panel.x(*f.value);
  out += fmt::format(
      "<g><title>{}: {}</title><path d=\"M{:.1f},{:.1f} l6,6 l-6,6 l-6,-6 z\" fill=\"#1c2530\"/></g>"
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10.5\" fill=\"#1c2530\" stroke=\"#ffffff\" stroke-width=\"3\" "
      "paint-order=\"stroke\"{}>{}</text>\n",
      f.label, num(*f.value), x, y - 6, x + (x > kPlotRight - 40 ? -10 : 10), y + 4,
      x > kPlotRight - 40 ? " text-anchor=\"end\"" : "", num(*f.value));
  return out;
}

std::string issue_panel(const Model& model, const SpatialPrediction& prediction, const PositionsPicture& picture,
                        std::size_t k, double top, double& bottom) {
  const Issue& issue = model.issues[k];
  const Panel panel(issue, top);
  std::string out = fmt::format(
      "<g class=\"issue\">\n<text x=\"{}\" y=\"{:.1f}\" font-size=\"13\" "
      "font-weight=\"700\" fill=\"#1f4e79\">{}</text>\n",
      20, top + 14, html_escape(issue.name.empty() ? issue.id : issue.name));
  std::vector<std::pair<std::size_t, const IssueStance*>> stances;
  for (std::size_t p = 0; p < model.parties.size(); ++p)
    for (const IssueStance& s : model.parties[p].stances)
      if (s.issue == static_cast<int>(k)) stances.emplace_back(p, &s);
  const auto list = forecasts(prediction, picture.sampled, k);
  const double rows_top = top + 34;
  const double rows_bottom = rows_top + double(stances.size() + list.size()) * kRow + 6;
  const auto& zone = prediction.issues[k].zone_of_agreement;
  if (zone) {
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#2e7d32\" fill-opacity=\"0.13\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"10.5\" fill=\"#2e7d32\" text-anchor=\"end\">zone of agreement "
        "[{}, {}]</text>\n",
        panel.x(zone->low) - 2, rows_top - 10, std::max(4.0, panel.x(zone->high) - panel.x(zone->low) + 4),
        rows_bottom - rows_top + 10, kPlotRight, top + 14, num(zone->low), num(zone->high));
  } else {
    out += fmt::format(
        "<text x=\"{}\" y=\"{:.1f}\" font-size=\"10.5\" fill=\"#c62828\" text-anchor=\"end\" "
        "font-weight=\"700\">no zone of agreement: the red lines do not overlap</text>\n",
        kPlotRight, top + 14);
  }
  if (issue.status_quo) {
    const double x = panel.x(*issue.status_quo);
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#d97706\" stroke-width=\"1.5\" "
        "stroke-dasharray=\"4 3\"/><text x=\"{0:.1f}\" y=\"{3:.1f}\" font-size=\"10\" fill=\"#d97706\" "
        "text-anchor=\"middle\">today {4}</text>\n",
        x, rows_top - 8, rows_bottom, rows_top - 12, num(*issue.status_quo));
  }
  double y = rows_top + kRow / 2;
  for (const auto& [party, stance] : stances) {
    out += party_row(model, panel, party, *stance, y);
    y += kRow;
  }
  out += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#d6dce4\"/>\n", 20,
                     y - kRow / 2 + 2, kPlotRight, y - kRow / 2 + 2);
  for (const Forecast& f : list) {
    out += forecast_row(panel, f, y + 4);
    y += kRow;
  }
  out += axis(panel, issue, rows_bottom + 2);
  bottom = rows_bottom + 34;
  return out + "</g>\n";
}

std::string legend(const PositionsPicture& picture, double& height) {
  svg::Flow flow(20, 20, kWidth - 20, 20);
  std::string out = "<g class=\"legend\" font-size=\"11\" fill=\"#1c2530\">\n";
  const auto item = [&](const std::string& shape, const std::string& text) {
    const auto [x, y] = flow.place(30 + svg::text_width(text, 11));
    out += fmt::format(fmt::runtime(shape), x + 9, y - 4) +
           fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", x + 24, y, html_escape(text));
  };
  item("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"6\" fill=\"#0072B2\" fill-opacity=\"0.85\"/>",
       "position (larger = more salient)");
  item(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"18\" height=\"7\" transform=\"translate(-9,-3.5)\" fill=\"#c62828\" "
      "fill-opacity=\"0.28\" stroke=\"#c62828\"/>",
      "red line (what the party can accept)");
  item(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"18\" height=\"12\" transform=\"translate(-9,-6)\" fill=\"#2e7d32\" "
      "fill-opacity=\"0.18\"/>",
      "zone of agreement");
  item("<path d=\"M{:.1f},{:.1f} m0,-6 l6,6 l-6,6 l-6,-6 z\" fill=\"#1c2530\"/>", "forecast");
  if (picture.sampled)
    item(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"18\" height=\"8\" transform=\"translate(-9,-4)\" fill=\"#cfd8e3\" "
        "stroke=\"#5a6776\" stroke-width=\"0.8\"/>",
        fmt::format("middle half of {} samples (line: 90%)", picture.sampled->samples));
  height = flow.bottom() + 10;
  return out + "</g>\n";
}

}  // namespace

std::string svg_positions_chart(const Model& model, const SpatialPrediction& prediction,
                                const PositionsPicture& picture) {
  double y = 0;
  std::string body = legend(picture, y);
  for (std::size_t k = 0; k < model.issues.size() && k < prediction.issues.size(); ++k) {
    double bottom = 0;
    body += issue_panel(model, prediction, picture, k, y, bottom);
    y = bottom + 8;
  }
  return svg::frame("pc", kWidth, y, picture.title, picture.description, body);
}

}  // namespace parley
