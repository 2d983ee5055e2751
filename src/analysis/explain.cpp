// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/explain.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <unordered_map>

#include "sanction_graph.hpp"
#include "simultaneous.hpp"

namespace parley {

namespace {

class StateExplainer {
 public:
  StateExplainer(const Model& model, StateIndex state, const CancelToken& cancel)
      : model_(model), state_(state), cancel_(cancel) {
    for (std::size_t i = 0; i < model.parties.size(); ++i)
      moves_.emplace_back(model, static_cast<int>(i));
  }

  PartyExplanation party(int i, const std::vector<Concept>& concepts) const {
    PartyExplanation out{i, {}};
    const auto& utility = utility_of(i);
    std::vector<StateIndex> improvements;
    if (model_.parties[static_cast<std::size_t>(i)].option_count > 0)
      moves_[static_cast<std::size_t>(i)].for_each_move(state_, [&](StateIndex t) {
        if (utility[t] > utility[state_]) improvements.push_back(t);
      });
    std::sort(improvements.begin(), improvements.end());
    for (Concept c : concepts) {
      ConceptVerdict verdict{c, true, {}};
      for (StateIndex s1 : improvements) {
        if (cancel_.cancelled()) throw Cancelled();
        ImprovementVerdict v = judge(i, c, s1);
        verdict.stable = verdict.stable && v.deterred;
        verdict.improvements.push_back(std::move(v));
      }
      out.concepts.push_back(std::move(verdict));
    }
    return out;
  }

 private:
  const std::vector<std::uint32_t>& utility_of(int i) const {
    return model_.preferences[static_cast<std::size_t>(i)].levels();
  }

  /// The party's best reply from `from`: its move to the state it likes most, if any.
  std::optional<StateIndex> best_reply(int i, StateIndex from) const {
    std::optional<StateIndex> best;
    const auto& utility = utility_of(i);
    moves_[static_cast<std::size_t>(i)].for_each_move(from, [&](StateIndex t) {
      if (!best || utility[t] > utility[*best]) best = t;
    });
    return best;
  }

  ImprovementVerdict judge(int i, Concept c, StateIndex s1) const {
    ImprovementVerdict v;
    v.to = s1;
    if (c == Concept::Nash) return v;
    if (c == Concept::SIM) {
      if (auto answer = detail::simultaneous_sanction(model_, moves_, i, state_, s1)) {
        v.deterred = true;
        v.sanction = *answer;
        v.outcome = detail::simultaneous_outcome(model_, s1, *answer);
      }
      return v;
    }
    const auto& utility = utility_of(i);
    const std::uint32_t start = utility[state_];
    // A sanction ends in a state no better than the start; under SMR the party must also be unable
    // to escape from it to a state it prefers to the start.
    auto sanctions = [&](StateIndex t) { return utility[t] <= start; };
    auto inescapable = [&](StateIndex t) {
      auto reply = best_reply(i, t);
      return sanctions(t) && (!reply || utility[*reply] <= start);
    };
    const detail::ForcingRules rules{i, c == Concept::SEQ};
    if (c == Concept::SMR) {
      if (auto path = shortest_sequence(rules, s1, inescapable)) {
        v.deterred = true;
        v.sanction = *path;
      } else if (auto escaped = shortest_sequence(rules, s1, sanctions)) {
        v.escaped_sanction = *escaped;
        v.escape = best_reply(i, escaped->back().to);
      }
      return v;
    }
    if (auto path = shortest_sequence(rules, s1, sanctions)) {
      v.deterred = true;
      v.sanction = *path;
    }
    return v;
  }

  /// Breadth-first search over (state, last mover) from `start` for a state where `goal` holds.
  template <class Goal>
  std::optional<std::vector<Move>> shortest_sequence(const detail::ForcingRules& rules, StateIndex start,
                                                     Goal goal) const {
    const detail::SanctionGraph graph(model_, moves_, rules);
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::unordered_map<std::size_t, std::size_t> parent;  // node -> previous node (kNone: first move)
    std::deque<std::size_t> queue;
    auto path_to = [&](std::size_t n) {
      std::vector<Move> path;
      for (; n != kNone; n = parent.at(n))
        path.push_back({static_cast<int>(n % static_cast<std::size_t>(graph.parties())),
                        static_cast<StateIndex>(n / static_cast<std::size_t>(graph.parties()))});
      std::reverse(path.begin(), path.end());
      return path;
    };
    std::optional<std::size_t> found;
    auto reach = [&](StateIndex to, int mover, std::size_t from) {
      const std::size_t n = graph.node(to, mover);
      if (found || !parent.emplace(n, from).second) return;
      if (goal(to)) found = n;
      queue.push_back(n);
    };
    graph.for_each_first_move(start, [&](StateIndex to, int mover) { reach(to, mover, kNone); });
    while (!found && !queue.empty()) {
      if (cancel_.cancelled()) throw Cancelled();
      const std::size_t n = queue.front();
      queue.pop_front();
      const auto at = static_cast<StateIndex>(n / static_cast<std::size_t>(graph.parties()));
      const int last = static_cast<int>(n % static_cast<std::size_t>(graph.parties()));
      for (int mover = 0; mover < graph.parties() && !found; ++mover)
        if (mover != rules.focal && mover != last)
          graph.for_each_move(at, mover, [&](StateIndex to) { reach(to, mover, n); });
    }
    if (!found) return std::nullopt;
    return path_to(*found);
  }

  const Model& model_;
  StateIndex state_;
  const CancelToken& cancel_;
  std::vector<MoveGenerator> moves_;
};

}  // namespace

Explanation explain_state(const Model& model, StateIndex state, const std::vector<Concept>& concepts,
                          const CancelToken& cancel) {
  if (!model.has_options() || state >= model.states->size()) throw std::invalid_argument("no such state");
  const StateExplainer explainer(model, state, cancel);
  Explanation out{state, {}};
  for (std::size_t i = 0; i < model.parties.size(); ++i)
    out.parties.push_back(explainer.party(static_cast<int>(i), concepts));
  return out;
}

}  // namespace parley
