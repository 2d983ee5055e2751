// SPDX-License-Identifier: Apache-2.0
/// Each party's preference from one of its three forms: priorities, ranking or payoffs.
#include <fmt/format.h>
#include <cmath>

#include "build_context.hpp"

namespace parley::detail {

namespace {

/// At most this many statements: a state's payoff sum of 2^(K-1-j) must fit in 64 bits.
constexpr std::size_t kMaxPriorities = 64;

/// The runs of `any_order` groups that leave something open (two or more items).
std::vector<PreferenceUncertainty::Run> open_runs(const std::vector<AnyOrderDraft>& groups) {
  std::vector<PreferenceUncertainty::Run> out;
  for (const AnyOrderDraft& g : groups)
    if (g.count >= 2) out.push_back({g.first, g.count});
  return out;
}

/// The partial preference of priorities with `any_order` groups or `maybe` statements, if any.
std::optional<PreferenceUncertainty> priorities_uncertainty(const std::vector<Expression>& statements,
                                                            const PartyDraft& party, const StateSpace& states) {
  auto runs = open_runs(party.priorities_any_order);
  if (runs.empty() && party.priorities_maybe.empty()) return std::nullopt;
  std::vector<std::uint64_t> truths(states.size(), 0);
  for (std::size_t j = 0; j < statements.size(); ++j)
    for (StateIndex s = 0; s < states.size(); ++s)
      if (statements[j].evaluate(states.bits(s))) truths[s] |= std::uint64_t{1} << j;
  std::vector<std::size_t> maybe;
  for (const auto& m : party.priorities_maybe)
    maybe.push_back(m.value);
  return PreferenceUncertainty::from_priorities(std::move(truths), statements.size(), std::move(runs),
                                                std::move(maybe));
}

std::optional<Preference> from_priorities(const std::vector<Located<std::string>>& statements, BuildContext& context,
                                          SourceLocation where, const PartyDraft& party, Party& built) {
  if (statements.size() > kMaxPriorities) {
    context.diagnostics.error(
        where, fmt::format("{} priority statements; at most {} are allowed", statements.size(), kMaxPriorities),
        "merge statements of little weight, or give a ranking or payoffs instead");
    return std::nullopt;
  }
  const ModelOptionResolver resolver(context.model);
  std::vector<Expression> parsed;
  for (const auto& s : statements)
    if (auto e = parse_expression(s.value, s.where, resolver, context.diagnostics)) parsed.push_back(std::move(*e));
  if (parsed.size() != statements.size() || !context.model.states) return std::nullopt;
  const auto& states = context.model.states->all();
  std::vector<std::uint64_t> payoff(states.size(), 0);
  const std::size_t k = parsed.size();
  for (std::size_t j = 0; j < k; ++j) {
    const std::uint64_t weight = std::uint64_t{1} << (k - 1 - j);
    for (std::size_t s = 0; s < states.size(); ++s)
      if (parsed[j].evaluate(states[s])) payoff[s] += weight;
  }
  built.preference_uncertainty = priorities_uncertainty(parsed, party, *context.model.states);
  for (std::size_t j = 0; j < k; ++j)
    built.priorities.push_back({statements[j].value, parsed[j]});
  return Preference::from_values(payoff, Preference::Source::Priorities);
}

/// Looks up a pattern of a ranking or payoff list; reports and returns nullopt if it is no state.
std::optional<StateIndex> find_state(const Located<std::string>& pattern, const Model& model, const char* key,
                                     Diagnostics& diagnostics) {
  if (auto problem = check_pattern(pattern.value, model.option_count()); !problem.empty()) {
    diagnostics.error(pattern.where, fmt::format("pattern '{}' in {} {}", pattern.value, key, problem),
                      fmt::format("write one Y or N per option, {} letters in option order", model.option_count()));
    return std::nullopt;
  }
  if (!model.states) return std::nullopt;
  auto index = model.states->index_of(pattern_bits(pattern.value));
  if (!index)
    diagnostics.error(pattern.where, fmt::format("pattern '{}' in {} is not a feasible state", pattern.value, key),
                      "remove it: the infeasibility rules exclude it");
  return index;
}

/// Where each state was listed so far; a state listed twice is reported.
using SeenAt = std::vector<std::optional<SourceLocation>>;

bool mark_seen(const Located<std::string>& pattern, std::optional<SourceLocation>& slot, const char* key,
               Diagnostics& diagnostics) {
  if (slot) {
    diagnostics.error(
        pattern.where, fmt::format("state '{}' appears twice in {}", pattern.value, key),
        fmt::format("it is already listed at line {}; list every feasible state exactly once", slot->line));
    return false;
  }
  slot = pattern.where;
  return true;
}

void report_missing(const SeenAt& seen_at, const Model& model, SourceLocation where, const std::string& party,
                    const char* key, Diagnostics& diagnostics) {
  std::vector<std::string> missing;
  for (StateIndex s = 0; s < seen_at.size(); ++s)
    if (!seen_at[s]) missing.push_back(model.pattern(s));
  if (missing.empty()) return;
  diagnostics.error(where,
                    fmt::format("party '{}' {} {} of the {} feasible states: {}", party,
                                std::string_view(key) == "ranking" ? "does not rank" : "gives no payoff for",
                                missing.size(), seen_at.size(), list_some(missing, 8)),
                    std::string_view(key) == "ranking"
                        ? "add the missing states; a list of several states in a ranking is a tie"
                        : "give a payoff for every feasible state");
}

/// The partial preference of a valid ranking with `any_order` groups, if any.
std::optional<PreferenceUncertainty> ranking_uncertainty(const RankingDraft& ranking, const PartyDraft& party,
                                                         const StateSpace& states) {
  auto runs = open_runs(party.ranking_any_order);
  if (runs.empty()) return std::nullopt;
  std::vector<std::vector<StateIndex>> levels;
  for (const auto& group : ranking) {
    auto& level = levels.emplace_back();
    for (const auto& pattern : group)
      level.push_back(*states.index_of(pattern_bits(pattern.value)));
  }
  return PreferenceUncertainty::from_ranking(std::move(levels), std::move(runs));
}

std::optional<Preference> from_ranking(const RankingDraft& ranking, const PartyDraft& party, BuildContext& context,
                                       std::optional<PreferenceUncertainty>& uncertainty) {
  const Model& model = context.model;
  const std::size_t n = model.states ? model.states->size() : 0;
  SeenAt seen_at(n);
  std::vector<std::uint32_t> level(n, 0);
  bool ok = true;
  for (std::size_t group = 0; group < ranking.size(); ++group) {
    for (const auto& pattern : ranking[group]) {
      auto s = find_state(pattern, model, "ranking", context.diagnostics);
      if (!s) {
        ok = false;
        continue;
      }
      ok &= mark_seen(pattern, seen_at[*s], "ranking", context.diagnostics);
      level[*s] = static_cast<std::uint32_t>(ranking.size() - 1 - group);
    }
  }
  if (!model.states) return std::nullopt;
  const std::size_t before = context.diagnostics.size();
  report_missing(seen_at, model, party.ranking_where, party.id.value, "ranking", context.diagnostics);
  if (!ok || context.diagnostics.size() != before) return std::nullopt;
  uncertainty = ranking_uncertainty(ranking, party, *model.states);
  return Preference::from_values(level, Preference::Source::Ranking);
}

std::optional<Preference> from_payoffs(const LocatedMap<double>& payoffs, const PartyDraft& party,
                                       BuildContext& context) {
  const Model& model = context.model;
  const std::size_t n = model.states ? model.states->size() : 0;
  SeenAt seen_at(n);
  std::vector<double> value(n, 0);
  bool ok = true;
  for (const auto& [pattern, number] : payoffs) {
    if (!std::isfinite(number.value)) {
      context.diagnostics.error(number.where, fmt::format("payoff of '{}' is not a finite number", pattern.value),
                                "give an ordinary number; higher is better");
      ok = false;
    }
    auto s = find_state(pattern, model, "payoffs", context.diagnostics);
    if (!s) {
      ok = false;
      continue;
    }
    ok &= mark_seen(pattern, seen_at[*s], "payoffs", context.diagnostics);
    value[*s] = number.value;
  }
  if (!model.states) return std::nullopt;
  const std::size_t before = context.diagnostics.size();
  report_missing(seen_at, model, party.payoffs_where, party.id.value, "payoffs", context.diagnostics);
  if (!ok || context.diagnostics.size() != before) return std::nullopt;
  return Preference::from_values(value, Preference::Source::Payoffs);
}

}  // namespace

void build_preferences(BuildContext& context) {
  Model& model = context.model;
  model.preferences.resize(model.parties.size());
  for (std::size_t i = 0; i < context.draft.parties.size(); ++i) {
    const PartyDraft& pd = context.draft.parties[i];
    const int forms = int{pd.priorities.has_value()} + int{pd.ranking.has_value()} + int{pd.payoffs.has_value()};
    if (forms > 1) {
      const SourceLocation second = pd.payoffs ? pd.payoffs_where : pd.ranking_where;
      context.diagnostics.error(second, fmt::format("party '{}' gives more than one kind of preference", pd.id.value),
                                "keep exactly one of priorities, ranking or payoffs");
      continue;
    }
    if (forms == 0) {
      if (!pd.options.empty())
        context.diagnostics.error(pd.id.where, fmt::format("party '{}' has options but no preference", pd.id.value),
                                  "add `priorities:` (most important statement first), `ranking:` or `payoffs:`");
      continue;
    }
    std::optional<Preference> preference;
    std::optional<PreferenceUncertainty>& uncertainty = model.parties[i].preference_uncertainty;
    if (pd.priorities) preference = from_priorities(*pd.priorities, context, pd.priorities_where, pd, model.parties[i]);
    if (pd.ranking) preference = from_ranking(*pd.ranking, pd, context, uncertainty);
    if (pd.payoffs) preference = from_payoffs(*pd.payoffs, pd, context);
    if (preference) model.preferences[i] = std::move(*preference);
  }
}

}  // namespace parley::detail
