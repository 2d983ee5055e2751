// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Spatial scenes for the spatial models' tests: written by hand (scene_of) or generated
/// (random_stances) on issues with range [0, 100].

#include <rapidcheck.h>

#include <optional>
#include <tuple>
#include <vector>

#include "parley/analysis/spatial_scene.hpp"

namespace parley::testing {

struct Stance {
  double capability;
  std::vector<double> position, salience;  ///< one per issue
};

inline SpatialScene scene_of(const std::vector<Stance>& actors, std::size_t issues = 1,
                             std::optional<double> status_quo = std::nullopt) {
  SpatialScene scene;
  for (std::size_t k = 0; k < issues; ++k)
    scene.issues.push_back({0, 100, status_quo});
  for (const Stance& a : actors)
    scene.actors.push_back({static_cast<int>(scene.actors.size()), a.capability, a.position, a.salience});
  return scene;
}

/// 1 to `most` actors: capability 0.1..4.9, whole-number positions, salience in tenths from
/// `least_salience` tenths up to 1.
inline rc::Gen<std::vector<Stance>> random_stances(std::size_t issues, int most, int least_salience) {
  return rc::gen::mapcat(rc::gen::inRange(1, most + 1), [issues, least_salience](int n) {
    return rc::gen::container<std::vector<Stance>>(
        static_cast<std::size_t>(n),
        rc::gen::map(rc::gen::tuple(rc::gen::inRange(1, 50),
                                    rc::gen::container<std::vector<int>>(issues, rc::gen::inRange(0, 101)),
                                    rc::gen::container<std::vector<int>>(issues, rc::gen::inRange(least_salience, 11))),
                     [](const std::tuple<int, std::vector<int>, std::vector<int>>& t) {
                       Stance s{std::get<0>(t) / 10.0, {}, {}};
                       for (int x : std::get<1>(t))
                         s.position.push_back(x);
                       for (int v : std::get<2>(t))
                         s.salience.push_back(v / 10.0);
                       return s;
                     }));
  });
}

}  // namespace parley::testing
