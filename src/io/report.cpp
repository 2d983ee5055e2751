// SPDX-License-Identifier: Apache-2.0
#include "parley/io/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "parley/version.hpp"
#include "report_content.hpp"
#include "report_sections.hpp"
#include "report_words.hpp"

namespace parley {

namespace report {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

/// The author's Markdown kept to what the report renders (strong, emphasis, code); everything
/// else, links and HTML included, is shown as written.
std::string description_markup(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t')
      out += ' ';
    else if (c == '*' || c == '`')
      out += c;
    else
      out += markup_escape(std::string(1, c));
  }
  return out;
}

std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find("\n\n", at);
    if (end == std::string::npos) end = text.size();
    std::string part = text.substr(at, end - at);
    if (part.find_first_not_of(" \n\t\r") != std::string::npos) out.push_back(part);
    at = end + 2;
  }
  return out;
}

void add_header(Builder& out, const Model& model, const Content& content) {
  out.paragraph(fmt::format("Conflict analysis briefing · parley {}", kVersion), "kicker");
  out.heading(1, markup_escape(model.name));
  if (labelled_illustration(model)) out.paragraph("Illustration, not a forecast", "badge");
  std::vector<std::string> facts;
  facts.push_back(count_of(model.parties.size(), "party", "parties"));
  if (model.has_options()) {
    facts.push_back(count_of(static_cast<std::size_t>(model.option_count()), "option", "options"));
    facts.push_back(count_of(model.states->size(), "feasible state", "feasible states"));
  }
  if (!model.issues.empty()) facts.push_back(count_of(model.issues.size(), "issue", "issues"));
  std::string lead = fmt::format("This briefing analyses a model with {}.", join_words(facts));
  if (model.status_quo)
    lead += fmt::format(" Today's situation (the status quo) is {}: {}.", state_tag(model, *model.status_quo),
                        state_words(model, *model.status_quo, std::nullopt));
  lead += " The findings come first, in plain words; the tables, pictures and method follow.";
  out.paragraph(lead, "lead");
  std::vector<std::string> links = {"[Findings](#findings)"};
  if (content.stability)
    for (const char* name : {"Equilibria", "Options and states", "State graph", "Paths from the status quo",
                             "Allied unity", "What would have to change"})
      links.push_back(fmt::format("[{}](#{})", name, anchor_of(name)));
  if (content.spatial) links.emplace_back("[Issues and positions](#issues-and-positions)");
  if (content.stability) links.emplace_back("[Robustness](#robustness)");
  for (const char* name : {"Method", "The model and its assumptions", "References"})
    links.push_back(fmt::format("[{}](#{})", name, anchor_of(name)));
  out.paragraph(fmt::format("{}", fmt::join(links, " ")), "toc");
}

void add_limited_move(Builder& out, const Model& model, const Content& content) {
  if (!content.limited && content.limited_note.empty()) return;
  out.heading(2, "Limited move");
  if (!content.limited) {
    out.paragraph(content.limited_note + ".", "note");
    return;
  }
  out.paragraph(
      "Limited-move stability L_h: each party looks h moves ahead, alternating with its opponent "
      "(Kilgour 1985). Non-myopic: the limit as the horizon grows.");
  Table table{"limited-move", "Equilibria by horizon", {"Horizon", "Equilibria (state numbers)"}, "ll", {}};
  const auto row = [&](const std::string& label, const std::vector<StateSet>& by_party) {
    std::vector<std::string> states;
    for (StateIndex s = 0; s < model.states->size(); ++s)
      if (std::all_of(by_party.begin(), by_party.end(), [&](const StateSet& x) { return x[s]; }))
        states.push_back(std::to_string(s + 1));
    table.rows.push_back({{label, states.empty() ? "none" : fmt::format("{}", fmt::join(states, ", "))}, {}, false});
  };
  for (std::size_t h = 0; h < content.limited->stable.size(); ++h)
    row(fmt::format("L{}", h + 1), content.limited->stable[h]);
  if (!content.limited->nonmyopic.empty()) row("non-myopic", content.limited->nonmyopic);
  out.table(std::move(table));
}

}  // namespace

bool labelled_illustration(const Model& model) {
  const std::string text = lower(model.name + " " + model.description + " " + model.source);
  return text.find("not a forecast") != std::string::npos || text.find("illustration") != std::string::npos;
}

void add_method(Builder& out, const Model& model, const Content& content) {
  out.heading(2, "Method");
  std::vector<std::string> how;
  if (content.stability) {
    how.push_back(
        "**Stability.** Every state is checked for every party under each concept of the Graph Model for "
        "Conflict Resolution (Fang, Hipel & Kilgour 1993), for any number of parties; sanctions are legal "
        "sequences of the other parties' moves, no party moving twice in a row. An equilibrium is stable "
        "for every party. Equilibria are ranked by how many concepts hold them, then by how few moves they "
        "are from the status quo.");
    how.push_back(
        "**Paths.** Breadth-first search over unilateral improvements from the status quo (and the joint "
        "moves of declared coalitions): the fewest moves to each reachable state and one shortest path.");
    how.push_back(
        "**Allied unity.** Coalitional moves and improvements (Kilgour, Hipel, Fang & Peng 2001) and the "
        "coalition stability concepts CNash, CGMR, CSMR, CSEQ (Inohara & Hipel 2008): which equilibria a "
        "coalition acting as one unsettles or creates.");
    how.push_back(
        "**What would have to change.** Levers: every single change to one party's priority statements that "
        "makes the settlement an equilibrium, smallest first by Kendall distance. Without priorities: "
        "inverse analysis (after Kinsara, Kilgour & Hipel 2015), the least change of whole rankings.");
    how.push_back(
        "**Robustness.** The margin of stability: the least Kendall distance (Kendall 1938) of one party's "
        "preference after which the state is no longer an equilibrium; exact for Nash, GMR and SMR, an "
        "upper bound for SEQ.");
  }
  if (content.spatial)
    how.push_back(
        "**Issues.** Weighted median and compromise (weights capability × salience); the asymmetric Nash "
        "bargaining solution (Nash 1950); Bueno de Mesquita's expected-utility model as specified by "
        "Scholz, Calbert & Smith (2011); a spatial model of politics after KTAB's SMP (Wise, Efird et al.); "
        "the zone of agreement as the intersection of the red lines, and the smallest concessions that open "
        "one when it is empty.");
  out.list(std::move(how));
  std::vector<std::string> limits;
  for (const std::string* note : {&content.coalitions.note, &content.change.note, &content.margins_note,
                                  &content.partial_note, &content.limited_note, &content.sampled_note})
    if (!note->empty()) limits.push_back(*note + ".");
  if (content.change.levers)
    for (const std::string& note : content.change.levers->notes)
      limits.push_back(markup_escape(note) + ".");
  if (content.stability && model.states->size() > content.options.limits.graph_states)
    limits.push_back(
        fmt::format("The state graph shows the neighbourhood of the equilibria: the model has more than "
                    "{} states.",
                    content.options.limits.graph_states));
  if (!limits.empty()) {
    out.heading(3, "Limits applied to this report");
    out.list(std::move(limits));
  }
  out.paragraph(
      fmt::format("Every analysis is deterministic: the same model and options give the same report, byte for "
                  "byte{}. Details: the parley documentation (docs/report.md, docs/stability.md, "
                  "docs/paths.md, docs/coalitions.md, docs/inverse.md, docs/spatial.md).",
                  content.sampled ? fmt::format(" (Monte Carlo seed {})", content.sampled->seed) : ""),
      "small");
}

void add_assumptions(Builder& out, const Model& model) {
  out.heading(2, "The model and its assumptions");
  if (labelled_illustration(model))
    out.paragraph(
        "**The model describes itself as an illustration, not a forecast.** Its numbers and rankings are "
        "judgements; the findings show what follows from them, not what will happen.",
        "note");
  for (const std::string& p : paragraphs_of(model.description))
    out.paragraph(description_markup(p));
  if (!model.source.empty()) out.paragraph("**Source.** " + markup_escape(model.source));
  std::vector<std::string> prefs;
  for (std::size_t p = 0; p < model.parties.size(); ++p) {
    const Party& party = model.parties[p];
    const std::string who = fmt::format("**{}** ({})", markup_escape(party.id), party_name(model, static_cast<int>(p)));
    if (!party.priorities.empty()) {
      std::vector<std::string> statements;
      for (std::size_t k = 0; k < party.priorities.size(); ++k)
        statements.push_back(fmt::format("{}. {}", k + 1, code(party.priorities[k].text)));
      prefs.push_back(who + ", priorities, most important first: " + fmt::format("{}", fmt::join(statements, "; ")));
    } else if (p < model.preferences.size() && !model.preferences[p].levels().empty()) {
      const Preference& pref = model.preferences[p];
      prefs.push_back(fmt::format("{}, {} over the states ({} levels of preference)", who,
                                  pref.source() == Preference::Source::Payoffs ? "payoffs" : "an explicit ranking",
                                  pref.level_count()));
    }
  }
  if (!prefs.empty()) {
    out.heading(3, "Stated preferences");
    out.list(std::move(prefs));
  }
  if (model.has_options() && !model.rules.empty())
    out.paragraph(fmt::format("{} exclude combinations of options that cannot happen together.",
                              count_of(model.rules.size(), "feasibility rule", "feasibility rules")),
                  "small");
}

void add_references(Builder& out, const Model& model) {
  out.heading(2, "References");
  std::vector<std::string> refs = {
      "L. Fang, K. W. Hipel, D. M. Kilgour (1993), *Interactive Decision Making: The Graph Model for Conflict "
      "Resolution*, Wiley, New York.",
      "D. M. Kilgour, K. W. Hipel (2005), The graph model for conflict resolution: past, present, and future, *Group "
      "Decision and Negotiation* 14(6):441–460.",
      "N. M. Fraser, K. W. Hipel (1984), *Conflict Analysis: Models and Resolutions*, North-Holland, New York. (Option "
      "form, option prioritization, sequential stability.)",
      "N. Howard (1971), *Paradoxes of Rationality: Theory of Metagames and Political Behavior*, MIT Press. (General "
      "and symmetric metarationality.)",
      "D. M. Kilgour, K. W. Hipel, L. Fang, X. Peng (2001), Coalition analysis in group decision support, *Group "
      "Decision and Negotiation* 10(2):159–175.",
      "T. Inohara, K. W. Hipel (2008), Coalition analysis in the graph model for conflict resolution, *Systems "
      "Engineering* 11(4):343–359.",
      "R. A. Kinsara, O. Petersons, K. W. Hipel, D. M. Kilgour (2015), Advanced decision support for the graph model "
      "for conflict resolution, *Journal of Decision Systems*. (GMCR+, inverse analysis.)",
      "M. G. Kendall (1938), A new measure of rank correlation, *Biometrika* 30:81–93.",
  };
  if (model.parties.size() == 2)
    refs.push_back(
        "D. M. Kilgour (1985), Anticipation and stability in two-person non-cooperative games, in "
        "*Dynamic Models of International Conflict*, Lynne Rienner. (Limited move.)");
  if (!model.issues.empty()) {
    refs.push_back("J. F. Nash (1950), The bargaining problem, *Econometrica* 18(2):155–162.");
    refs.push_back(
        "B. Bueno de Mesquita (1994), Political forecasting: an expected utility method, in *European "
        "Community Decision Making*, Yale University Press.");
    refs.push_back(
        "J. B. Scholz, G. J. Calbert, G. A. Smith (2011), Unravelling Bueno de Mesquita's group decision "
        "model, *Journal of Theoretical Politics* 23(4):510–531.");
    refs.push_back(
        "B. P. Wise, L. Efird and others, KAPSARC Toolkit for Behavioral Analysis (KTAB), the `smp` "
        "application and its documentation.");
  }
  out.list(std::move(refs));
}

}  // namespace report

report::Document report_document(const Model& model, const ReportOptions& options, const CancelToken& cancel) {
  using namespace report;
  const Content content = gather_content(model, options, cancel);
  Builder out;
  out.document.title = model.name;
  add_header(out, model, content);
  add_findings(out, model, content);
  if (content.stability) {
    add_equilibria(out, model, content);
    add_states(out, model, content);
    add_state_graph(out, model, content);
    add_paths(out, model, content);
    add_coalitions(out, model, content);
    add_change(out, model, content);
  }
  if (content.spatial) add_spatial(out, model, content);
  if (content.stability) {
    add_robustness(out, model, content);
    add_partial(out, model, content);
    add_limited_move(out, model, content);
  }
  add_method(out, model, content);
  add_assumptions(out, model);
  add_references(out, model);
  out.paragraph(fmt::format("Written by parley {} from the model “{}”. Nothing in this page is loaded from elsewhere.",
                            kVersion, markup_escape(model.name)),
                "small");
  return std::move(out.document);
}

RenderedReport render_report(const Model& model, const ReportOptions& options, const CancelToken& cancel) {
  const report::Document document = report_document(model, options, cancel);
  if (options.format == ReportFormat::Html) return {report::render_html(document), {}};
  report::MarkdownRendering md = report::render_markdown(document, options.picture_stem);
  return {std::move(md.text), std::move(md.pictures)};
}

std::string picture_stem_of(const std::string& report_path) {
  const std::size_t slash = report_path.find_last_of('/');
  std::string name = slash == std::string::npos ? report_path : report_path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name.empty() ? "report" : name;
}

}  // namespace parley
