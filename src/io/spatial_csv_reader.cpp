// SPDX-License-Identifier: Apache-2.0
/// The two CSV layouts spatial-bargaining tools share, read into a ModelDraft that build_model
/// then validates like any model (so every error points at a line and column of the CSV):
///
/// KTAB's SMP input (Wise et al., KAPSARC):
///   Scenario name,Scenario description,ACTORS,ISSUES,
///   Actor,Description,Power,<position 1>,<salience 1>,<position 2>,<salience 2>,...
///   A1,First actor,102.5,75.8,49.5,6.4,10.9,
/// Positions lie on KTAB's 0..100 scale, which becomes each issue's range; saliences are
/// percentages: divided by 100, or, where an actor's saliences add up to more than 100, by their
/// sum (so they add up to 1, as KTAB's own normalisation does). Issue ids come from the position
/// columns' headers ("Reform Position" -> reform).
///
/// The expected-utility layout (Bueno de Mesquita's model; Scholz, Calbert & Smith 2011):
///   Actor,Capability,Position,Salience
/// one issue, columns in any order. Its range runs from the smallest to the largest position
/// (one unit either side when they are all equal). Saliences are read as 0..1, or as percentages
/// when any exceeds 1.
#include "spatial_csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

#include "identifiers.hpp"

namespace parley::detail {

namespace {

struct Field {
  std::string text;
  SourceLocation where;
};
using Row = std::vector<Field>;

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

std::string lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// Rows of fields with their places; quoted fields may hold commas and doubled quotes. Empty lines
/// and a trailing empty field (KTAB ends rows with a comma) are dropped.
std::vector<Row> split_rows(std::string_view text, Diagnostics& diagnostics) {
  std::vector<Row> rows;
  int line = 1;
  std::size_t i = 0;
  while (i <= text.size()) {
    Row row;
    std::size_t line_start = i;
    bool end_of_line = false;
    while (!end_of_line) {
      Field field{{}, {line, static_cast<int>(i - line_start) + 1}};
      std::string raw;
      bool quoted = false;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
        ++i;
      if (i < text.size() && text[i] == '"') {
        quoted = true;
        const SourceLocation open{line, static_cast<int>(i - line_start) + 1};
        ++i;
        while (true) {
          if (i >= text.size()) {
            diagnostics.error(open, "a quoted field is not closed", "add the closing '\"'");
            return rows;
          }
          if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
            raw += '"';
            i += 2;
          } else if (text[i] == '"') {
            ++i;
            break;
          } else {
            if (text[i] == '\n') {
              ++line;
              line_start = i + 1;
            }
            raw += text[i++];
          }
        }
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
        raw += text[i++];
      field.text = quoted ? raw : trimmed(raw);
      row.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      end_of_line = true;
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      if (i >= text.size()) i = text.size() + 1;
    }
    while (!row.empty() && row.back().text.empty())
      row.pop_back();
    if (!row.empty()) rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<Located<double>> number(const Field& field, const char* what, Diagnostics& diagnostics) {
  double value = 0;
  const char* begin = field.text.data();
  const char* end = begin + field.text.size();
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (field.text.empty() || ec != std::errc() || ptr != end) {
    diagnostics.error(field.where, fmt::format("{} '{}' is not a number", what, field.text),
                      "write a plain decimal number such as 42 or 0.35");
    return std::nullopt;
  }
  return Located<double>{value, field.where};
}

const Field* at(const Row& row, std::size_t k) {
  return k < row.size() ? &row[k] : nullptr;
}

class CsvDraftReader {
 public:
  CsvDraftReader(const std::vector<Row>& rows, Diagnostics& diagnostics) : rows_(rows), diagnostics_(diagnostics) {}

  ModelDraft ktab(const std::string& default_name) {
    ModelDraft draft;
    const Row& title = rows_[0];
    draft.name = title[0].text.empty() ? default_name : title[0].text;
    if (title.size() > 1) draft.description = title[1].text;
    const auto actors = title.size() > 2 ? number(title[2], "the number of actors", diagnostics_) : std::nullopt;
    const auto issues = title.size() > 3 ? number(title[3], "the number of issues", diagnostics_) : std::nullopt;
    if (!actors || !issues) {
      if (title.size() <= 3)
        diagnostics_.error(title[0].where,
                           "the first line should give the scenario's name, description, number "
                           "of actors and number of issues",
                           "write e.g. `My scenario,What it is about,7,3,`");
      return draft;
    }
    const Row& header = rows_[1];
    const auto issue_count = static_cast<std::size_t>(std::max(0.0, issues->value));
    if (header.size() != 3 + 2 * issue_count) {
      diagnostics_.error(header[0].where,
                         fmt::format("the header has {} columns, but {} issue{} need 3 + 2 x {} = {}", header.size(),
                                     issue_count, issue_count == 1 ? "" : "s", issue_count, 3 + 2 * issue_count),
                         "list Actor, Description, Power, then a position and a salience column per issue");
      return draft;
    }
    std::set<std::string> taken;
    for (std::size_t k = 0; k < issue_count; ++k) {
      const Field& column = header[3 + 2 * k];
      std::string base = identifier_from(column.text, true, "issue");
      // "Reform Position" names the issue "reform".
      if (base.size() > 9 && base.ends_with("_position")) base.resize(base.size() - 9);
      IssueDraft issue;
      issue.id = {unique_id(base.empty() ? fmt::format("issue{}", k + 1) : base, taken), column.where};
      issue.name = column.text;
      issue.range = IntervalDraft{{0, column.where}, {100, column.where}};
      issue.range_given = true;
      issue.where = column.where;
      draft.issues.push_back(std::move(issue));
    }
    std::set<std::string> party_ids;
    for (std::size_t r = 2; r < rows_.size(); ++r) {
      const Row& row = rows_[r];
      if (row.size() != header.size()) {
        diagnostics_.error(row.back().where,
                           fmt::format("this row has {} fields where the header has {}", row.size(), header.size()),
                           "give each actor a name, description, power and a position and salience per issue");
        continue;
      }
      PartyDraft party = actor(row[0], party_ids);
      party.name = row[1].text.empty() ? row[0].text : row[1].text;
      party.capability = number(row[2], "power", diagnostics_);
      std::vector<std::optional<Located<double>>> saliences;
      double total = 0;
      for (std::size_t k = 0; k < issue_count; ++k) {
        const std::string& issue = draft.issues[k].id.value;
        if (auto p = number(row[3 + 2 * k], "position", diagnostics_))
          party.positions.emplace_back(Located<std::string>{issue, row[3 + 2 * k].where}, *p);
        saliences.push_back(number(row[4 + 2 * k], "salience", diagnostics_));
        if (saliences.back()) total += saliences.back()->value;
      }
      const double scale = std::max(100.0, total);  // percentages, normalised if they add up to more
      for (std::size_t k = 0; k < issue_count; ++k)
        if (saliences[k])
          party.salience.emplace_back(Located<std::string>{draft.issues[k].id.value, saliences[k]->where},
                                      Located<double>{saliences[k]->value / scale, saliences[k]->where});
      draft.parties.push_back(std::move(party));
    }
    if (diagnostics_.empty() && draft.parties.size() != static_cast<std::size_t>(actors->value))
      diagnostics_.error(
          title[2].where,
          fmt::format("the first line announces {} actors, but {} follow", title[2].text, draft.parties.size()),
          "correct the count or the rows");
    return draft;
  }

  ModelDraft expected_utility(const std::string& default_name) {
    ModelDraft draft;
    draft.name = default_name;
    const Row& header = rows_[0];
    const std::vector<std::string> known = {"actor", "capability", "position", "salience"};
    std::vector<int> column(known.size(), -1);
    for (std::size_t c = 0; c < header.size(); ++c) {
      const auto k = std::find(known.begin(), known.end(), lower(header[c].text)) - known.begin();
      if (static_cast<std::size_t>(k) == known.size()) {
        const std::string guess = closest_match(lower(header[c].text), known);
        diagnostics_.error(header[c].where, fmt::format("unknown column '{}'", header[c].text),
                           guess.empty() ? "the columns are Actor, Capability, Position, Salience"
                                         : fmt::format("did you mean '{}'?", guess));
      } else if (column[static_cast<std::size_t>(k)] >= 0) {
        diagnostics_.error(header[c].where, fmt::format("second column '{}'", header[c].text), "keep one");
      } else {
        column[static_cast<std::size_t>(k)] = static_cast<int>(c);
      }
    }
    // A misspelt column is reported once, as unknown, not again as missing.
    for (std::size_t k = 0; k < known.size() && diagnostics_.empty(); ++k)
      if (column[k] < 0)
        diagnostics_.error(header[0].where, fmt::format("the header has no '{}' column", known[k]),
                           "the columns are Actor, Capability, Position, Salience");
    if (!diagnostics_.empty()) return draft;
    const auto field = [&](const Row& row, std::size_t k) { return at(row, static_cast<std::size_t>(column[k])); };

    IssueDraft issue;
    issue.id = {"issue", header[0].where};
    issue.name = default_name;
    issue.where = header[0].where;
    std::set<std::string> party_ids;
    std::vector<Located<double>> saliences;
    double low = 0, high = 0;
    for (std::size_t r = 1; r < rows_.size(); ++r) {
      const Row& row = rows_[r];
      if (!field(row, 0) || !field(row, 1) || !field(row, 2) || !field(row, 3)) {
        diagnostics_.error(row.back().where,
                           fmt::format("this row has {} fields where the header has {}", row.size(), header.size()),
                           "give each actor a capability, a position and a salience");
        continue;
      }
      PartyDraft party = actor(*field(row, 0), party_ids);
      party.capability = number(*field(row, 1), "capability", diagnostics_);
      if (auto p = number(*field(row, 2), "position", diagnostics_)) {
        low = draft.parties.empty() ? p->value : std::min(low, p->value);
        high = draft.parties.empty() ? p->value : std::max(high, p->value);
        party.positions.emplace_back(Located<std::string>{"issue", p->where}, *p);
      }
      if (auto s = number(*field(row, 3), "salience", diagnostics_)) {
        party.salience.emplace_back(Located<std::string>{"issue", s->where}, *s);
        saliences.push_back(*s);
      }
      draft.parties.push_back(std::move(party));
    }
    // Percentages when any salience is above 1 (and none above 100, which validation reports).
    const bool percent = std::any_of(saliences.begin(), saliences.end(), [](const auto& s) { return s.value > 1; });
    const bool in_percent_range =
        std::all_of(saliences.begin(), saliences.end(), [](const auto& s) { return s.value <= 100; });
    if (percent && in_percent_range)
      for (auto& party : draft.parties)
        for (auto& [name, value] : party.salience)
          value.value /= 100;
    if (low == high) {
      low -= 1;
      high += 1;
    }
    issue.range = IntervalDraft{{low, header[0].where}, {high, header[0].where}};
    issue.range_given = true;
    draft.issues.push_back(std::move(issue));
    return draft;
  }

 private:
  PartyDraft actor(const Field& name, std::set<std::string>& taken) {
    PartyDraft party;
    const std::string base = identifier_from(name.text, false, "actor");
    if (base.empty())
      diagnostics_.error(name.where, fmt::format("actor name '{}' has no letter or digit", name.text),
                         "give each actor a name");
    party.id = {unique_id(base.empty() ? "actor" : base, taken), name.where};
    party.name = name.text;
    return party;
  }

  const std::vector<Row>& rows_;
  Diagnostics& diagnostics_;
};

}  // namespace

namespace {

/// True if one comma-separated field of the line is `actor` (quoted or not, any case).
bool has_actor_column(std::string_view line) {
  std::size_t start = 0;
  while (start <= line.size()) {
    const auto comma = line.find(',', start);
    std::string field = lower(trimmed(line.substr(start, comma == std::string_view::npos ? line.npos : comma - start)));
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"') field = field.substr(1, field.size() - 2);
    if (field == "actor") return comma != std::string_view::npos || start > 0;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return false;
}

}  // namespace

bool looks_like_spatial_csv(std::string_view text) {
  // Line 1 (expected-utility layout) or line 2 (KTAB, under the scenario line) has an Actor column.
  const auto first_end = text.find('\n');
  const std::string_view first = text.substr(0, first_end);
  if (has_actor_column(first)) return true;
  if (first_end == std::string_view::npos || first.find(',') == std::string_view::npos) return false;
  const auto rest = text.substr(first_end + 1);
  return has_actor_column(rest.substr(0, rest.find('\n')));
}

ModelDraft parse_spatial_csv(std::string_view text, const std::string& default_name, Diagnostics& diagnostics) {
  const std::vector<Row> rows = split_rows(text, diagnostics);
  if (!diagnostics.empty()) return {};
  if (rows.size() < 2) {
    diagnostics.error({1, 1}, "the CSV file has no actors", "add one row per actor under the header");
    return {};
  }
  CsvDraftReader reader(rows, diagnostics);
  const bool expected_utility_layout =
      std::any_of(rows[0].begin(), rows[0].end(), [](const Field& f) { return lower(f.text) == "actor"; });
  if (!expected_utility_layout && rows.size() < 3) {
    diagnostics.error(rows[1][0].where, "the CSV file has no actors", "add one row per actor under the header");
    return {};
  }
  return expected_utility_layout ? reader.expected_utility(default_name) : reader.ktab(default_name);
}

}  // namespace parley::detail
