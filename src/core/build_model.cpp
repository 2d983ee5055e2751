// SPDX-License-Identifier: Apache-2.0
#include "parley/core/build_model.hpp"

#include <fmt/format.h>

#include "build_context.hpp"

namespace parley {

namespace detail {

std::optional<int> ModelOptionResolver::resolve(std::string_view name, std::string& message, std::string& help) const {
  std::string_view party_id;
  std::string_view option_id = name;
  if (auto dot = name.find('.'); dot != std::string_view::npos) {
    party_id = name.substr(0, dot);
    option_id = name.substr(dot + 1);
  }
  std::vector<std::string> known;
  for (std::size_t k = 0; k < model_.options.size(); ++k) {
    const Option& o = model_.options[k];
    known.push_back(o.id);
    if (o.id != option_id) continue;
    const Party& owner = model_.parties[static_cast<std::size_t>(o.party)];
    if (!party_id.empty() && owner.id != party_id) {
      message = fmt::format("option '{}' belongs to party '{}', not '{}'", option_id, owner.id, party_id);
      help = fmt::format("write '{}.{}' or just '{}'", owner.id, o.id, o.id);
      return std::nullopt;
    }
    return static_cast<int>(k);
  }
  message = fmt::format("unknown option '{}'", name);
  const std::string guess = closest_match(std::string(option_id), known);
  if (known.empty())
    help = "the model has no options; give the parties `options:` first";
  else if (guess.empty())
    help = fmt::format("options are: {}", list_some(known, 12));
  else
    help = fmt::format("did you mean '{}'?", guess);
  return std::nullopt;
}

std::string list_some(const std::vector<std::string>& items, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < shown; ++i)
    out += (i ? ", " : "") + items[i];
  if (items.size() > shown) out += fmt::format(" and {} more", items.size() - shown);
  return out;
}

}  // namespace detail

std::uint64_t estimated_model_bytes(std::uint64_t states, std::size_t parties) {
  // Per state: its bits, a slot of the bits->index table, and one preference level per party.
  return states * (sizeof(StateBits) + sizeof(std::uint32_t) * (1 + parties));
}

std::shared_ptr<const Model> build_model(const ModelDraft& draft, const BuildOptions& options,
                                         Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.size();
  detail::BuildContext context{draft, options, diagnostics, {}};
  context.model.name = draft.name;
  context.model.description = draft.description;
  context.model.source = draft.source;
  if (!detail::build_parties_and_options(context)) return nullptr;
  detail::build_rules(context);
  detail::build_coalitions(context);
  detail::build_spatial(context);
  // States need a sound model (errors found earlier in the same input count too, to avoid
  // cascades); the status quo needs states. Preferences are checked as far as possible without
  // states, so that one run reports every error of the file.
  if (context.model.has_options() && diagnostics.empty() && detail::build_state_space(context))
    detail::build_status_quo(context);
  detail::build_preferences(context);
  if (!context.model.has_options() && draft.status_quo && !draft.status_quo->empty())
    diagnostics.error(draft.status_quo_where, "a status quo in a model without options",
                      "the status quo lists options taken today; remove it or give the parties options");
  if (diagnostics.size() != errors_before) return nullptr;
  return std::make_shared<const Model>(std::move(context.model));
}

}  // namespace parley
