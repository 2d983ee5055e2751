// SPDX-License-Identifier: Apache-2.0
/// Parties, options and feasibility rules: the skeleton every other step refers to.
#include <fmt/format.h>
#include <cctype>
#include <cmath>
#include <set>

#include "build_context.hpp"

namespace parley::detail {

namespace {

bool is_identifier(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

/// Checks an id's spelling and uniqueness among `seen`; `what` names its kind in messages.
bool check_id(const Located<std::string>& id, const char* what, std::map<std::string, SourceLocation>& seen,
              Diagnostics& diagnostics) {
  if (id.value.empty()) {
    diagnostics.error(id.where, fmt::format("{} without an id", what), fmt::format("add `id: ...` to the {}", what));
    return false;
  }
  if (!is_identifier(id.value)) {
    diagnostics.error(id.where, fmt::format("{} id '{}' is not an identifier", what, id.value),
                      "use letters, digits and '_', starting with a letter or '_' (e.g. 'sanctions_eased')");
    return false;
  }
  if (is_reserved_word(id.value)) {
    diagnostics.error(id.where, fmt::format("{} id '{}' is a word of the expression language", what, id.value),
                      "choose another id; and, or, not, if and iff are reserved");
    return false;
  }
  auto [it, inserted] = seen.emplace(id.value, id.where);
  if (!inserted) {
    diagnostics.error(id.where, fmt::format("duplicate {} id '{}'", what, id.value),
                      fmt::format("it is already used at line {}; ids must be unique", it->second.line));
    return false;
  }
  return true;
}

std::optional<Direction> parse_direction(const std::optional<Located<std::string>>& text, Diagnostics& diagnostics) {
  if (!text || text->value == "both") return Direction::Both;
  if (text->value == "take_only") return Direction::TakeOnly;
  if (text->value == "withdraw_only") return Direction::WithdrawOnly;
  const std::string guess = closest_match(text->value, {"both", "take_only", "withdraw_only"});
  diagnostics.error(text->where, fmt::format("invalid direction '{}'", text->value),
                    guess.empty() ? "use both (default), take_only (N to Y only) or withdraw_only (Y to N only)"
                                  : fmt::format("did you mean '{}'? (both, take_only or withdraw_only)", guess));
  return std::nullopt;
}

}  // namespace

bool build_parties_and_options(BuildContext& context) {
  const ModelDraft& draft = context.draft;
  Diagnostics& diagnostics = context.diagnostics;
  Model& model = context.model;
  if (draft.parties.empty()) {
    diagnostics.error(draft.parties_where, "the model has no parties",
                      "add a `parties:` list with at least one party (id, options, preference)");
    return false;
  }
  std::map<std::string, SourceLocation> party_ids, option_ids;
  for (const PartyDraft& pd : draft.parties) {
    check_id(pd.id, "party", party_ids, diagnostics);
    Party party;
    party.id = pd.id.value;
    party.name = pd.name.empty() ? pd.id.value : pd.name;
    party.first_option = model.option_count();
    const int party_index = static_cast<int>(model.parties.size());
    for (const OptionDraft& od : pd.options) {
      check_id(od.id, "option", option_ids, diagnostics);
      const auto direction = parse_direction(od.direction, diagnostics);
      if (model.option_count() == kMaxOptions) {
        diagnostics.error(od.id.where, fmt::format("more than {} options", kMaxOptions),
                          fmt::format("a model has at most {} binary options (2^{} states); merge or drop options",
                                      kMaxOptions, kMaxOptions));
        return false;
      }
      if (model.option_count() < kMaxOptions) party.option_mask |= StateBits{1} << model.option_count();
      model.options.push_back(
          {od.id.value, od.name.empty() ? od.id.value : od.name, direction.value_or(Direction::Both), party_index});
    }
    party.option_count = model.option_count() - party.first_option;
    model.parties.push_back(std::move(party));
  }
  std::map<std::string, SourceLocation> issue_ids;
  for (const IssueDraft& id : draft.issues) {
    check_id(id.id, "issue", issue_ids, diagnostics);
    Issue issue{id.id.value, id.name.empty() ? id.id.value : id.name, {}, std::nullopt};
    if (!id.range) {
      if (!id.range_given)
        diagnostics.error(id.where, fmt::format("issue '{}' has no range", id.id.value),
                          "add `range: [low, high]`, the scale every position and red line lies on");
    } else if (!std::isfinite(id.range->low.value) || !std::isfinite(id.range->high.value)) {
      diagnostics.error(id.range->low.where, fmt::format("issue '{}' has an infinite range", id.id.value),
                        "give the scale's real ends, e.g. [0, 100]");
    } else if (!(id.range->low.value < id.range->high.value)) {
      diagnostics.error(id.range->low.where,
                        fmt::format("issue '{}' has range [{}, {}], whose low end is not below its high end",
                                    id.id.value, id.range->low.value, id.range->high.value),
                        "write the range as [low, high] with low < high");
    } else {
      issue.range = {id.range->low.value, id.range->high.value};
      if (id.status_quo) {
        const double x = id.status_quo->value;
        if (std::isfinite(x) && x >= issue.range.low && x <= issue.range.high)
          issue.status_quo = x;
        else
          diagnostics.error(id.status_quo->where,
                            fmt::format("status quo {} of issue '{}' lies outside its range [{}, {}]", x, id.id.value,
                                        issue.range.low, issue.range.high),
                            "give where the issue stands today, inside the range");
      }
    }
    model.issues.push_back(std::move(issue));
  }
  // Only when nothing else is wrong: a broken `options:` would otherwise be reported twice.
  if (model.options.empty() && model.issues.empty() && diagnostics.empty()) {
    diagnostics.error(draft.parties_where, "the model has neither options nor issues",
                      "give parties `options:` for strategic analysis, or add `issues:` for spatial analysis");
    return false;
  }
  return true;
}

namespace {

/// Reads a group of options (mutually_exclusive, at_least_one) into a bit mask.
std::optional<StateBits> read_group(const std::vector<Located<std::string>>& group, const char* key,
                                    const OptionResolver& resolver, Diagnostics& diagnostics) {
  StateBits mask = 0;
  bool ok = true;
  for (const auto& name : group) {
    std::string message, help;
    auto option = resolver.resolve(name.value, message, help);
    if (!option) {
      diagnostics.error(name.where, fmt::format("{} in {}", message, key), help);
      ok = false;
    } else if ((mask >> *option) & 1U) {
      diagnostics.error(name.where, fmt::format("option '{}' is listed twice in this {} group", name.value, key),
                        "list each option once");
      ok = false;
    } else {
      mask |= StateBits{1} << *option;
    }
  }
  return ok ? std::optional<StateBits>(mask) : std::nullopt;
}

}  // namespace

void build_rules(BuildContext& context) {
  const ModelOptionResolver resolver(context.model);
  for (const auto& text : context.draft.infeasible) {
    if (auto e = parse_expression(text.value, text.where, resolver, context.diagnostics)) {
      FeasibilityRule rule;
      rule.expression = std::move(*e);
      context.model.rules.push_back(std::move(rule));
    }
  }
  auto add_groups = [&](const auto& groups, FeasibilityRule::Kind kind, const char* key) {
    for (const auto& group : groups) {
      if (auto mask = read_group(group, key, resolver, context.diagnostics)) {
        FeasibilityRule rule;
        rule.kind = kind;
        rule.group = *mask;
        context.model.rules.push_back(std::move(rule));
      }
    }
  };
  add_groups(context.draft.mutually_exclusive, FeasibilityRule::Kind::AtMostOne, "mutually_exclusive");
  add_groups(context.draft.at_least_one, FeasibilityRule::Kind::AtLeastOne, "at_least_one");
}

void build_coalitions(BuildContext& context) {
  Model& model = context.model;
  std::vector<std::string> ids;
  for (const Party& p : model.parties)
    ids.push_back(p.id);
  std::uint32_t taken = 0;  // parties already in a block
  for (const auto& block : context.draft.coalitions) {
    std::uint32_t members = 0;
    bool ok = true;
    for (const auto& name : block) {
      const int i = model.party_index(name.value);
      if (i < 0) {
        const std::string guess = closest_match(name.value, ids);
        context.diagnostics.error(name.where, fmt::format("unknown party '{}' in coalitions", name.value),
                                  guess.empty() ? fmt::format("parties are: {}", list_some(ids, 12))
                                                : fmt::format("did you mean '{}'?", guess));
        ok = false;
      } else if (i >= 32) {
        context.diagnostics.error(name.where, fmt::format("party '{}' is the 33rd or later party", name.value),
                                  "coalitions can name only the first 32 parties; reorder the parties");
        ok = false;
      } else if (((members | taken) >> i) & 1U) {
        context.diagnostics.error(name.where, fmt::format("party '{}' is in two coalitions", name.value),
                                  "a party acts in one coalition at most: the coalitions form a structure in which "
                                  "every party not named acts alone; list it once");
        ok = false;
      } else {
        members |= std::uint32_t{1} << i;
      }
    }
    if (ok && std::popcount(members) < 2) {
      context.diagnostics.error(block.empty() ? context.draft.parties_where : block.front().where,
                                "a coalition needs two or more parties",
                                "list the parties that act together, e.g. [US, EU]; a party not named acts alone");
      ok = false;
    }
    taken |= members;
    if (ok) model.coalitions.push_back(members);
  }
}

}  // namespace parley::detail
