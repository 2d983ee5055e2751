// SPDX-License-Identifier: Apache-2.0
/// Partial preferences against brute force: every combination of completions written out as an
/// ordinary model file, read and analysed with the ordinary stability analysis.
#include "parley/analysis/partial_preferences.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "support/model_text.hpp"
#include "support/random_conflict.hpp"

namespace parley {
namespace {

PartialResult partial(const Model& model, PartialOptions options = {}) {
  Progress progress;
  CancelToken cancel;
  return analyze_partial(model, options, progress, cancel);
}

StabilityResult stability(const Model& model) {
  Progress progress;
  CancelToken cancel;
  return analyze_stability(model, {basic_concepts()}, progress, cancel);
}

const ConceptPartial& of(const PartialResult& r, Concept c) {
  for (const auto& cp : r.concepts)
    if (cp.solution == c) return cp;
  throw std::logic_error("concept missing");
}

std::vector<std::string> names(const Model& model, const StateSet& states) {
  std::vector<std::string> out;
  for (StateIndex s = 0; s < states.size(); ++s)
    if (states[s]) out.push_back(model.pattern(s));
  return out;
}

bool subset(const StateSet& a, const StateSet& b) {
  for (std::size_t s = 0; s < a.size(); ++s)
    if (a[s] && !b[s]) return false;
  return true;
}

/// Syria and Iraq (catalog/syria-iraq.yaml), Syria's preference given by `syria`.
std::string syria_iraq(const std::string& syria) {
  return "parley: 1\nparties:\n  - id: Syria\n    options: [release, escalate]\n" + syria +
         "  - id: Iraq\n    options: [attack]\n    ranking: [YNN, NNY, NYY, NNN, YNY, NYN]\n"
         "infeasible: [release and escalate]\n";
}

// States: 1 NNN, 2 YNN, 3 NYN, 4 NNY, 5 YNY, 6 NYY. Iraq's only move is to attack or stop; it
// prefers YNN to YNY, NNY to NNN and NYY to NYN, so under Nash Iraq is stable at YNN, NNY, NYY.
// Syria moves within a column (Iraq's choice fixed) and is Nash-stable at its favourite there.
TEST(PartialHandWorked, SyriaUnsureWhetherItPrefersEscalatingUnderAttack) {
  // NNN first and YNY last are known; the four between in any order: 4! = 24 completions. Without
  // an attack NNN is Syria's favourite, never an equilibrium (Iraq attacks). Under attack, Syria
  // chooses among NNY, YNY, NYY: YNY is last, so the favourite is whichever of NNY and NYY the
  // completion puts higher, in 12 completions each. Both are stable for Iraq: each is an
  // equilibrium in 12 of 24 completions, neither in all. The written order puts NYY above NNY.
  const auto model = testing::model_from(syria_iraq("    ranking: [NNN, {any_order: [NYN, NYY, YNN, NNY]}, YNY]\n"));
  ASSERT_TRUE(model);
  const auto r = partial(*model, {{Concept::Nash}});
  ASSERT_EQ(r.uncertain.size(), 1U);
  EXPECT_EQ(r.uncertain[0].completions, 24U);
  EXPECT_EQ(r.completions, 24U);
  const auto& nash = of(r, Concept::Nash);
  EXPECT_FALSE(nash.sampled);
  EXPECT_EQ(names(*model, nash.stated), std::vector<std::string>{"NYY"});
  EXPECT_TRUE(names(*model, nash.necessary).empty());
  EXPECT_EQ(names(*model, nash.possible), (std::vector<std::string>{"NNY", "NYY"}));
  EXPECT_DOUBLE_EQ(nash.share[3], 0.5);  // NNY
  EXPECT_DOUBLE_EQ(nash.share[5], 0.5);  // NYY
  EXPECT_DOUBLE_EQ(nash.share[0], 0.0);
}

TEST(PartialHandWorked, SyriaMayNotCareAboutReleasingWater) {
  // docs/model-format.md's priorities for Syria, the last one uncertain. Held (the stated
  // preference): payoffs NNN 6, YNN 5, NYN 2, NNY 6, YNY 7, NYY 2; under attack Syria's favourite
  // is YNY, which Iraq leaves: no Nash equilibrium. Not held: NNN 3, YNN 2, NYN 1, NNY 3, YNY 3,
  // NYY 1; under attack NNY and YNY tie first, so Syria stays at NNY, where Iraq stays too.
  const auto model =
      testing::model_from(syria_iraq("    priorities: [not escalate, attack if release, {maybe: release}]\n"));
  ASSERT_TRUE(model);
  const auto r = partial(*model, {{Concept::Nash}});
  EXPECT_EQ(r.completions, 2U);
  const auto& nash = of(r, Concept::Nash);
  EXPECT_TRUE(names(*model, nash.stated).empty());
  EXPECT_TRUE(names(*model, nash.necessary).empty());
  EXPECT_EQ(names(*model, nash.possible), std::vector<std::string>{"NNY"});
  EXPECT_DOUBLE_EQ(nash.share[3], 0.5);
}

TEST(PartialHandWorked, NoUncertaintyMeansTheOrdinaryEquilibria) {
  const auto model = testing::model_from(syria_iraq("    ranking: [NNN, NYN, NYY, YNN, NNY, YNY]\n"));
  ASSERT_TRUE(model);
  const auto r = partial(*model);
  EXPECT_TRUE(r.uncertain.empty());
  EXPECT_EQ(r.completions, 1U);
  const auto ordinary = stability(*model);
  for (const auto& c : r.concepts) {
    EXPECT_FALSE(c.sampled);
    EXPECT_EQ(c.necessary, ordinary.equilibria(c.solution));
    EXPECT_EQ(c.possible, ordinary.equilibria(c.solution));
  }
  EXPECT_EQ(names(*model, of(r, Concept::GMR).possible), (std::vector<std::string>{"NNN", "NYY"}));
}

TEST(PartialHandWorked, RejectsWhatItCannotAnswer) {
  const auto model = testing::model_from(syria_iraq("    ranking: [NNN, NYN, NYY, YNN, NNY, YNY]\n"));
  ASSERT_TRUE(model);
  EXPECT_THROW(partial(*model, {{Concept::SIM}}), std::invalid_argument);
  EXPECT_THROW(partial(*model, {basic_concepts(), 0}), std::invalid_argument);
}

TEST(PartialCompletions, EveryOrderAndChoiceOnceAndTheFirstIsTheStated) {
  // Two runs (3 and 2 statements) and two maybe statements: 3! x 2! x 2 x 2 = 48 completions.
  const auto u = PreferenceUncertainty::from_priorities(std::vector<std::uint64_t>(4, 0), 7, {{0, 3}, {4, 2}}, {3, 5});
  ASSERT_EQ(u.completion_count(), 48U);
  std::set<std::pair<std::vector<std::vector<std::uint32_t>>, std::vector<bool>>> seen;
  for (std::uint64_t k = 0; k < 48; ++k) {
    const auto c = u.completion(k);
    seen.insert({c.orders, c.held});
  }
  EXPECT_EQ(seen.size(), 48U);
  const auto first = u.completion(0), stated = u.stated();
  EXPECT_EQ(first.orders, stated.orders);
  EXPECT_EQ(first.held, stated.held);
  EXPECT_THROW(u.completion(48), std::out_of_range);
}

TEST(PartialCompletions, CountsPastSixtyFourBitsAreReportedAsSuch) {
  const auto u = PreferenceUncertainty::from_ranking(std::vector<std::vector<StateIndex>>(21), {{0, 21}});
  EXPECT_FALSE(u.completion_count());  // 21! > 2^64
  const auto v = PreferenceUncertainty::from_ranking(std::vector<std::vector<StateIndex>>(20), {{0, 20}});
  EXPECT_EQ(v.completion_count(), 2432902008176640000U);
}

// ---------------------------------------------------------------------------------------------
// Generated conflicts with partly known preferences, and their completions written out.
// ---------------------------------------------------------------------------------------------

/// One party's preference as written: ranking items (a tie or an any_order group of states), or
/// statements with any_order runs and maybe flags.
struct PartySpec {
  bool ranking = true;
  std::vector<std::pair<bool, std::vector<std::string>>> items;  ///< (any_order?, patterns)
  std::vector<std::string> statements;
  std::vector<std::pair<std::size_t, std::size_t>> runs;  ///< (first, count) of statements
  std::vector<bool> maybe;
};

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

/// The preference block of a party as written, groups and all.
std::string written(const PartySpec& p) {
  std::string out;
  if (p.ranking) {
    out = "    ranking:\n";
    for (const auto& [group, states] : p.items) {
      std::string list;
      for (const auto& s : states)
        list += (list.empty() ? "" : ", ") + s;
      out += group ? "      - {any_order: [" + list + "]}\n" : "      - [" + list + "]\n";
    }
    return out;
  }
  out = "    priorities:\n";
  const auto item = [&](std::size_t j) {
    return p.maybe[j] ? "{maybe: " + quoted(p.statements[j]) + "}" : quoted(p.statements[j]);
  };
  for (std::size_t j = 0; j < p.statements.size();) {
    const auto run = std::find_if(p.runs.begin(), p.runs.end(), [&](const auto& r) { return r.first == j; });
    if (run == p.runs.end()) {
      out += "      - " + item(j++) + "\n";
      continue;
    }
    std::string list;
    for (std::size_t k = 0; k < run->second; ++k)
      list += (k ? ", " : "") + item(j + k);
    out += "      - {any_order: [" + list + "]}\n";
    j += run->second;
  }
  return out;
}

/// Every completion of a party as an ordinary preference block, by brute force: every order of
/// each group (std::next_permutation), every choice of the maybe statements.
std::vector<std::string> completions_of(const PartySpec& p, const std::vector<std::string>& all_states) {
  std::vector<std::string> out;
  if (p.ranking) {
    std::vector<std::vector<std::string>> orders;  // per item, its current order
    for (const auto& item : p.items) {
      orders.push_back(item.second);
      std::sort(orders.back().begin(), orders.back().end());
    }
    while (true) {
      std::string block = "    ranking:\n";
      for (std::size_t i = 0; i < p.items.size(); ++i) {
        if (!p.items[i].first) {
          std::string list;
          for (const auto& s : orders[i])
            list += (list.empty() ? "" : ", ") + s;
          block += "      - [" + list + "]\n";
        } else {
          for (const auto& s : orders[i])
            block += "      - " + s + "\n";
        }
      }
      out.push_back(block);
      std::size_t i = 0;  // the next combination of orders, groups only
      while (i < p.items.size() && (!p.items[i].first || !std::next_permutation(orders[i].begin(), orders[i].end())))
        ++i;
      if (i == p.items.size()) break;
    }
    return out;
  }
  std::vector<std::size_t> order(p.statements.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  while (true) {
    std::vector<std::size_t> maybe;
    for (std::size_t j = 0; j < p.statements.size(); ++j)
      if (p.maybe[j]) maybe.push_back(j);
    for (std::uint64_t held = 0; held < (1ULL << maybe.size()); ++held) {
      std::vector<std::string> kept;
      for (std::size_t place = 0; place < order.size(); ++place) {
        const std::size_t j = order[place];
        const auto m = std::find(maybe.begin(), maybe.end(), j);
        if (m == maybe.end() || ((held >> (m - maybe.begin())) & 1U)) kept.push_back(p.statements[j]);
      }
      if (kept.empty()) {  // no statement held: indifferent between every state
        std::string list;
        for (const auto& s : all_states)
          list += (list.empty() ? "" : ", ") + s;
        out.push_back("    ranking: [[" + list + "]]\n");
        continue;
      }
      std::string block = "    priorities:\n";
      for (const auto& s : kept)
        block += "      - " + quoted(s) + "\n";
      out.push_back(block);
    }
    std::size_t r = 0;  // the next combination of the runs' orders
    while (r < p.runs.size() &&
           !std::next_permutation(order.begin() + static_cast<std::ptrdiff_t>(p.runs[r].first),
                                  order.begin() + static_cast<std::ptrdiff_t>(p.runs[r].first + p.runs[r].second)))
      ++r;
    if (r == p.runs.size()) break;
  }
  return out;
}

/// A generated conflict whose parties' preferences are partly known.
struct PartialConflict {
  testing::RandomConflict conflict;
  std::vector<std::string> states;  ///< patterns of the feasible states
  std::vector<PartySpec> parties;

  [[nodiscard]] std::string yaml(const std::vector<std::string>& blocks) const {
    std::string text = "parley: 1\nparties:\n";
    for (std::size_t p = 0; p < conflict.parties.size(); ++p) {
      text += "  - id: " + conflict.parties[p].id + "\n    options:\n";
      for (const auto& o : conflict.parties[p].options)
        text += "      - {id: " + o.id + ", direction: " + o.direction + "}\n";
      text += blocks[p];
    }
    if (!conflict.infeasible.empty()) {
      text += "infeasible:\n";
      for (const auto& e : conflict.infeasible)
        text += "  - " + quoted(e) + "\n";
    }
    return text;
  }
  [[nodiscard]] std::string written_yaml() const {
    std::vector<std::string> blocks;
    for (const auto& p : parties)
      blocks.push_back(written(p));
    return yaml(blocks);
  }
};

/// A random ranking over the states (in an order drawn from random keys): ties of two, any_order
/// groups of two or three (while the budget of completions allows), single states otherwise.
PartySpec random_ranking(const std::vector<std::string>& states, std::uint64_t& budget) {
  PartySpec p;
  std::vector<std::string> shuffled = states;
  std::sort(shuffled.begin(), shuffled.end());
  const auto keys = *rc::gen::container<std::vector<int>>(shuffled.size(), rc::gen::inRange(0, 1000));
  std::vector<std::size_t> index(shuffled.size());
  std::iota(index.begin(), index.end(), std::size_t{0});
  std::stable_sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  for (std::size_t k = 0; k < index.size();) {
    const std::size_t left = index.size() - k;
    const int kind = *rc::gen::inRange(0, 4);  // 0, 1: a single state; 2: a tie; 3: a group
    std::size_t take = 1;
    bool group = false;
    if (kind == 2 && left >= 2) take = 2;
    if (kind == 3 && left >= 2) {
      const std::size_t size = left >= 3 && *rc::gen::arbitrary<bool>() ? 3 : 2;
      const std::uint64_t factor = size == 3 ? 6 : 2;
      if (budget >= factor) {
        budget /= factor;
        take = size;
        group = true;
      }
    }
    std::vector<std::string> item;
    for (std::size_t j = 0; j < take; ++j)
      item.push_back(shuffled[index[k + j]]);
    p.items.emplace_back(group, item);
    k += take;
  }
  return p;
}

/// Random priority statements, one run of two or three in unknown order and maybe statements,
/// within the budget of completions.
PartySpec random_priorities(const std::vector<std::string>& ids, std::uint64_t& budget) {
  PartySpec p;
  p.ranking = false;
  const int count = *rc::gen::inRange(1, 5);
  for (int k = 0; k < count; ++k) {
    std::string s = testing::random_literal(ids);
    if (*rc::gen::arbitrary<bool>())
      s += *rc::gen::elementOf(std::vector<std::string>{" and ", " or ", " if "}) + testing::random_literal(ids);
    p.statements.push_back(s);
  }
  p.maybe.assign(p.statements.size(), false);
  if (count >= 2 && *rc::gen::arbitrary<bool>()) {
    const auto size = static_cast<std::size_t>(*rc::gen::inRange(2, std::min(count, 3) + 1));
    const auto first = static_cast<std::size_t>(*rc::gen::inRange(0, count - static_cast<int>(size) + 1));
    const std::uint64_t factor = size == 3 ? 6 : 2;
    if (budget >= factor) {
      budget /= factor;
      p.runs.emplace_back(first, size);
    }
  }
  for (std::size_t j = 0; j < p.statements.size(); ++j)
    if (budget >= 2 && *rc::gen::inRange(0, 3) == 0) {
      budget /= 2;
      p.maybe[j] = true;
    }
  return p;
}

/// A conflict of 2-3 parties and at most 4 options, at most `budget` combinations of completions.
PartialConflict random_partial_conflict(std::uint64_t budget) {
  PartialConflict c{testing::random_conflict(3, 4), {}, {}};
  std::vector<std::size_t> order(c.conflict.parties.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto plain = testing::model_from(c.conflict.yaml(order, false));
  RC_ASSERT(plain);
  c.states = testing::patterns(*plain);
  const auto ids = c.conflict.option_ids();
  for (std::size_t p = 0; p < c.conflict.parties.size(); ++p)
    c.parties.push_back(*rc::gen::arbitrary<bool>() ? random_ranking(c.states, budget)
                                                    : random_priorities(ids, budget));
  return c;
}

/// Brute force over every combination of completions: equilibria counted per concept and state.
struct BruteForce {
  std::uint64_t total = 0;
  std::vector<std::vector<std::uint64_t>> count;  ///< [concept][state]
  std::vector<StateSet> necessary, possible;
};

BruteForce brute_force(const PartialConflict& c) {
  std::vector<std::vector<std::string>> each;
  for (const auto& p : c.parties)
    each.push_back(completions_of(p, c.states));
  const std::size_t n = c.states.size();
  BruteForce out;
  out.count.assign(4, std::vector<std::uint64_t>(n, 0));
  out.necessary.assign(4, StateSet(n, true));
  out.possible.assign(4, StateSet(n, false));
  std::vector<std::size_t> pick(each.size(), 0);
  while (true) {
    std::vector<std::string> blocks;
    for (std::size_t p = 0; p < each.size(); ++p)
      blocks.push_back(each[p][pick[p]]);
    const auto model = testing::model_from(c.yaml(blocks));
    RC_ASSERT(model);
    const auto r = stability(*model);
    ++out.total;
    for (std::size_t k = 0; k < 4; ++k) {
      const StateSet eq = r.equilibria(basic_concepts()[k]);
      for (std::size_t s = 0; s < n; ++s) {
        out.count[k][s] += eq[s] ? 1 : 0;
        out.necessary[k][s] = out.necessary[k][s] && eq[s];
        out.possible[k][s] = out.possible[k][s] || eq[s];
      }
    }
    std::size_t p = 0;
    while (p < each.size() && ++pick[p] == each[p].size())
      pick[p++] = 0;
    if (p == each.size()) break;
  }
  return out;
}

// The exact analysis equals brute force: every combination of completions written as a plain model,
// read and analysed (SEQ too, where the parties' completions interact).
RC_GTEST_PROP(PartialPreferences, ExactEqualsBruteForceOverEveryCompletion, ()) {
  const auto c = random_partial_conflict(48);
  const auto model = testing::model_from(c.written_yaml());
  RC_ASSERT(model);
  const auto result = partial(*model);
  const auto expected = brute_force(c);
  RC_ASSERT(result.completions == expected.total);
  for (std::size_t k = 0; k < 4; ++k) {
    const ConceptPartial& ours = result.concepts[k];
    RC_ASSERT(!ours.sampled);
    RC_ASSERT(ours.necessary == expected.necessary[k]);
    RC_ASSERT(ours.possible == expected.possible[k]);
    for (std::size_t s = 0; s < c.states.size(); ++s)
      RC_ASSERT(std::abs(ours.share[s] -
                         static_cast<double>(expected.count[k][s]) / static_cast<double>(expected.total)) < 1e-12);
  }
}

// The stated preference is one completion: necessary ⊆ its equilibria ⊆ possible, exact or sampled;
// and a share is positive exactly where a state is possible when exact.
RC_GTEST_PROP(PartialPreferences, NecessaryWithinStatedWithinPossible, ()) {
  const auto c = random_partial_conflict(500);
  const auto model = testing::model_from(c.written_yaml());
  RC_ASSERT(model);
  const auto ordinary = stability(*model);
  const std::uint64_t limit = *rc::gen::element<std::uint64_t>(0, 3, kExactCompletionLimit);
  const auto result = partial(*model, {basic_concepts(), 7, *rc::gen::arbitrary<std::uint64_t>(), limit});
  for (const auto& ours : result.concepts) {
    const StateSet stated = ordinary.equilibria(ours.solution);
    RC_ASSERT(ours.stated == stated);
    RC_ASSERT(subset(ours.necessary, stated));
    RC_ASSERT(subset(stated, ours.possible));
    for (std::size_t s = 0; s < c.states.size(); ++s) {
      RC_ASSERT(ours.share[s] >= 0.0);
      RC_ASSERT(ours.share[s] <= 1.0);
      if (!ours.sampled) RC_ASSERT((ours.share[s] > 0) == ours.possible[s]);
      if (!ours.sampled && ours.necessary[s]) RC_ASSERT(ours.share[s] == 1.0);
    }
  }
}

// Without any group or maybe statement, necessary = possible = the ordinary equilibria.
RC_GTEST_PROP(PartialPreferences, NoUncertaintyGivesTheOrdinaryEquilibria, ()) {
  const auto c = random_partial_conflict(1);  // a budget of 1 leaves no room for a group
  const auto model = testing::model_from(c.written_yaml());
  RC_ASSERT(model);
  const auto ordinary = stability(*model);
  const auto result = partial(*model);
  RC_ASSERT(result.uncertain.empty());
  for (const auto& ours : result.concepts) {
    RC_ASSERT(!ours.sampled);
    RC_ASSERT(ours.necessary == ordinary.equilibria(ours.solution));
    RC_ASSERT(ours.possible == ordinary.equilibria(ours.solution));
  }
}

// Sampling everything (a limit of 0) estimates the exact shares: each party's sampled share lies
// within t of its true share except with probability 2 exp(-2 N t^2) (Hoeffding), here 1e-9 per
// share; a product of k shares in [0, 1] then lies within k t. Sampling sees fewer completions, so
// it can only find more necessary and fewer possible states.
RC_GTEST_PROP(PartialPreferences, SampledSharesEstimateTheExactOnes, ()) {
  const auto c = random_partial_conflict(48);
  const auto model = testing::model_from(c.written_yaml());
  RC_ASSERT(model);
  const auto exact = partial(*model);
  constexpr int kSamples = 4000;
  const auto sampled = partial(*model, {basic_concepts(), kSamples, *rc::gen::arbitrary<std::uint64_t>(), 0});
  const double t = std::sqrt(std::log(2e9) / (2.0 * kSamples));
  const double parties = std::max<double>(1, static_cast<double>(exact.uncertain.size()));
  for (std::size_t k = 0; k < 4; ++k) {
    const auto& e = exact.concepts[k];
    const auto& s = sampled.concepts[k];
    RC_ASSERT(s.sampled == !exact.uncertain.empty());
    RC_ASSERT(subset(e.necessary, s.necessary));
    RC_ASSERT(subset(s.possible, e.possible));
    const double tolerance = e.solution == Concept::SEQ ? t : parties * t;
    for (std::size_t st = 0; st < c.states.size(); ++st)
      RC_ASSERT(std::abs(s.share[st] - e.share[st]) <= tolerance);
  }
}

// The same seed gives the same sample, whatever else runs.
TEST(PartialPreferences, SamplingIsReproducible) {
  const auto model = testing::model_from(syria_iraq("    ranking: [NNN, {any_order: [NYN, NYY, YNN, NNY]}, YNY]\n"));
  ASSERT_TRUE(model);
  const auto a = partial(*model, {basic_concepts(), 300, 42, 0});
  const auto b = partial(*model, {basic_concepts(), 300, 42, 0});
  const auto other = partial(*model, {basic_concepts(), 300, 43, 0});
  bool differs = false;
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_TRUE(a.concepts[k].sampled);
    EXPECT_EQ(a.concepts[k].share, b.concepts[k].share);
    EXPECT_EQ(a.concepts[k].possible, b.concepts[k].possible);
    differs = differs || a.concepts[k].share != other.concepts[k].share;
  }
  EXPECT_TRUE(differs);
}

}  // namespace
}  // namespace parley
