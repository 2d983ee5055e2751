// SPDX-License-Identifier: Apache-2.0
#include "parley/io/svg_state_graph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>

#include "parley/core/moves.hpp"
#include "parley/io/report_document.hpp"
#include "svg_text.hpp"

namespace parley {

namespace {

constexpr double kRadius = 13;
constexpr double kColumnWidth = 125;
constexpr double kRowGap = 40;
constexpr double kMargin = 40;
constexpr const char* kEquilibriumFill = "#1f4e79";
constexpr const char* kPartialFill = "#a9c8e6";
constexpr const char* kStatusQuoRing = "#d97706";

struct Point {
  double x = 0, y = 0;
};

/// Moves between two drawn states a < b: they belong to one party (only its options differ).
struct Link {
  int party = 0;
  bool forward = false, backward = false;                    ///< a -> b, b -> a are moves
  bool forward_improves = false, backward_improves = false;  ///< ... that the party prefers
};

std::map<std::pair<StateIndex, StateIndex>, Link> links_between(const Model& model,
                                                                const std::vector<StateIndex>& states) {
  std::vector<bool> drawn(model.states->size(), false);
  for (StateIndex s : states)
    drawn[s] = true;
  std::map<std::pair<StateIndex, StateIndex>, Link> links;
  for (std::size_t p = 0; p < model.parties.size(); ++p) {
    if (model.parties[p].option_count == 0) continue;
    const MoveGenerator moves(model, static_cast<int>(p));
    const Preference* preference =
        p < model.preferences.size() && !model.preferences[p].levels().empty() ? &model.preferences[p] : nullptr;
    for (StateIndex s : states)
      moves.for_each_move(s, [&](StateIndex t) {
        if (!drawn[t]) return;
        Link& link = links[{std::min(s, t), std::max(s, t)}];
        link.party = static_cast<int>(p);
        const bool improves = preference && preference->prefers(t, s);
        if (s < t) {
          link.forward = true;
          link.forward_improves = improves;
        } else {
          link.backward = true;
          link.backward_improves = improves;
        }
      });
  }
  return links;
}

/// Columns by the number of options that differ from the status quo (or are taken, without one),
/// each ordered by the mean place of its neighbours in the columns before it (fewer crossings).
std::map<StateIndex, Point> layout(const Model& model, const StateGraphPicture& picture,
                                   const std::map<std::pair<StateIndex, StateIndex>, Link>& links,
                                   std::vector<int>& column_distance, double& height) {
  const StateBits base = picture.status_quo ? model.states->bits(*picture.status_quo) : 0;
  std::map<int, std::vector<StateIndex>> by_distance;
  for (StateIndex s : picture.states)
    by_distance[std::popcount(model.states->bits(s) ^ base)].push_back(s);
  std::map<StateIndex, std::vector<StateIndex>> neighbours;
  for (const auto& [pair, link] : links) {
    neighbours[pair.first].push_back(pair.second);
    neighbours[pair.second].push_back(pair.first);
  }
  std::map<StateIndex, double> place;  // 0..1 within its column
  std::size_t tallest = 1;
  std::vector<std::vector<StateIndex>> columns;
  for (auto& [distance, column] : by_distance) {
    std::vector<std::pair<double, StateIndex>> keyed;
    for (StateIndex s : column) {
      double sum = 0;
      int count = 0;
      for (StateIndex t : neighbours[s])
        if (auto it = place.find(t); it != place.end()) sum += it->second, ++count;
      keyed.emplace_back(count ? sum / count : 2.0, s);
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<StateIndex> ordered;
    for (std::size_t k = 0; k < keyed.size(); ++k) {
      ordered.push_back(keyed[k].second);
      place[keyed[k].second] = keyed.size() == 1 ? 0.5 : double(k) / double(keyed.size() - 1);
    }
    tallest = std::max(tallest, ordered.size());
    columns.push_back(std::move(ordered));
    column_distance.push_back(distance);
  }
  height = double(tallest) * kRowGap;
  std::map<StateIndex, Point> at;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const double top = (height - double(columns[c].size()) * kRowGap) / 2 + kRowGap / 2;
    for (std::size_t k = 0; k < columns[c].size(); ++k)
      at[columns[c][k]] = {kMargin + kRadius + double(c) * kColumnWidth, top + double(k) * kRowGap};
  }
  return at;
}

/// A gently curved path from a to b, its ends on the node circles; same-column links bow out more.
std::string curve(Point a, Point b, bool arrow) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double length = std::max(1.0, std::hypot(dx, dy));
  const double bow = std::abs(dx) < 1 ? 0.28 * length + 12 : 0.08 * length;
  Point control{(a.x + b.x) / 2 - dy / length * bow, (a.y + b.y) / 2 + dx / length * bow};
  const auto pull = [&](Point end, double by) {
    const double ex = control.x - end.x, ey = control.y - end.y;
    const double d = std::max(1.0, std::hypot(ex, ey));
    return Point{end.x + ex / d * by, end.y + ey / d * by};
  };
  const Point from = pull(a, kRadius + 1);
  const Point to = pull(b, kRadius + (arrow ? 2.5 : 1));
  return fmt::format("M{:.1f},{:.1f} Q{:.1f},{:.1f} {:.1f},{:.1f}", from.x, from.y, control.x, control.y, to.x, to.y);
}

std::string markers(const Model& model) {
  std::string out = "<defs>\n";
  for (std::size_t p = 0; p < model.parties.size(); ++p)
    out += fmt::format(
        "<marker id=\"sg-arrow-{}\" viewBox=\"0 0 10 10\" refX=\"8.5\" refY=\"5\" markerWidth=\"6\" "
        "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker>\n",
        p, party_colour(static_cast<int>(p)));
  return out + "</defs>\n";
}

std::string edges(const std::map<std::pair<StateIndex, StateIndex>, Link>& links, const std::map<StateIndex, Point>& at,
                  bool with_faint) {
  std::string faint, strong;
  for (const auto& [pair, link] : links) {
    const std::string colour = party_colour(link.party);
    if (link.forward_improves || link.backward_improves) {
      const bool forward = link.forward_improves;
      const Point a = at.at(forward ? pair.first : pair.second), b = at.at(forward ? pair.second : pair.first);
      strong += fmt::format(
          "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.8\" marker-end=\"url(#sg-arrow-{})\"/>\n",
          curve(a, b, true), colour, link.party);
    } else if (with_faint) {
      faint += fmt::format(
          "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\" stroke-opacity=\"0.28\" "
          "stroke-dasharray=\"3 3\"/>\n",
          curve(at.at(pair.first), at.at(pair.second), false), colour);
    }
  }
  return "<g class=\"moves\">\n" + faint + strong + "</g>\n";
}

std::string path_underlay(const StateGraphPicture& picture, const std::map<StateIndex, Point>& at) {
  std::string out;
  for (std::size_t k = 1; k < picture.path.size(); ++k) {
    const auto a = at.find(picture.path[k - 1]), b = at.find(picture.path[k]);
    if (a == at.end() || b == at.end()) continue;
    out += fmt::format(
        "<path d=\"{}\" fill=\"none\" stroke=\"#f2b84b\" stroke-width=\"9\" stroke-opacity=\"0.55\" "
        "stroke-linecap=\"round\"/>\n",
        curve(a->second, b->second, false));
  }
  return out.empty() ? "" : "<g class=\"path\">\n" + out + "</g>\n";
}

std::string nodes(const Model& model, const StateGraphPicture& picture, const std::map<StateIndex, Point>& at) {
  std::string out = "<g class=\"states\" font-size=\"10\" text-anchor=\"middle\">\n";
  for (std::size_t k = 0; k < picture.states.size(); ++k) {
    const StateIndex s = picture.states[k];
    const Point p = at.at(s);
    const int strength = k < picture.strength.size() ? picture.strength[k] : 0;
    const bool full = strength > 0 && strength >= picture.concept_count;
    const char* fill = full ? kEquilibriumFill : strength > 0 ? kPartialFill : "#ffffff";
    const bool status_quo = picture.status_quo && *picture.status_quo == s;
    const std::string note = k < picture.notes.size() ? picture.notes[k] : "";
    out += fmt::format(
        "<g><title>{}</title>",
        report::html_escape(fmt::format("State {} {}{}{}", s + 1, model.pattern(s), status_quo ? " (status quo)" : "",
                                        note.empty() ? "" : ": " + note)));
    out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
                       p.x, p.y, kRadius, fill, status_quo ? kStatusQuoRing : "#44505c", status_quo ? 3.5 : 1.2);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"{}\">{}</text>", p.x, p.y + 3.5,
                       full ? "#ffffff" : "#1c2530", s + 1);
    if (status_quo)
      out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"{}\" font-weight=\"700\">status quo</text>", p.x,
                         p.y - kRadius - 6, kStatusQuoRing);
    out += "</g>\n";
  }
  return out + "</g>\n";
}

std::string column_heads(const std::vector<int>& distances, bool from_status_quo, double y) {
  std::string out = "<g font-size=\"10.5\" fill=\"#5a6776\" text-anchor=\"middle\">\n";
  for (std::size_t c = 0; c < distances.size(); ++c) {
    const int d = distances[c];
    const std::string label = from_status_quo
                                  ? (d == 0 ? "status quo" : fmt::format("{} option{} changed", d, d == 1 ? "" : "s"))
                                  : fmt::format("{} option{} taken", d, d == 1 ? "" : "s");
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", kMargin + kRadius + double(c) * kColumnWidth, y,
                       label);
  }
  return out + "</g>\n";
}

/// Party colours and node marks, wrapped to the picture's width; returns its height through `height`.
std::string legend(const Model& model, const StateGraphPicture& picture, double width, double& height) {
  svg::Flow flow(kMargin, 18, width - kMargin, 20);
  std::string out = "<g class=\"legend\" font-size=\"11\" fill=\"#1c2530\">\n";
  for (std::size_t p = 0; p < model.parties.size(); ++p) {
    if (model.parties[p].option_count == 0) continue;
    const std::string name = model.parties[p].id;
    const auto [x, y] = flow.place(28 + svg::text_width(name, 11));
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"2.5\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
        x, y - 4, x + 20, y - 4, party_colour(static_cast<int>(p)), x + 25, y, report::html_escape(name));
  }
  const auto mark = [&](const std::string& shape, const std::string& text) {
    const auto [x, y] = flow.place(26 + svg::text_width(text, 11));
    out += fmt::format(fmt::runtime(shape), x + 8, y - 4) +
           fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", x + 21, y, report::html_escape(text));
  };
  flow.gap(14);
  mark("<path d=\"M{:.1f},{:.1f} m-9,0 l14,0\" stroke=\"#44505c\" stroke-width=\"1.8\"/>", "improvement (arrow)");
  mark("<path d=\"M{:.1f},{:.1f} m-9,0 l14,0\" stroke=\"#44505c\" stroke-dasharray=\"3 3\" stroke-opacity=\"0.5\"/>",
       "other move");
  mark("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"6\" fill=\"" + std::string(kEquilibriumFill) + "\"/>",
       fmt::format("equilibrium under all {}", picture.concept_count));
  mark("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"6\" fill=\"" + std::string(kPartialFill) + "\" stroke=\"#44505c\"/>",
       "under some");
  mark("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"6\" fill=\"#fff\" stroke=\"" + std::string(kStatusQuoRing) +
           "\" stroke-width=\"3\"/>",
       "status quo");
  if (picture.path.size() > 1)
    mark("<path d=\"M{:.1f},{:.1f} m-9,0 l14,0\" stroke=\"#f2b84b\" stroke-width=\"8\" stroke-opacity=\"0.6\"/>",
         "path to the settlement");
  height = flow.bottom() + 8;
  return out + "</g>\n";
}

}  // namespace

std::string party_colour(int party) {
  // Okabe & Ito's colour-blind-safe set (yellow left out: unreadable on white), then darker tones.
  static const char* const palette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                                        "#56B4E9", "#7a4f9a", "#8c564b", "#2f4f4f", "#b8860b"};
  return palette[static_cast<std::size_t>(party) % std::size(palette)];
}

std::string svg_state_graph(const Model& model, const StateGraphPicture& picture) {
  const auto links = links_between(model, picture.states);
  std::vector<int> distances;
  double graph_height = 0;
  std::map<StateIndex, Point> at = layout(model, picture, links, distances, graph_height);
  const double width = std::max(560.0, 2 * kMargin + 2 * kRadius + double(distances.size() - 1) * kColumnWidth);
  double legend_height = 0;
  const std::string key = legend(model, picture, width, legend_height);
  const double top = legend_height + 26;  // room for the column heads
  for (auto& [state, point] : at)
    point.y += top + 10;
  const double height = top + graph_height + 30;
  std::string body = markers(model) + key + column_heads(distances, picture.status_quo.has_value(), top);
  body += path_underlay(picture, at);
  body += edges(links, at, links.size() <= picture.faint_move_limit);
  body += nodes(model, picture, at);
  return svg::frame("sg", width, height, picture.title, picture.description, body);
}

}  // namespace parley
