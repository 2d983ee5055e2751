// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/paths.hpp"

#include <algorithm>
#include <limits>

#include "parley/core/moves.hpp"

namespace parley {

namespace {

constexpr int kUnreached = std::numeric_limits<int>::max();

/// Unilateral improvements of every party, generated from the bits.
class Improvements {
 public:
  explicit Improvements(const Model& model) : model_(model) {
    for (std::size_t i = 0; i < model.parties.size(); ++i)
      moves_.emplace_back(model, static_cast<int>(i));
  }

  /// Calls visit(source) for every state from which some party improves by moving to `s`.
  template <class Visit>
  void into(StateIndex s, Visit&& visit) const {
    for (std::size_t i = 0; i < moves_.size(); ++i) {
      if (model_.parties[i].option_count == 0) continue;
      const Preference& p = model_.preferences[i];
      moves_[i].for_each_move_into(s, [&](StateIndex t) {
        if (p.prefers(s, t)) visit(t);
      });
    }
  }

  /// Calls visit(party, target) for every improvement from `s`, parties in order, targets ascending.
  template <class Visit>
  void from(StateIndex s, Visit&& visit) const {
    std::vector<StateIndex> targets;
    for (std::size_t i = 0; i < moves_.size(); ++i) {
      if (model_.parties[i].option_count == 0) continue;
      const Preference& p = model_.preferences[i];
      targets.clear();
      moves_[i].for_each_move(s, [&](StateIndex t) {
        if (p.prefers(t, s)) targets.push_back(t);
      });
      std::sort(targets.begin(), targets.end());
      for (StateIndex t : targets)
        visit(static_cast<int>(i), t);
    }
  }

 private:
  const Model& model_;
  std::vector<MoveGenerator> moves_;
};

/// Fewest improvements from `from` to every state (kUnreached if none), with the first step found.
struct Search {
  std::vector<int> distance;
  std::vector<StateIndex> previous;  ///< the state each was reached from
  std::vector<PathStep> step;        ///< the step that reached it
  std::vector<StateIndex> order;     ///< states in the order reached
};

Search breadth_first(const Model& model, const Improvements& improvements, StateIndex from, const CancelToken& cancel,
                     const std::vector<Coalition>& coalitions = {}) {
  Search s;
  s.distance.assign(model.states->size(), kUnreached);
  s.previous.assign(model.states->size(), 0);
  s.step.assign(model.states->size(), PathStep{});
  s.distance[from] = 0;
  s.order.push_back(from);
  auto reach = [&](StateIndex at, StateIndex to, PathStep step) {
    if (s.distance[to] != kUnreached) return;
    s.distance[to] = s.distance[at] + 1;
    s.previous[to] = at;
    s.step[to] = std::move(step);
    s.order.push_back(to);
  };
  for (std::size_t head = 0; head < s.order.size(); ++head) {
    if ((head & 0xFFF) == 0 && cancel.cancelled()) throw Cancelled();
    const StateIndex at = s.order[head];
    improvements.from(at, [&](int party, StateIndex to) { reach(at, to, PathStep{{party, to}, 0, {}}); });
    for (Coalition c : coalitions)
      for (JointMove& jm : coalitional_improvements(model, c, at))
        reach(at, jm.to, PathStep{{-1, jm.to}, c, std::move(jm.steps)});
  }
  return s;
}

}  // namespace

PathsResult status_quo_paths(const Model& model, StateIndex from, Progress& progress, const CancelToken& cancel,
                             const std::vector<Coalition>& coalitions) {
  const Improvements improvements(model);
  const Search search = breadth_first(model, improvements, from, cancel, coalitions);
  PathsResult result{from, {}};
  for (StateIndex s : search.order) {
    ReachableState r{s, search.distance[s], {}};
    for (StateIndex at = s; at != from; at = search.previous[at])
      r.path.push_back(search.step[at]);
    std::reverse(r.path.begin(), r.path.end());
    result.reachable.push_back(std::move(r));
  }
  std::stable_sort(result.reachable.begin(), result.reachable.end(),
                   [](const ReachableState& a, const ReachableState& b) {
                     return a.moves != b.moves ? a.moves < b.moves : a.state < b.state;
                   });
  progress.report(1, 1, "status quo paths");
  return result;
}

AllShortestPaths all_shortest_paths(const Model& model, StateIndex from, StateIndex to, std::size_t limit,
                                    const CancelToken& cancel, const std::vector<Coalition>& coalitions) {
  const Improvements improvements(model);
  const Search search = breadth_first(model, improvements, from, cancel, coalitions);
  AllShortestPaths result;
  if (search.distance[to] == kUnreached) return result;
  result.moves = search.distance[to];
  // Every step from `at` that lies on a shortest path from the start: one layer further out.
  auto forward_steps = [&](StateIndex at, auto&& visit) {
    improvements.from(at, [&](int party, StateIndex next) {
      if (search.distance[next] == search.distance[at] + 1) visit(PathStep{{party, next}, 0, {}});
    });
    for (Coalition c : coalitions)
      for (JointMove& jm : coalitional_improvements(model, c, at))
        if (search.distance[jm.to] == search.distance[at] + 1) visit(PathStep{{-1, jm.to}, c, std::move(jm.steps)});
  };
  // Steps still needed to reach `to` from each state, found backwards, so that the depth-first
  // walk below never enters a state off the shortest paths: its work grows with the paths it lists.
  // Unilateral improvements are generated backwards directly; coalitional ones have no cheap
  // inverse, so with coalitions the steps between the layers are recorded once, going forwards.
  std::vector<std::vector<StateIndex>> earlier;  // with coalitions: the states one step before each
  if (!coalitions.empty()) {
    earlier.resize(model.states->size());
    for (StateIndex at : search.order) {
      if (search.distance[at] >= result.moves) break;
      forward_steps(at, [&](const PathStep& step) { earlier[step.to].push_back(at); });
    }
  }
  std::vector<int> remaining(model.states->size(), kUnreached);
  std::vector<StateIndex> queue = {to};
  remaining[to] = 0;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const StateIndex at = queue[head];
    if (remaining[at] >= result.moves) continue;
    auto enqueue = [&](StateIndex before) {
      if (remaining[before] != kUnreached) return;
      remaining[before] = remaining[at] + 1;
      queue.push_back(before);
    };
    if (coalitions.empty())
      improvements.into(at, enqueue);
    else
      for (StateIndex before : earlier[at])
        enqueue(before);
  }
  std::vector<PathStep> path;
  auto extend = [&](auto& self, StateIndex at) -> void {
    if (result.paths.size() > limit) return;
    if (at == to) {
      if (result.paths.size() == limit)
        result.truncated = true;
      else
        result.paths.push_back(path);
      return;
    }
    forward_steps(at, [&](PathStep step) {
      if (result.truncated || remaining[step.to] != remaining[at] - 1) return;
      const StateIndex next = step.to;
      path.push_back(std::move(step));
      self(self, next);
      path.pop_back();
    });
  };
  extend(extend, from);
  return result;
}

}  // namespace parley
