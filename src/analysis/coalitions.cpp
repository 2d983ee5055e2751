// SPDX-License-Identifier: Apache-2.0
#include "parley/analysis/coalitions.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <bit>
#include <cassert>
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

bool every_member_prefers(const Model& model, Coalition coalition, StateIndex to, StateIndex from) {
  for (std::size_t i = 0; i < model.parties.size(); ++i) {
    if (((coalition >> i) & 1U) == 0) continue;
    const Preference& p = model.preferences[i];
    if (p.levels().empty() || !p.prefers(to, from)) return false;  // a member without preferences gains nothing
  }
  return to != from;
}

std::vector<JointMove> coalitional_moves(const Model& model, Coalition coalition, StateIndex from,
                                         bool improving_only) {
  const int parties = static_cast<int>(model.parties.size());
  if (parties == 0) return {};
  std::vector<MoveGenerator> moves;
  moves.reserve(model.parties.size());
  for (int i = 0; i < parties; ++i)
    moves.emplace_back(model, i);
  // Breadth-first over (state, last mover) within the coalition, remembering how each was reached.
  const auto width = static_cast<std::size_t>(parties);
  auto node = [&](StateIndex s, int mover) {
    return static_cast<std::size_t>(s) * width + static_cast<std::size_t>(mover);
  };
  constexpr std::size_t kStart = static_cast<std::size_t>(-1);
  std::unordered_map<std::size_t, std::size_t> parent;
  std::vector<std::size_t> queue;
  std::unordered_map<StateIndex, std::size_t> first_arrival;  // state -> node that first reached it
  auto expand = [&](StateIndex at, int last, std::size_t from_node) {
    for (int k = 0; k < parties; ++k) {
      if (((coalition >> k) & 1U) == 0 || k == last || model.parties[static_cast<std::size_t>(k)].option_count == 0)
        continue;
      const Preference& p = model.preferences[static_cast<std::size_t>(k)];
      moves[static_cast<std::size_t>(k)].for_each_move(at, [&](StateIndex to) {
        if (improving_only && !p.prefers(to, at)) return;
        const std::size_t n = node(to, k);
        if (!parent.emplace(n, from_node).second) return;
        first_arrival.emplace(to, n);
        queue.push_back(n);
      });
    }
  };
  expand(from, -1, kStart);
  for (std::size_t head = 0; head < queue.size(); ++head)
    expand(static_cast<StateIndex>(queue[head] / width), static_cast<int>(queue[head] % width), queue[head]);
  std::vector<JointMove> out;
  for (const auto& [to, n] : first_arrival) {
    JointMove jm{to, {}};
    for (std::size_t at = n; at != kStart; at = parent.at(at))
      jm.steps.push_back({static_cast<int>(at % width), static_cast<StateIndex>(at / width)});
    std::reverse(jm.steps.begin(), jm.steps.end());
    out.push_back(std::move(jm));
  }
  std::sort(out.begin(), out.end(), [](const JointMove& a, const JointMove& b) { return a.to < b.to; });
  return out;
}

std::vector<JointMove> coalitional_improvements(const Model& model, Coalition coalition, StateIndex from) {
  std::vector<JointMove> out;
  for (JointMove& jm : coalitional_moves(model, coalition, from))
    if (every_member_prefers(model, coalition, jm.to, from)) out.push_back(std::move(jm));
  return out;
}

std::string_view coalition_concept_label(CoalitionConcept c) {
  switch (c) {
    case CoalitionConcept::CNash: return "CNash";
    case CoalitionConcept::CGMR: return "CGMR";
    case CoalitionConcept::CSMR: return "CSMR";
    case CoalitionConcept::CSEQ: return "CSEQ";
  }
  return "";
}

Concept individual_concept(CoalitionConcept c) {
  switch (c) {
    case CoalitionConcept::CNash: return Concept::Nash;
    case CoalitionConcept::CGMR: return Concept::GMR;
    case CoalitionConcept::CSMR: return Concept::SMR;
    case CoalitionConcept::CSEQ: return Concept::SEQ;
  }
  return Concept::Nash;
}

std::optional<CoalitionConcept> coalition_concept(Concept c) {
  switch (c) {
    case Concept::Nash: return CoalitionConcept::CNash;
    case Concept::GMR: return CoalitionConcept::CGMR;
    case Concept::SMR: return CoalitionConcept::CSMR;
    case Concept::SEQ: return CoalitionConcept::CSEQ;
    case Concept::SIM: return std::nullopt;
  }
  return std::nullopt;
}

CoalitionStability analyze_coalition_stability(const Model& model, const std::vector<CoalitionConcept>& concepts,
                                               const std::vector<Coalition>& coalitions, const CancelToken& cancel) {
  CoalitionStability out{concepts, coalitions, {}};
  for (CoalitionConcept c : concepts) {
    std::vector<StateSet> by_coalition;
    for (Coalition h : coalitions) {
      StateSet stable(model.states->size());
      for (StateIndex s = 0; s < model.states->size(); ++s) {
        if ((s & 0xFF) == 0 && cancel.cancelled()) throw Cancelled();
        stable[s] = undeterred_coalitional_improvements(model, c, h, s).empty();
      }
      by_coalition.push_back(std::move(stable));
    }
    out.stable.push_back(std::move(by_coalition));
  }
  return out;
}

StateSet structure_equilibria(const Model& model, const StabilityResult& individual,
                              const CoalitionStability& coalitional, std::size_t k,
                              const std::vector<Coalition>& blocks) {
  const Concept alone = individual_concept(coalitional.concepts[k]);
  StateSet out(model.states->size(), true);
  Coalition in_blocks = 0;
  for (Coalition h : blocks) {
    const auto it = std::find(coalitional.coalitions.begin(), coalitional.coalitions.end(), h);
    assert(it != coalitional.coalitions.end() && (in_blocks & h) == 0);
    const StateSet& stable = coalitional.stable[k][static_cast<std::size_t>(it - coalitional.coalitions.begin())];
    for (StateIndex s = 0; s < out.size(); ++s)
      out[s] = out[s] && stable[s];
    in_blocks |= h;
  }
  for (std::size_t i = 0; i < model.parties.size(); ++i) {
    if (i < 32 && ((in_blocks >> i) & 1U)) continue;
    const StateSet& stable = individual.stable(alone, static_cast<int>(i));
    for (StateIndex s = 0; s < out.size(); ++s)
      out[s] = out[s] && stable[s];
  }
  return out;
}

std::vector<CoalitionEffect> coalition_effects(const Model& model, const StabilityResult& individual,
                                               const CoalitionStability& coalitional, std::size_t k,
                                               const CancelToken& cancel) {
  const CoalitionConcept concept_used = coalitional.concepts[k];
  const Concept alone = individual_concept(concept_used);
  const StateSet before = individual.equilibria(alone);
  std::vector<CoalitionEffect> out;
  for (std::size_t h = 0; h < coalitional.coalitions.size(); ++h) {
    const Coalition coalition = coalitional.coalitions[h];
    CoalitionEffect effect{coalition, {}, {}};
    const StateSet after = structure_equilibria(model, individual, coalitional, k, {coalition});
    for (StateIndex s = 0; s < before.size(); ++s) {
      if (before[s] && !after[s])
        effect.destroyed.emplace_back(s, undeterred_coalitional_improvements(model, concept_used, coalition, s));
      if (!after[s] || before[s]) continue;
      // Every non-member is stable at s, so some member was not: name its first improvement that
      // nothing deterred (explain_state and the stability engine agree; the tests check it).
      const Explanation why = explain_state(model, s, {alone}, cancel);
      [[maybe_unused]] const std::size_t created_before = effect.created.size();
      for (const PartyExplanation& party : why.parties) {
        if (party.party >= 32 || ((coalition >> party.party) & 1U) == 0) continue;
        const auto& improvements = party.concepts.front().improvements;
        const auto undeterred = std::find_if(improvements.begin(), improvements.end(),
                                             [](const ImprovementVerdict& v) { return !v.deterred; });
        if (undeterred == improvements.end()) continue;
        effect.created.push_back({s, party.party, undeterred->to});
        break;
      }
      assert(effect.created.size() == created_before + 1);
    }
    out.push_back(std::move(effect));
  }
  return out;
}

CoalitionReport analyze_coalitions(const Model& model, const StabilityResult& individual,
                                   std::vector<Coalition> coalitions, const std::vector<Coalition>& structure,
                                   const CancelToken& cancel) {
  for (Coalition h : structure)
    if (std::find(coalitions.begin(), coalitions.end(), h) == coalitions.end()) coalitions.push_back(h);
  std::vector<CoalitionConcept> concepts;
  for (Concept c : individual.concepts())
    if (auto cc = coalition_concept(c)) concepts.push_back(*cc);
  CoalitionReport report{analyze_coalition_stability(model, concepts, coalitions, cancel), {}, structure, {}};
  for (std::size_t k = 0; k < concepts.size(); ++k) {
    report.effects.push_back(coalition_effects(model, individual, report.stability, k, cancel));
    if (!structure.empty())
      report.structure.push_back(structure_equilibria(model, individual, report.stability, k, structure));
  }
  return report;
}

std::vector<JointMove> undeterred_coalitional_improvements(const Model& model, CoalitionConcept c, Coalition coalition,
                                                           StateIndex s) {
  std::vector<JointMove> out;
  const Coalition all =
      static_cast<Coalition>((std::uint64_t{1} << std::min<std::size_t>(model.parties.size(), 32)) - 1);
  const Coalition others = all & ~coalition;
  for (JointMove& t : coalitional_improvements(model, coalition, s)) {
    bool deterred = false;
    if (c != CoalitionConcept::CNash && others != 0) {
      for (const JointMove& s2 : coalitional_moves(model, others, t.to, c == CoalitionConcept::CSEQ)) {
        if (every_member_prefers(model, coalition, s2.to, s)) continue;  // some member would not have joined
        if (c == CoalitionConcept::CSMR) {
          const auto escapes = coalitional_moves(model, coalition, s2.to);
          if (std::any_of(escapes.begin(), escapes.end(),
                          [&](const JointMove& s3) { return every_member_prefers(model, coalition, s3.to, s); }))
            continue;
        }
        deterred = true;
        break;
      }
    }
    if (!deterred) out.push_back(std::move(t));
  }
  return out;
}

}  // namespace parley
