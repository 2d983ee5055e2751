// SPDX-License-Identifier: Apache-2.0
// The strategic sections of a report: equilibria, states, the state graph, paths, coalitions,
// what would have to change, robustness and partly known preferences.
#include "report_sections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "parley/io/inverse_output.hpp"
#include "parley/io/svg_state_graph.hpp"
#include "report_words.hpp"

namespace parley::report {

namespace {

const char* kYes = "✓";

std::string concept_keys(const std::vector<Concept>& concepts) {
  std::vector<std::string> keys;
  for (Concept c : concepts)
    keys.emplace_back(concept_key(c));
  return fmt::format("{}", fmt::join(keys, " "));
}

std::string moves_cell(int moves) {
  return moves < 0 ? "—" : std::to_string(moves);
}

/// The states the tables list when the model has too many to list them all: the status quo, the
/// equilibria, the target and the states on the paths to the equilibria.
std::vector<StateIndex> states_of_interest(const Model& model, const Content& content, std::size_t limit) {
  std::set<StateIndex> chosen;
  if (model.status_quo) chosen.insert(*model.status_quo);
  if (content.change.target && chosen.size() < limit) chosen.insert(*content.change.target);
  for (const Settlement& s : content.settlements) {
    if (chosen.size() >= limit) break;
    std::vector<StateIndex> path = path_states(content, s.state);
    if (path.empty()) path.push_back(s.state);
    if (chosen.size() + path.size() > limit) continue;
    chosen.insert(path.begin(), path.end());
  }
  return {chosen.begin(), chosen.end()};
}

}  // namespace

const ReachableState* reachable(const Content& content, StateIndex to) {
  if (!content.paths) return nullptr;
  for (const ReachableState& r : content.paths->reachable)
    if (r.state == to) return &r;
  return nullptr;
}

const Settlement* headline_settlement(const Content& content) {
  for (const Settlement& s : content.settlements)
    if (s.moves >= 0) return &s;
  return nullptr;
}

std::vector<StateIndex> path_states(const Content& content, StateIndex to) {
  const ReachableState* r = reachable(content, to);
  if (!r) return {};
  std::vector<StateIndex> out{content.paths->from};
  for (const PathStep& step : r->path)
    out.push_back(step.to);
  return out;
}

std::vector<int> movers(const Model& model, const Content& content, Concept c, StateIndex s) {
  std::vector<int> out;
  if (!content.stability || !content.stability->has(c)) return out;
  for (std::size_t p = 0; p < model.parties.size(); ++p)
    if (!content.stability->stable(c, static_cast<int>(p))[s]) out.push_back(static_cast<int>(p));
  return out;
}

std::string lever_words(const Model& model, const Lever& lever) {
  const std::string who = party_name(model, lever.party);
  const std::string change = lever_edit_text(model, lever, [](const std::string& t) { return code(t); });
  return fmt::format("{} would have to {} ({})", who, change,
                     lever.distance == 0
                         ? std::string("no pair of outcomes reversed: it only stops telling some apart")
                         : count_of(lever.distance, "reversed pair of outcomes", "reversed pairs of outcomes"));
}

std::string margin_words(const Model& model, const StabilityMargin& margin) {
  if (!margin.distance) return margin.note.empty() ? "nothing breaks it" : margin.note;
  if (*margin.distance == 0)
    return fmt::format("{} merely breaks a tie (it is indifferent between this outcome and one it can move to)",
                       party_name(model, margin.party));
  return fmt::format("{} reverses {}", party_name(model, margin.party),
                     count_of(*margin.distance, "pair of outcomes in its ranking", "pairs of outcomes in its ranking"));
}

void add_equilibria(Builder& out, const Model& model, const Content& content) {
  out.heading(2, "Equilibria");
  const std::vector<Concept>& concepts = content.stability->concepts();
  Table table{"equilibria", "Equilibria: the states stable for every party, by kind of foresight", {}, "rll", {}};
  table.header = {"State", "Pattern", model.status_quo ? "Change from the status quo" : "Options taken"};
  for (Concept c : concepts) {
    table.header.emplace_back(concept_label(c));
    table.align += 'c';
  }
  table.header.emplace_back("Moves from the status quo");
  table.align += 'r';
  std::vector<const Settlement*> rows;
  for (const Settlement& s : content.settlements)
    rows.push_back(&s);
  std::sort(rows.begin(), rows.end(), [](const Settlement* a, const Settlement* b) { return a->state < b->state; });
  const std::size_t limit = content.options.limits.listed_equilibria;
  for (std::size_t k = 0; k < rows.size() && k < limit; ++k) {
    const Settlement& s = *rows[k];
    TableRow row{
        {std::to_string(s.state + 1), code(model.pattern(s.state)), state_delta(model, s.state, model.status_quo)},
        {{"state", std::to_string(s.state + 1)},
         {"pattern", model.pattern(s.state)},
         {"concepts", concept_keys(s.concepts)}},
        s.concepts.size() == concepts.size()};
    for (Concept c : concepts)
      row.cells.emplace_back(std::find(s.concepts.begin(), s.concepts.end(), c) != s.concepts.end() ? kYes : "");
    row.cells.push_back(moves_cell(s.moves));
    table.rows.push_back(std::move(row));
  }
  if (rows.empty()) {
    out.paragraph("No state is an equilibrium under any of the concepts considered.");
    return;
  }
  out.paragraph(
      fmt::format("{} an equilibrium under at least one of {}; highlighted rows hold under all of them. "
                  "A dash: not reachable from the status quo by improvements.",
                  count_of(rows.size(), "state is", "states are"), concept_list(concepts)));
  out.table(std::move(table));
  if (rows.size() > limit)
    out.paragraph(fmt::format("Only the first {} of {} are listed; `parley analyze --only equilibria --json` lists "
                              "them all.",
                              limit, rows.size()),
                  "note");
}

void add_states(Builder& out, const Model& model, const Content& content) {
  out.heading(2, "Options and states");
  Table options{"options",
                "Options, in the order of the letters of a pattern",
                {"#", "Party", "Option", "Name", "Moves"},
                "rlll",
                {}};
  for (int k = 0; k < model.option_count(); ++k) {
    const Option& o = model.options[static_cast<std::size_t>(k)];
    const char* direction = o.direction == Direction::TakeOnly       ? "can be taken, not withdrawn"
                            : o.direction == Direction::WithdrawOnly ? "can be withdrawn, not taken again"
                                                                     : "both ways";
    options.rows.push_back(
        {{std::to_string(k + 1), party_name(model, o.party), code(o.id), markup_escape(o.name), direction},
         {{"option", model.qualified_option(k)}},
         false});
  }
  out.table(std::move(options));
  const std::size_t total = model.states->size();
  const std::size_t limit = content.options.limits.table_states;
  std::vector<StateIndex> listed;
  if (total <= limit)
    for (StateIndex s = 0; s < total; ++s)
      listed.push_back(s);
  else
    listed = states_of_interest(model, content, limit);
  const std::vector<Concept>& concepts = content.stability->concepts();
  Table table{"states", "States and who would leave them, by kind of foresight", {}, "rll", {}};
  table.header = {"State", "Pattern", model.status_quo ? "Change from the status quo" : "Options taken"};
  for (Concept c : concepts)
    table.header.emplace_back(concept_label(c));
  for (StateIndex s : listed) {
    TableRow row{{std::to_string(s + 1), code(model.pattern(s)), state_delta(model, s, model.status_quo)},
                 {{"state", std::to_string(s + 1)}},
                 model.status_quo && *model.status_quo == s};
    for (Concept c : concepts) {
      std::vector<std::string> who;
      for (int p : movers(model, content, c, s))
        who.push_back(markup_escape(model.parties[static_cast<std::size_t>(p)].id));
      row.cells.push_back(who.empty() ? "**stable**" : fmt::format("{}", fmt::join(who, ", ")));
    }
    table.rows.push_back(std::move(row));
  }
  out.paragraph(total <= limit
                    ? fmt::format("All {} feasible states. Each concept's column names the parties for whom the state "
                                  "is not stable (who would move away); **stable**: an equilibrium.",
                                  total)
                    : fmt::format("{} of the {} feasible states: the status quo, the equilibria, the settlement "
                                  "examined below and the states on the paths to them (more than {} states are not "
                                  "listed in full). Each concept's column names the parties who would move away.",
                                  listed.size(), total, limit));
  out.table(std::move(table));
}

void add_state_graph(Builder& out, const Model& model, const Content& content) {
  out.heading(2, "State graph");
  const std::size_t total = model.states->size();
  const std::size_t limit = content.options.limits.graph_states;
  StateGraphPicture picture;
  picture.concept_count = static_cast<int>(content.stability->concepts().size());
  picture.status_quo = model.status_quo;
  if (total <= limit)
    for (StateIndex s = 0; s < total; ++s)
      picture.states.push_back(s);
  else
    picture.states = states_of_interest(model, content, limit);
  for (StateIndex s : picture.states) {
    const std::vector<Concept> held = content.equilibrium_concepts(s);
    picture.strength.push_back(static_cast<int>(held.size()));
    picture.notes.push_back(held.empty() ? "" : "equilibrium under " + concept_list(held));
  }
  if (const Settlement* best = headline_settlement(content)) picture.path = path_states(content, best->state);
  const bool whole = total <= limit;
  picture.title = fmt::format("State graph of {}", model.name);
  picture.description = fmt::format(
      "{} states in columns by how many options differ from the status quo. Lines are unilateral moves, coloured by "
      "the party that makes them; arrows mark improvements. Dark states are equilibria under every concept "
      "considered, light ones under some.",
      whole ? fmt::format("All {}", total) : fmt::format("{} of {}", picture.states.size(), total));
  std::string caption = whole ? fmt::format("All {} states.", total)
                              : fmt::format(
                                    "The neighbourhood of the equilibria: {} of the {} states (the status quo, "
                                    "the equilibria and the states on the paths to them); the whole graph has "
                                    "more than {} states and would not be readable.",
                                    picture.states.size(), total, limit);
  caption +=
      " Columns: options changed from the status quo. Solid arrows: a party's improvement, in its colour; dashed: "
      "other moves. Dark: equilibrium under every concept; light: under some. Ringed: the status quo";
  caption += picture.path.size() > 1 ? "; highlighted: the path to the closest settlement." : ".";
  out.figure({"state-graph-figure", svg_state_graph(model, picture), caption, picture.title, "graph"});
}

void add_paths(Builder& out, const Model& model, const Content& content) {
  out.heading(2, "Paths from the status quo");
  if (!content.paths) {
    out.paragraph("The model gives no status quo, so there is no path to trace.");
    return;
  }
  out.paragraph(
      fmt::format("From the status quo ({}), {} can be reached by a sequence of improvements, each a move "
                  "by one party to a state it prefers{}. Each path below is one of the shortest.",
                  state_tag(model, content.paths->from), count_of(content.paths->reachable.size(), "state", "states"),
                  model.coalitions.empty() ? "" : " (or a joint move of a declared coalition)"));
  Table table{"paths",
              "Reachable equilibria and the shortest path to each",
              {"State", "Pattern", "Holds under", "Moves", "Path"},
              "rllrl",
              {}};
  for (const ReachableState& r : content.paths->reachable) {
    const Settlement* s = content.settlement(r.state);
    if (!s) continue;
    std::vector<std::string> steps;
    StateIndex at = content.paths->from;
    for (const PathStep& step : r.path) {
      steps.push_back(fmt::format("{} (→ {})", step_words(model, at, step), step.to + 1));
      at = step.to;
    }
    table.rows.push_back({{std::to_string(r.state + 1), code(model.pattern(r.state)), concept_list(s->concepts),
                           std::to_string(r.moves), steps.empty() ? "already there" : join_words(steps, "; then")},
                          {{"state", std::to_string(r.state + 1)}},
                          headline_settlement(content) == s});
  }
  if (table.rows.empty())
    out.paragraph("No equilibrium is reachable from the status quo by improvements.");
  else
    out.table(std::move(table));
}

}  // namespace parley::report
