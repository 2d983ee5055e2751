// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Shared state of one build_model run; the steps live in separate files by concern.

#include <map>
#include <string>

#include "parley/core/build_model.hpp"

namespace parley::detail {

/// Resolves `option` and `party.option` against a model's options.
class ModelOptionResolver final : public OptionResolver {
 public:
  explicit ModelOptionResolver(const Model& model) : model_(model) {}
  std::optional<int> resolve(std::string_view name, std::string& message, std::string& help) const override;

 private:
  const Model& model_;
};

struct BuildContext {
  const ModelDraft& draft;
  const BuildOptions& options;
  Diagnostics& diagnostics;
  Model model;
};

/// Reads parties, options and issues; false if the model's skeleton is too broken to go on.
bool build_parties_and_options(BuildContext& context);
/// Reads the infeasible, mutually_exclusive and at_least_one rules.
void build_rules(BuildContext& context);
/// Reads `coalitions`: the blocks of parties that act together.
void build_coalitions(BuildContext& context);
/// Counts, checks against the limit, and lists the feasible states; false if there are none.
bool build_state_space(BuildContext& context);
void build_status_quo(BuildContext& context);
void build_preferences(BuildContext& context);
void build_spatial(BuildContext& context);

/// "a, b, c and 4 more" for messages that list states or names.
std::string list_some(const std::vector<std::string>& items, std::size_t shown = 5);

}  // namespace parley::detail
