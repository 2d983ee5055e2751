// SPDX-License-Identifier: Apache-2.0
/// The spatial part: each party's capability, positions, salience and red lines on the issues.
#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <limits>

#include "build_context.hpp"

namespace parley::detail {

namespace {

/// The issue index for `name`, or -1 after reporting it.
int find_issue(const Located<std::string>& name, const Model& model, const char* key, Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < model.issues.size(); ++i) {
    if (model.issues[i].id == name.value) return static_cast<int>(i);
    ids.push_back(model.issues[i].id);
  }
  const std::string guess = closest_match(name.value, ids);
  diagnostics.error(name.where, fmt::format("unknown issue '{}' in {}", name.value, key),
                    ids.empty()     ? "declare it under the top-level `issues:` list first"
                    : guess.empty() ? fmt::format("issues are: {}", list_some(ids, 12))
                                    : fmt::format("did you mean '{}'?", guess));
  return -1;
}

/// True if x lies in the range; an invalid range (already reported) accepts everything.
bool inside(double x, const Interval& range) {
  return !(range.low < range.high) || (x >= range.low && x <= range.high);
}

struct PartySpatial {
  const PartyDraft& draft;
  Party& party;
  BuildContext& context;

  IssueStance* stance(int issue) {
    for (auto& s : party.stances)
      if (s.issue == issue) return &s;
    return nullptr;
  }

  void positions() {
    for (const auto& [name, value] : draft.positions) {
      const int issue = find_issue(name, context.model, "positions", context.diagnostics);
      if (issue < 0) continue;
      const Issue& is = context.model.issues[static_cast<std::size_t>(issue)];
      if (stance(issue)) {
        context.diagnostics.error(name.where, fmt::format("second position on issue '{}'", name.value),
                                  "give one position per issue");
      } else if (!std::isfinite(value.value) || !inside(value.value, is.range)) {
        context.diagnostics.error(value.where,
                                  fmt::format("position {} on issue '{}' lies outside its range [{}, {}]", value.value,
                                              is.id, is.range.low, is.range.high),
                                  "give a position inside the issue's range, or widen the range");
      } else {
        party.stances.push_back(
            {issue, value.value, -1.0, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
      }
    }
  }

  void salience() {
    for (const auto& [name, value] : draft.salience) {
      const int issue = find_issue(name, context.model, "salience", context.diagnostics);
      if (issue < 0) continue;
      IssueStance* s = stance(issue);
      if (!(value.value >= 0.0 && value.value <= 1.0)) {
        context.diagnostics.error(value.where,
                                  fmt::format("salience {} on issue '{}' is outside 0..1", value.value, name.value),
                                  "give a salience between 0 (does not matter) and 1 (matters most)");
      } else if (!s) {
        if (!draft_has_position(name.value))
          context.diagnostics.error(
              name.where, fmt::format("salience on issue '{}' without a position on it", name.value),
              fmt::format("add `positions: {{{}: ...}}` for party '{}', or drop this salience", name.value, party.id));
      } else {
        s->salience = value.value;
      }
    }
    for (const auto& s : party.stances) {
      if (s.salience >= 0) continue;
      const auto& issue = context.model.issues[static_cast<std::size_t>(s.issue)];
      context.diagnostics.error(
          draft.id.where, fmt::format("party '{}' has a position on '{}' but no salience for it", party.id, issue.id),
          fmt::format("add `salience: {{{}: 0..1}}`, how much the issue matters to it", issue.id));
    }
  }

  bool draft_has_position(const std::string& issue) const {
    return std::any_of(draft.positions.begin(), draft.positions.end(),
                       [&](const auto& p) { return p.first.value == issue; });
  }

  void red_lines() {
    for (const auto& [name, interval] : draft.red_lines) {
      const int issue = find_issue(name, context.model, "red_lines", context.diagnostics);
      if (issue < 0) continue;
      const Issue& is = context.model.issues[static_cast<std::size_t>(issue)];
      const double low = interval.value.low.value, high = interval.value.high.value;
      if (!(low <= high)) {
        context.diagnostics.error(
            interval.value.low.where,
            fmt::format("red line [{}, {}] on issue '{}' is empty (low above high)", low, high, is.id),
            "write the acceptable interval as [low, high]");
      } else if (!inside(low, is.range) || !inside(high, is.range)) {
        context.diagnostics.error(interval.value.low.where,
                                  fmt::format("red line [{}, {}] on issue '{}' leaves its range [{}, {}]", low, high,
                                              is.id, is.range.low, is.range.high),
                                  "keep red lines inside the issue's range");
      } else if (IssueStance* s = stance(issue)) {
        s->red_line = Interval{low, high};
      } else if (!draft_has_position(name.value)) {
        context.diagnostics.error(name.where, fmt::format("red line on issue '{}' without a position on it", is.id),
                                  fmt::format("add `positions: {{{}: ...}}` for party '{}'", is.id, party.id));
      }
    }
  }

  /// An uncertainty interval: well formed, around the stated value, inside [lo, hi] of its kind.
  std::optional<Interval> checked_range(const Located<IntervalDraft>& range, double stated, double lo, double hi,
                                        const std::string& what) {
    const double low = range.value.low.value, high = range.value.high.value;
    if (!(low <= high) || !std::isfinite(low) || !std::isfinite(high)) {
      context.diagnostics.error(range.where,
                                fmt::format("uncertainty of {} [{}, {}] is not an interval", what, low, high),
                                "write it as [low, high] with low <= high");
    } else if (low < lo || high > hi) {
      context.diagnostics.error(
          range.where, fmt::format("uncertainty of {} [{}, {}] leaves the allowed [{}, {}]", what, low, high, lo, hi),
          "keep the interval inside what the value itself may be");
    } else if (!(stated >= low && stated <= high)) {
      context.diagnostics.error(
          range.where,
          fmt::format("uncertainty of {} [{}, {}] does not contain the stated value {}", what, low, high, stated),
          "the interval describes how far the stated value may be off: it must contain it");
    } else {
      return Interval{low, high};
    }
    return std::nullopt;
  }

  void uncertainty() {
    if (draft.capability_range && party.capability)
      party.capability_range = checked_range(*draft.capability_range, *party.capability, 1e-300,
                                             std::numeric_limits<double>::infinity(), "capability");
    const auto ranges = [&](const LocatedMap<IntervalDraft>& given, bool positions) {
      for (const auto& [name, range] : given) {
        const int issue = find_issue(name, context.model, positions ? "uncertainty.positions" : "uncertainty.salience",
                                     context.diagnostics);
        if (issue < 0) continue;
        IssueStance* s = stance(issue);
        if (!s) {
          context.diagnostics.error(name.where,
                                    fmt::format("uncertainty on issue '{}' without a position on it", name.value),
                                    fmt::format("add `positions: {{{}: ...}}` for party '{}'", name.value, party.id));
          continue;
        }
        const Interval& scale = context.model.issues[static_cast<std::size_t>(issue)].range;
        if (positions)
          s->position_range =
              checked_range(range, s->position, scale.low, scale.high, fmt::format("the position on '{}'", name.value));
        else
          s->salience_range = checked_range(range, s->salience, 0, 1, fmt::format("the salience on '{}'", name.value));
      }
    };
    ranges(draft.position_ranges, true);
    ranges(draft.salience_ranges, false);
    red_line_ranges(draft.red_line_low_ranges, true);
    red_line_ranges(draft.red_line_high_ranges, false);
  }

  /// `uncertainty.red_line_low` / `red_line_high`: where each end of a red line may lie. The ends
  /// may not cross, so that every draw is a red line.
  void red_line_ranges(const LocatedMap<IntervalDraft>& given, bool low_end) {
    const char* key = low_end ? "uncertainty.red_line_low" : "uncertainty.red_line_high";
    for (const auto& [name, range] : given) {
      const int issue = find_issue(name, context.model, key, context.diagnostics);
      if (issue < 0) continue;
      IssueStance* s = stance(issue);
      if (!s || !s->red_line) {
        context.diagnostics.error(
            name.where, fmt::format("{} on issue '{}' without a red line on it", key, name.value),
            fmt::format("add `red_lines: {{{}: [low, high]}}` for party '{}'", name.value, party.id));
        continue;
      }
      const Interval& scale = context.model.issues[static_cast<std::size_t>(issue)].range;
      const double stated = low_end ? s->red_line->low : s->red_line->high;
      auto checked =
          checked_range(range, stated, scale.low, scale.high,
                        fmt::format("the red line's {} end on '{}'", low_end ? "lower" : "upper", name.value));
      if (!checked) continue;
      // The ends must not cross in any draw: the lower end's interval below the upper end.
      const double other_low = low_end ? (s->red_line_high_range ? s->red_line_high_range->low : s->red_line->high)
                                       : (s->red_line_low_range ? s->red_line_low_range->high : s->red_line->low);
      if (low_end ? checked->high > other_low : checked->low < other_low) {
        context.diagnostics.error(
            range.where,
            fmt::format("uncertainty of the red line's {} end on '{}' [{}, {}] crosses its {} end, "
                        "which may be at {}",
                        low_end ? "lower" : "upper", name.value, checked->low, checked->high,
                        low_end ? "upper" : "lower", other_low),
            "the lower end must stay at or below the upper end in every draw; narrow the intervals");
        continue;
      }
      (low_end ? s->red_line_low_range : s->red_line_high_range) = checked;
    }
  }

  void capability() {
    if (draft.capability) {
      const double c = draft.capability->value;
      if (!(c > 0) || !std::isfinite(c))
        context.diagnostics.error(draft.capability->where,
                                  fmt::format("capability {} of party '{}' is not positive", c, party.id),
                                  "give a positive number: the party's power, resources or clout");
      else
        party.capability = c;
    } else if (!draft.positions.empty()) {
      context.diagnostics.error(draft.id.where, fmt::format("party '{}' has positions but no capability", party.id),
                                "add `capability: N` (> 0), its power relative to the other parties");
    }
  }
};

}  // namespace

void build_spatial(BuildContext& context) {
  Model& model = context.model;
  for (std::size_t i = 0; i < context.draft.parties.size() && i < model.parties.size(); ++i) {
    const PartyDraft& pd = context.draft.parties[i];
    Party& party = model.parties[i];
    PartySpatial spatial{pd, party, context};
    spatial.positions();
    spatial.salience();
    spatial.red_lines();
    spatial.capability();
    spatial.uncertainty();
    std::sort(party.stances.begin(), party.stances.end(),
              [](const IssueStance& a, const IssueStance& b) { return a.issue < b.issue; });
    const bool options_given = pd.options_where.line != 0;
    const bool positions_given = !pd.positions.empty() || pd.capability;
    if (!options_given && !positions_given)
      context.diagnostics.error(pd.id.where, fmt::format("party '{}' has neither options nor positions", party.id),
                                "give it `options:` (strategic analysis) or `positions:` on issues (spatial analysis)");
  }
}

}  // namespace parley::detail
