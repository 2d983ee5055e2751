// SPDX-License-Identifier: Apache-2.0
#include "report_content.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace parley::report {

namespace {

bool basic(Concept c) {
  return c != Concept::SIM;
}

std::vector<Concept> basic_only(const std::vector<Concept>& concepts) {
  std::vector<Concept> out;
  std::copy_if(concepts.begin(), concepts.end(), std::back_inserter(out), basic);
  return out;
}

std::size_t state_count(const Model& model) {
  return model.states ? model.states->size() : 0;
}

void gather_settlements(const Model& model, Content& out) {
  const std::vector<Concept>& concepts = out.stability->concepts();
  std::vector<StateSet> eq;
  for (Concept c : concepts)
    eq.push_back(out.stability->equilibria(c));
  for (StateIndex s = 0; s < state_count(model); ++s) {
    Settlement settlement{s, {}, out.moves.empty() ? -1 : out.moves[s]};
    for (std::size_t k = 0; k < concepts.size(); ++k)
      if (eq[k][s]) settlement.concepts.push_back(concepts[k]);
    if (!settlement.concepts.empty()) out.settlements.push_back(std::move(settlement));
  }
  // Unreachable (-1) after any number of moves.
  const auto key = [](const Settlement& x) {
    return std::make_tuple(-static_cast<int>(x.concepts.size()), x.moves < 0 ? 1 << 30 : x.moves, x.state);
  };
  std::sort(out.settlements.begin(), out.settlements.end(),
            [&](const Settlement& a, const Settlement& b) { return key(a) < key(b); });
}

void gather_paths(const Model& model, Content& out, const CancelToken& cancel) {
  out.moves.assign(state_count(model), -1);
  if (!model.status_quo) return;
  Progress quiet;
  out.paths = status_quo_paths(model, *model.status_quo, quiet, cancel, model.coalitions);
  for (const ReachableState& r : out.paths->reachable)
    out.moves[r.state] = r.moves;
}

/// The allies: the largest group, grown greedily from the best-agreeing pair, whose members agree
/// pairwise on more pairs of states than they disagree on.
std::optional<std::pair<Coalition, double>> aligned_group(const Model& model) {
  const int n = static_cast<int>(model.parties.size());
  std::vector<std::vector<double>> agree(static_cast<std::size_t>(n), std::vector<double>(static_cast<std::size_t>(n)));
  double best = 0.5;
  int first = -1, second = -1;
  for (int a = 0; a < n; ++a)
    for (int b = a + 1; b < n; ++b) {
      const double x = ranking_agreement(model, a, b);
      agree[a][b] = agree[b][a] = x;
      if (x > best) std::tie(best, first, second) = std::make_tuple(x, a, b);
    }
  if (first < 0) return std::nullopt;
  Coalition group = (1U << first) | (1U << second);
  double least = best;
  for (;;) {
    int pick = -1;
    double pick_least = 0.5;
    for (int c = 0; c < n; ++c) {
      if ((group >> c) & 1U) continue;
      double worst = 1;
      for (int m = 0; m < n; ++m)
        if ((group >> m) & 1U) worst = std::min(worst, agree[c][m]);
      if (worst > pick_least) std::tie(pick, pick_least) = std::make_tuple(c, worst);
    }
    if (pick < 0) break;
    group |= 1U << pick;
    least = std::min(least, pick_least);
  }
  return std::make_pair(group, least);
}

void add_unique(std::vector<Coalition>& to, Coalition c) {
  if (std::find(to.begin(), to.end(), c) == to.end()) to.push_back(c);
}

void gather_coalitions(const Model& model, const ReportOptions& options, Content& out, const CancelToken& cancel) {
  CoalitionPart& part = out.coalitions;
  const ReportLimits& limits = options.limits;
  if (model.parties.size() < 2 || model.parties.size() > 32) {
    part.note = "coalitions need between two and 32 parties";
    return;
  }
  for (Coalition c : model.coalitions)
    add_unique(part.coalitions, c);
  for (Coalition c : options.coalitions)
    add_unique(part.coalitions, c);
  if (!model.coalitions.empty())
    part.origin = CoalitionPart::Origin::Declared;
  else if (!options.coalitions.empty())
    part.origin = CoalitionPart::Origin::Asked;
  else if (model.parties.size() <= 3) {
    part.origin = CoalitionPart::Origin::Every;
    part.coalitions = all_coalitions(model);
  } else if (state_count(model) <= limits.alignment_states) {
    if (auto group = aligned_group(model)) {
      part.origin = CoalitionPart::Origin::Aligned;
      part.coalitions = {group->first};
      part.agreement = {group->second};
    } else {
      part.note = "no two parties order the states alike more often than not, so the model suggests no allies";
    }
  } else {
    part.note = fmt::format(
        "the model declares no coalition, and finding allies from the rankings is left out above "
        "{} states; declare `coalitions` or name one with --coalition",
        limits.alignment_states);
  }
  if (part.coalitions.empty()) return;
  if (part.coalitions.size() > limits.coalitions) part.coalitions.resize(limits.coalitions);
  const std::uint64_t work = part.coalitions.size() * state_count(model) * model.parties.size();
  if (work > limits.coalition_work) {
    part.note = fmt::format(
        "coalition analysis of this model ({} coalitions, {} states) is beyond the report's "
        "limit; run `parley analyze --coalition ...`",
        part.coalitions.size(), state_count(model));
    part.coalitions.clear();
    return;
  }
  // The coalition concepts exist for Nash, GMR, SMR and SEQ; the report's slots follow them.
  const std::vector<Concept> concepts = basic_only(out.stability->concepts());
  if (concepts.empty()) {
    part.note = "coalition stability has counterparts of Nash, GMR, SMR and SEQ only";
    part.coalitions.clear();
    return;
  }
  StabilityResult individual = *out.stability;
  if (concepts.size() != individual.concepts().size()) {
    Progress quiet;
    individual = analyze_stability(model, {concepts}, quiet, cancel);
  }
  part.concepts = concepts;
  part.report = analyze_coalitions(model, individual, part.coalitions, model.coalitions, cancel);
}

/// The state that leaves the least satisfied party best off (each party's preference scaled to
/// 0 = its worst state, 1 = its best); ties by the total, then the lowest state number.
StateIndex maximin_state(const Model& model) {
  StateIndex best = 0;
  std::pair<double, double> best_key{-1, -1};
  for (StateIndex s = 0; s < state_count(model); ++s) {
    double least = 1, total = 0;
    for (const Preference& p : model.preferences) {
      if (p.levels().empty()) continue;
      const double x = p.level_count() <= 1 ? 1.0 : p.level(s) / double(p.level_count() - 1);
      least = std::min(least, x);
      total += x;
    }
    if (std::make_pair(least, total) > best_key)
      std::tie(best_key, best) = std::make_tuple(std::make_pair(least, total), s);
  }
  return best;
}

void gather_change(const Model& model, const ReportOptions& options, Content& out, const CancelToken& cancel) {
  ChangePart& part = out.change;
  part.target = options.target;
  if (!part.target) {
    part.target = maximin_state(model);
    part.target_chosen = true;
  }
  const std::vector<Concept> held = out.equilibrium_concepts(*part.target);
  for (Concept c : basic_only(options.concepts))
    if (std::find(held.begin(), held.end(), c) == held.end()) part.unstable_under.push_back(c);
  if (part.unstable_under.empty()) return;
  const ReportLimits& limits = options.limits;
  if (state_count(model) > limits.analysis_states) {
    part.note = fmt::format("the search for changes is left out above {} states", limits.analysis_states);
    return;
  }
  std::vector<int> with_priorities;
  for (std::size_t p = 0; p < model.parties.size(); ++p)
    if (!model.parties[p].priorities.empty()) with_priorities.push_back(static_cast<int>(p));
  if (!with_priorities.empty()) {
    LeverOptions lever_options{*part.target, with_priorities, part.unstable_under, limits.lever_budget};
    part.levers = find_levers(model, lever_options, cancel);
    return;
  }
  if (state_count(model) > limits.inverse_states) {
    part.note = fmt::format(
        "no party states its preference as priorities, and the exact search over rankings is "
        "left out above {} states; run `parley inverse`",
        limits.inverse_states);
    return;
  }
  // Parties unstable at the target under some concept must change; the others are held fixed.
  InverseOptions inverse{*part.target, {}, part.unstable_under, std::chrono::seconds(5)};
  for (Concept c : part.unstable_under) {
    for (std::size_t p = 0; p < model.parties.size(); ++p)
      if (!out.stability->stable(c, static_cast<int>(p))[*part.target] &&
          std::find(inverse.vary.begin(), inverse.vary.end(), static_cast<int>(p)) == inverse.vary.end())
        inverse.vary.push_back(static_cast<int>(p));
  }
  std::sort(inverse.vary.begin(), inverse.vary.end());
  if (inverse.vary.empty()) return;
  part.inverse = analyze_inverse(model, inverse, cancel);
}

void gather_margins(const Model& model, const ReportOptions& options, Content& out, const CancelToken& cancel) {
  const ReportLimits& limits = options.limits;
  if (out.settlements.empty()) return;
  if (state_count(model) > limits.analysis_states) {
    out.margins_note = fmt::format("margins of stability are left out above {} states", limits.analysis_states);
    return;
  }
  std::vector<StateIndex> chosen;
  for (const Settlement& s : out.settlements)
    if (chosen.size() < limits.margin_states) chosen.push_back(s.state);
  if (out.settlements.size() > chosen.size())
    out.margins_note = fmt::format(
        "margins are computed for the {} most stable equilibria of {}; "
        "`parley robustness` gives them all",
        chosen.size(), out.settlements.size());
  for (Concept c : basic_only(options.concepts)) {
    if (c == Concept::SMR && state_count(model) > limits.smr_margin_states) {
      out.margins_note += std::string(out.margins_note.empty() ? "" : "; ") +
                          fmt::format(
                              "SMR margins (a slow exact search) are left out above {} states; "
                              "`parley robustness --concepts smr` computes them",
                              limits.smr_margin_states);
      continue;
    }
    std::vector<StateIndex> states;
    const StateSet eq = out.stability->equilibria(c);
    for (StateIndex s : chosen)
      if (eq[s]) states.push_back(s);
    if (!states.empty())
      out.margins.push_back({c, stability_margins(model, c, states, cancel, std::chrono::seconds(5))});
  }
}

bool has_uncertain_spatial_input(const Model& model) {
  for (const Party& p : model.parties) {
    if (p.capability_range) return true;
    for (const IssueStance& s : p.stances)
      if (s.position_range || s.salience_range || s.red_line_low_range || s.red_line_high_range) return true;
  }
  return false;
}

void gather_spatial(const Model& model, const ReportOptions& options, Content& out, const CancelToken& cancel) {
  out.spatial = predict_spatial(model, SpatialOptions{options.rounds});
  if (!has_uncertain_spatial_input(model)) return;
  if (options.samples <= 0) {
    out.sampled_note = "the model gives uncertainty intervals; Monte Carlo samples were not asked for";
    return;
  }
  // The expected-utility model and the SMP are the slow part; the report samples the others.
  out.sampled = sample_spatial(model, {options.samples, options.seed, options.rounds, false}, cancel);
}

void gather_strategic(const Model& model, const ReportOptions& options, Content& out, const CancelToken& cancel) {
  Progress quiet;
  out.stability = analyze_stability(model, {options.concepts}, quiet, cancel);
  gather_paths(model, out, cancel);
  gather_settlements(model, out);
  gather_coalitions(model, options, out, cancel);
  gather_change(model, options, out, cancel);
  gather_margins(model, options, out, cancel);
  const bool uncertain = std::any_of(model.parties.begin(), model.parties.end(),
                                     [](const Party& p) { return p.preference_uncertainty.has_value(); });
  if (uncertain) {
    if (state_count(model) > options.limits.analysis_states)
      out.partial_note =
          fmt::format("partly known preferences are not analysed above {} states", options.limits.analysis_states);
    else
      out.partial = analyze_partial(model, {basic_only(options.concepts), std::max(options.samples, 100), options.seed},
                                    quiet, cancel);
  }
  if (options.horizon > 0) {
    if (model.parties.size() != 2)
      out.limited_note = "limited-move stability is defined here for two parties only";
    else
      out.limited = analyze_limited_move(model, {options.horizon, true}, quiet, cancel);
  }
}

}  // namespace

std::vector<Concept> Content::equilibrium_concepts(StateIndex s) const {
  const Settlement* found = settlement(s);
  return found ? found->concepts : std::vector<Concept>{};
}

const Settlement* Content::settlement(StateIndex s) const {
  for (const Settlement& x : settlements)
    if (x.state == s) return &x;
  return nullptr;
}

double ranking_agreement(const Model& model, int a, int b) {
  const Preference& pa = model.preferences[static_cast<std::size_t>(a)];
  const Preference& pb = model.preferences[static_cast<std::size_t>(b)];
  if (pa.levels().empty() || pb.levels().empty()) return 0.5;
  std::uint64_t alike = 0, opposite = 0;
  const auto n = static_cast<StateIndex>(state_count(model));
  for (StateIndex s = 0; s < n; ++s)
    for (StateIndex t = s + 1; t < n; ++t) {
      const auto x = static_cast<long long>(pa.level(s)) - pa.level(t);
      const auto y = static_cast<long long>(pb.level(s)) - pb.level(t);
      if ((x > 0 && y > 0) || (x < 0 && y < 0))
        ++alike;
      else if ((x > 0 && y < 0) || (x < 0 && y > 0))
        ++opposite;
    }
  return alike + opposite == 0 ? 0.5 : double(alike) / double(alike + opposite);
}

Content gather_content(const Model& model, const ReportOptions& options, const CancelToken& cancel) {
  Content out;
  out.options = options;
  if (model.has_options()) gather_strategic(model, options, out, cancel);
  if (!model.issues.empty()) gather_spatial(model, options, out, cancel);
  return out;
}

}  // namespace parley::report
