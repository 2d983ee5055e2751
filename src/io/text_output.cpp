// SPDX-License-Identifier: Apache-2.0
#include "parley/io/text_output.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace parley {

namespace {

const char* source_name(Preference::Source s) {
  switch (s) {
    case Preference::Source::Priorities: return "priorities";
    case Preference::Source::Ranking: return "ranking";
    case Preference::Source::Payoffs: return "payoffs";
  }
  return "";
}

const char* direction_note(Direction d) {
  switch (d) {
    case Direction::Both: return "";
    case Direction::TakeOnly: return " (take only)";
    case Direction::WithdrawOnly: return " (withdraw only)";
  }
  return "";
}

/// Ends a table line without trailing blanks.
void end_line(std::string& out) {
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  out += '\n';
}

/// Width of the widest state number, so that columns line up.
int number_width(const Model& model) {
  return static_cast<int>(std::to_string(model.states->size()).size());
}

}  // namespace

std::string text_summary(const Model& model) {
  std::string out = fmt::format("{}\n", model.name);
  out += fmt::format("  parties: {}\n", model.parties.size());
  for (const Party& p : model.parties) {
    if (p.option_count == 0) {
      out += fmt::format("    {:<10} spatial only: capability {}, positions on {} issue{}\n", p.id,
                         p.capability.value_or(0.0), p.stances.size(), p.stances.size() == 1 ? "" : "s");
      continue;
    }
    std::vector<std::string> options;
    for (int k = p.first_option; k < p.first_option + p.option_count; ++k) {
      const Option& o = model.options[static_cast<std::size_t>(k)];
      options.push_back(o.id + direction_note(o.direction));
    }
    const auto i = static_cast<std::size_t>(&p - model.parties.data());
    const bool has_preference = i < model.preferences.size() && !model.preferences[i].levels().empty();
    std::string partly;  // partial preferences: how many ways the unknown part can be settled
    if (const auto& u = p.preference_uncertainty; u && has_preference) {
      const auto count = u->completion_count();
      partly = count ? fmt::format(", partly known ({} completions)", *count)
                     : std::string(", partly known (more than 2^64 completions)");
    }
    out += fmt::format(
        "    {:<10} {} option{}{}{}{}\n", p.id, p.option_count, p.option_count == 1 ? "" : "s",
        options.empty() ? "" : ": " + fmt::format("{}", fmt::join(options, ", ")),
        has_preference ? fmt::format("; preference by {}", source_name(model.preferences[i].source())) : "", partly);
  }
  if (model.has_options()) {
    out += fmt::format("  options: {}, rules: {}\n", model.option_count(), model.rules.size());
    out += fmt::format("  feasible states: {} of {} combinations\n", model.states->size(),
                       std::uint64_t{1} << model.option_count());
    out += fmt::format("  status quo: {}\n", model.status_quo ? fmt::format("state {} ({})", *model.status_quo + 1,
                                                                            model.pattern(*model.status_quo))
                                                              : std::string("not given"));
  }
  if (!model.issues.empty()) {
    out += fmt::format("  issues: {}\n", model.issues.size());
    for (const Issue& issue : model.issues) {
      const auto takes_part = std::count_if(model.parties.begin(), model.parties.end(), [&](const Party& p) {
        return std::any_of(p.stances.begin(), p.stances.end(), [&](const IssueStance& s) {
          return model.issues[static_cast<std::size_t>(s.issue)].id == issue.id;
        });
      });
      out += fmt::format("    {:<10} [{}, {}], {} part{} with a position\n", issue.id, issue.range.low,
                         issue.range.high, takes_part, takes_part == 1 ? "y" : "ies");
    }
  }
  return out;
}

std::string text_state_table(const Model& model, const std::vector<TableRow>& rows, std::size_t max_columns) {
  if (!model.has_options()) return {};
  const std::size_t shown = std::min(model.states->size(), max_columns);
  const int width = number_width(model) + 1;
  std::size_t label_width = 5;  // "state"
  for (const Option& o : model.options) {
    const auto& party = model.parties[static_cast<std::size_t>(o.party)].id;
    label_width = std::max(label_width, party.size() + 1 + o.id.size());
  }
  for (const TableRow& row : rows)
    label_width = std::max(label_width, row.label.size());
  label_width += 1;
  std::string out;
  constexpr std::size_t kPerBlock = 24;  // columns per block, so that lines fit a terminal
  for (std::size_t start = 0; start < shown; start += kPerBlock) {
    const std::size_t end = std::min(shown, start + kPerBlock);
    out += fmt::format("{:<{}}", "state", label_width);
    for (std::size_t s = start; s < end; ++s) {
      const bool sq = model.status_quo && *model.status_quo == s;
      out += fmt::format("{:>{}}{}", s + 1, width, sq ? "*" : " ");
    }
    end_line(out);
    for (int k = 0; k < model.option_count(); ++k) {
      const Option& o = model.options[static_cast<std::size_t>(k)];
      const auto& party = model.parties[static_cast<std::size_t>(o.party)].id;
      const bool first_of_party = k == model.parties[static_cast<std::size_t>(o.party)].first_option;
      out += fmt::format("{:<{}}", (first_of_party ? party : std::string(party.size(), ' ')) + " " + o.id, label_width);
      for (std::size_t s = start; s < end; ++s)
        out += fmt::format("{:>{}} ", ((model.states->bits(static_cast<StateIndex>(s)) >> k) & 1U) ? 'Y' : 'N', width);
      end_line(out);
    }
    for (const TableRow& row : rows) {
      if (row.gap_before) end_line(out);
      out += fmt::format("{:<{}}", row.label, label_width);
      for (std::size_t s = start; s < end; ++s)
        out += fmt::format("{:>{}} ", row.mark(static_cast<StateIndex>(s)), width);
      end_line(out);
    }
    if (end < shown) end_line(out);
  }
  if (model.status_quo) out += "(* status quo)\n";
  if (shown < model.states->size())
    out += fmt::format("... {} more states not shown; use --json for all of them\n", model.states->size() - shown);
  return out;
}

std::string text_rankings(const Model& model, std::size_t max_states) {
  std::string out;
  for (std::size_t i = 0; i < model.parties.size(); ++i) {
    const Preference& p = model.preferences[i];
    if (p.levels().empty()) continue;
    out += fmt::format("{:<10} ", model.parties[i].id);
    std::size_t listed = 0;
    for (const auto& group : p.ranking()) {
      if (listed >= max_states) {
        out += "...";
        break;
      }
      std::vector<std::string> numbers;
      numbers.reserve(group.size());
      for (StateIndex s : group)
        numbers.push_back(std::to_string(s + 1));
      out += group.size() == 1 ? numbers[0] : fmt::format("({})", fmt::join(numbers, " "));
      out += " ";
      listed += group.size();
    }
    end_line(out);
  }
  return out;
}

}  // namespace parley
