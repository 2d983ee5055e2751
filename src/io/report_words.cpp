// SPDX-License-Identifier: Apache-2.0
#include "report_words.hpp"

#include <fmt/format.h>

#include "parley/io/report_document.hpp"

namespace parley::report {

namespace {
/// The options whose value differs between two states, in option order.
std::vector<int> differing(const Model& model, StateBits a, StateBits b) {
  std::vector<int> out;
  for (int k = 0; k < model.option_count(); ++k)
    if (((a ^ b) >> k) & 1U) out.push_back(k);
  return out;
}

/// "Ukraine takes “X” and drops “Y”" for one party's changed options.
std::string party_changes(const Model& model, int party, const std::vector<int>& options, StateBits to) {
  std::vector<std::string> taken, dropped;
  for (int k : options)
    (((to >> k) & 1U) ? taken : dropped).push_back("“" + option_name(model, k) + "”");
  std::vector<std::string> parts;
  if (!taken.empty()) parts.push_back("takes " + join_words(taken));
  if (!dropped.empty()) parts.push_back("drops " + join_words(dropped));
  return party_name(model, party) + " " + join_words(parts);
}
}  // namespace

std::string party_name(const Model& model, int party) {
  const Party& p = model.parties[static_cast<std::size_t>(party)];
  return markup_escape(p.name.empty() ? p.id : p.name);
}

std::string coalition_words(const Model& model, Coalition coalition) {
  std::vector<std::string> names;
  for (std::size_t p = 0; p < model.parties.size(); ++p)
    if ((coalition >> p) & 1U) names.push_back(party_name(model, static_cast<int>(p)));
  return join_words(names);
}

std::string option_name(const Model& model, int option) {
  const Option& o = model.options[static_cast<std::size_t>(option)];
  return markup_escape(o.name.empty() ? o.id : o.name);
}

std::string code(const std::string& text) {
  std::string clean;
  for (char c : text)
    if (c != '`' && c != '|' && c != '\n') clean += c;
  return "`" + clean + "`";
}

std::string state_tag(const Model& model, StateIndex s) {
  return fmt::format("state {} {}", s + 1, code(model.pattern(s)));
}

std::string state_words(const Model& model, StateIndex s, std::optional<StateIndex> base) {
  const StateBits bits = model.states->bits(s);
  if (!base) {
    std::vector<std::string> taken;
    for (int k = 0; k < model.option_count(); ++k)
      if ((bits >> k) & 1U)
        taken.push_back(party_name(model, model.options[static_cast<std::size_t>(k)].party) + ": “" +
                        option_name(model, k) + "”");
    return taken.empty() ? "no option taken" : join_words(taken);
  }
  if (s == *base) return "the status quo itself";
  const std::vector<int> changed = differing(model, bits, model.states->bits(*base));
  std::vector<std::string> parts;
  for (std::size_t p = 0; p < model.parties.size(); ++p) {
    std::vector<int> own;
    for (int k : changed)
      if (model.options[static_cast<std::size_t>(k)].party == static_cast<int>(p)) own.push_back(k);
    if (!own.empty()) parts.push_back(party_changes(model, static_cast<int>(p), own, bits));
  }
  return join_words(parts, "and");
}

std::string state_delta(const Model& model, StateIndex s, std::optional<StateIndex> base) {
  const StateBits bits = model.states->bits(s);
  const StateBits from = base ? model.states->bits(*base) : 0;
  if (base && s == *base) return "status quo";
  std::vector<std::string> parts;
  for (int k : differing(model, bits, from))
    parts.push_back(((bits >> k) & 1U ? "+" : "−") + markup_escape(model.options[static_cast<std::size_t>(k)].id));
  return parts.empty() ? std::string("nothing taken") : fmt::format("{}", fmt::join(parts, " "));
}

std::string step_words(const Model& model, StateIndex from, const PathStep& step) {
  const StateBits a = model.states->bits(from);
  const StateBits b = model.states->bits(step.to);
  if (step.coalition == 0) return party_changes(model, step.party, differing(model, a, b), b);
  std::vector<std::string> moves;
  StateBits at = a;
  for (const Move& m : step.joint) {
    const StateBits next = model.states->bits(m.to);
    moves.push_back(party_changes(model, m.party, differing(model, at, next), next));
    at = next;
  }
  return coalition_words(model, step.coalition) + " move together: " + join_words(moves, "then");
}

std::string join_words(const std::vector<std::string>& items, const std::string& last) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out += k + 1 == items.size() ? (last.front() == ';' ? "" : " ") + last + " " : ", ";
    out += items[k];
  }
  return out;
}

std::string count_of(std::size_t n, const std::string& one, const std::string& many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string number(double x, int digits) {
  if (x == 0) return "0";  // also turns -0 into 0
  std::string out = fmt::format("{:.{}g}", x, digits);
  if (out.find('e') != std::string::npos) out = fmt::format("{:.{}f}", x, 2);
  return out;
}

std::string concept_list(const std::vector<Concept>& concepts) {
  std::vector<std::string> labels;
  for (Concept c : concepts)
    labels.emplace_back(concept_label(c));
  return join_words(labels);
}

std::string concept_meaning(Concept c) {
  switch (c) {
    case Concept::Nash: return "no party can do better by changing its own choices on its own.";
    case Concept::GMR:
      return "whoever breaks away can be punished by the others' replies, even replies that hurt them too.";
    case Concept::SMR: return "as GMR, and the party that broke away could not escape the punishment by moving again.";
    case Concept::SEQ:
      return "whoever breaks away would be punished by replies the others actually gain from (credible threats "
             "only).";
    case Concept::SIM: return "whoever breaks away is deterred by what the others could do at the same moment.";
  }
  return "";
}

std::string foresight(Concept c) {
  switch (c) {
    case Concept::Nash: return "even a short-sighted party";
    case Concept::GMR: return "a party that fears any retaliation";
    case Concept::SMR: return "a cautious party thinking two moves ahead";
    case Concept::SEQ: return "a party that fears only credible retaliation";
    case Concept::SIM: return "a party that expects simultaneous replies";
  }
  return "";
}

}  // namespace parley::report
