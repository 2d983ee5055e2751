// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/spatial_scene.hpp"

namespace parley {

SpatialScene spatial_scene(const Model& model) {
  SpatialScene scene;
  for (const Issue& issue : model.issues)
    scene.issues.push_back({issue.range.low, issue.range.high, issue.status_quo});
  const std::size_t n = scene.issues.size();
  for (std::size_t p = 0; p < model.parties.size(); ++p) {
    const Party& party = model.parties[p];
    if (!party.capability) continue;
    SpatialScene::Actor actor{static_cast<int>(p), *party.capability, std::vector<double>(n),
                              std::vector<double>(n, 0.0)};
    for (std::size_t i = 0; i < n; ++i)
      actor.position[i] = (scene.issues[i].low + scene.issues[i].high) / 2;
    for (const IssueStance& s : party.stances) {
      actor.position[static_cast<std::size_t>(s.issue)] = s.position;
      actor.salience[static_cast<std::size_t>(s.issue)] = s.salience;
    }
    scene.actors.push_back(std::move(actor));
  }
  return scene;
}

}  // namespace parley
