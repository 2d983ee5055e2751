// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/coalitions.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <bit>
#include <unordered_map>

#include "parley/core/moves.hpp"

namespace parley {

std::vector<Coalition> all_coalitions(const Model& model) {
  const auto n = static_cast<unsigned>(std::min<std::size_t>(model.parties.size(), 31));
  std::vector<Coalition> out;
  for (Coalition c = 1; c < (Coalition{1} << n); ++c)
    if (std::popcount(c) >= 2) out.push_back(c);
  std::stable_sort(out.begin(), out.end(),
                   [](Coalition a, Coalition b) { return std::popcount(a) < std::popcount(b); });
  return out;
}

std::string coalition_name(const Model& model, Coalition c) {
  std::string out;
  for (std::size_t i = 0; i < model.parties.size(); ++i)
    if ((c >> i) & 1U) out += (out.empty() ? "" : "+") + model.parties[i].id;
  return out;
}

Coalition parse_coalition(const Model& model, const std::string& text, std::string& why) {
  Coalition c = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find_first_of(",+", start), text.size());
    const std::string id = text.substr(start, end - start);
    const int i = model.party_index(id);
    if (i < 0 || i >= 32) {
      why = fmt::format("'{}' is not a party of the model", id);
      return 0;
    }
    c |= Coalition{1} << i;
    start = end + 1;
  }
  if (std::popcount(c) < 2) {
    why = "a coalition needs two or more parties";
    return 0;
  }
  return c;
}

std::vector<JointMove> coalitional_improvements(const Model& model, Coalition coalition, StateIndex from) {
  const int parties = static_cast<int>(model.parties.size());
  std::vector<MoveGenerator> moves;
  for (int i = 0; i < parties; ++i)
    moves.emplace_back(model, i);
  // Breadth-first over (state, last mover) within the coalition, remembering how each was reached.
  auto node = [&](StateIndex s, int mover) {
    return static_cast<std::size_t>(s) * static_cast<std::size_t>(parties) + static_cast<std::size_t>(mover);
  };
  constexpr std::size_t kStart = static_cast<std::size_t>(-1);
  std::unordered_map<std::size_t, std::size_t> parent;
  std::vector<std::size_t> queue;
  std::unordered_map<StateIndex, std::size_t> first_arrival;  // state -> node that first reached it
  auto expand = [&](StateIndex at, int last, std::size_t from_node) {
    for (int k = 0; k < parties; ++k) {
      if (((coalition >> k) & 1U) == 0 || k == last || model.parties[static_cast<std::size_t>(k)].option_count == 0)
        continue;
      moves[static_cast<std::size_t>(k)].for_each_move(at, [&](StateIndex to) {
        const std::size_t n = node(to, k);
        if (!parent.emplace(n, from_node).second) return;
        first_arrival.emplace(to, n);
        queue.push_back(n);
      });
    }
  };
  expand(from, -1, kStart);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::size_t n = queue[head];
    expand(static_cast<StateIndex>(n / static_cast<std::size_t>(parties)),
           static_cast<int>(n % static_cast<std::size_t>(parties)), n);
  }
  std::vector<JointMove> out;
  for (const auto& [to, n] : first_arrival) {
    bool everyone_gains = to != from;
    for (int i = 0; i < parties && everyone_gains; ++i) {
      if (((coalition >> i) & 1U) == 0) continue;
      const Preference& p = model.preferences[static_cast<std::size_t>(i)];
      everyone_gains = !p.levels().empty() && p.prefers(to, from);  // a member without preferences gains nothing
    }
    if (!everyone_gains) continue;
    JointMove jm{to, {}};
    for (std::size_t at = n; at != kStart; at = parent.at(at))
      jm.steps.push_back({static_cast<int>(at % static_cast<std::size_t>(parties)),
                          static_cast<StateIndex>(at / static_cast<std::size_t>(parties))});
    std::reverse(jm.steps.begin(), jm.steps.end());
    out.push_back(std::move(jm));
  }
  std::sort(out.begin(), out.end(), [](const JointMove& a, const JointMove& b) { return a.to < b.to; });
  return out;
}

}  // namespace parley
