// SPDX-License-Identifier: Apache-2.0
/// The feasible states, sized before they are allocated, and the status quo among them.
#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "build_context.hpp"
#include "feasible_states.hpp"

namespace parley::detail {

namespace {

/// Words for rule r, e.g. "infeasible rule 'accept and abandon' (line 12)".
std::string describe_rule(const ModelDraft& draft, std::size_t r) {
  if (r < draft.infeasible.size())
    return fmt::format("the infeasible rule '{}' (line {})", draft.infeasible[r].value, draft.infeasible[r].where.line);
  r -= draft.infeasible.size();
  auto group_words = [](const std::vector<Located<std::string>>& group) {
    std::vector<std::string> names;
    names.reserve(group.size());
    for (const auto& n : group)
      names.push_back(n.value);
    return fmt::format("[{}] (line {})", list_some(names, 20), group.empty() ? 0 : group.front().where.line);
  };
  if (r < draft.mutually_exclusive.size()) return "mutually_exclusive " + group_words(draft.mutually_exclusive[r]);
  r -= draft.mutually_exclusive.size();
  return "at_least_one " + group_words(draft.at_least_one[r]);
}

}  // namespace

bool build_state_space(BuildContext& context) {
  Model& model = context.model;
  const int n = model.option_count();
  const std::uint64_t limit = std::min(context.options.max_states, kMaxStateCount);
  const auto count = count_feasible_states(n, model.rules, limit);
  if (count.budget_exhausted) {
    context.diagnostics.error(
        context.draft.parties_where,
        fmt::format("the feasibility rules over {} options are too intricate to count the states "
                    "(more than {} partial states examined)",
                    n, kNodeBudget),
        "simplify the infeasible rules, or split options into mutually_exclusive / at_least_one groups");
    return false;
  }
  if (!count.exact) {
    const double upper = std::ldexp(1.0, n);
    context.diagnostics.error(
        context.draft.parties_where,
        fmt::format("the model has more than {} feasible states (up to 2^{} = {:.4g} for its {} options), "
                    "above the limit of {}; it would need more than {} of memory",
                    limit, n, upper, n, limit,
                    human_bytes(static_cast<double>(estimated_model_bytes(limit + 1, model.parties.size())))),
        "raise the limit with --max-states N if the machine has the memory, or reduce the options "
        "(merge options, add infeasible rules or mutually_exclusive groups)");
    return false;
  }
  if (count.count == 0) {
    context.diagnostics.error(
        context.draft.infeasible.empty() ? context.draft.parties_where : context.draft.infeasible.front().where,
        "no state is feasible: the rules exclude every combination of options",
        "check the infeasible, mutually_exclusive and at_least_one rules; one of them excludes everything");
    return false;
  }
  model.states = std::make_shared<const StateSpace>(n, list_feasible_states(n, model.rules));
  return true;
}

void build_status_quo(BuildContext& context) {
  const ModelDraft& draft = context.draft;
  Model& model = context.model;
  if (!draft.status_quo) return;
  const ModelOptionResolver resolver(model);
  StateBits bits = 0;
  bool ok = true;
  for (const auto& name : *draft.status_quo) {
    std::string message, help;
    auto option = resolver.resolve(name.value, message, help);
    if (!option) {
      context.diagnostics.error(name.where, message + " in status_quo", help);
      ok = false;
    } else {
      bits |= StateBits{1} << *option;
    }
  }
  if (!ok) return;
  if (auto index = model.states->index_of(bits)) {
    model.status_quo = *index;
    return;
  }
  const int rule = first_violated_rule(bits, model.rules);
  context.diagnostics.error(
      draft.status_quo_where,
      fmt::format("the status quo {} is infeasible: it violates {}", StateSpace::pattern_of(bits, model.option_count()),
                  rule < 0 ? std::string("a rule") : describe_rule(draft, static_cast<std::size_t>(rule))),
      "list in status_quo exactly the options taken today, so that no rule excludes that state");
}

}  // namespace parley::detail
