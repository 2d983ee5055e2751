// SPDX-License-Identifier: Apache-2.0
/// The stability engine against the brute-force reference written from the definitions, on
/// thousands of generated conflicts, and the relations between concepts that theory guarantees.
#include "parley/analysis/stability.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>
#include <set>

#include "parley/analysis/limited_move.hpp"
#include "support/model_text.hpp"
#include "support/random_conflict.hpp"
#include "support/reference_stability.hpp"
#include "support/to_reference.hpp"

namespace parley {
namespace {

using ReferenceConcept = bool (*)(const reference::Conflict&, int, int);

ReferenceConcept reference_of(Concept c) {
  switch (c) {
    case Concept::Nash: return &reference::nash;
    case Concept::GMR: return &reference::gmr;
    case Concept::SMR: return &reference::smr;
    case Concept::SEQ: return &reference::seq;
    case Concept::SIM: return &reference::sim;
  }
  return nullptr;
}

StabilityResult analyze_all(const Model& model) {
  Progress progress;
  CancelToken cancel;
  return analyze_stability(model, {all_concepts()}, progress, cancel);
}

std::shared_ptr<const Model> build(const std::string& text) {
  ReadResult r = read_model_text(text, "random");
  std::string errors;
  for (const auto& d : r.diagnostics.sorted())
    errors += format_diagnostic("random.yaml", d) + "\n";
  RC_ASSERT(r.model != nullptr);
  if (!r.model) RC_FAIL(errors + text);
  return r.model;
}

RC_GTEST_PROP(Stability, EngineEqualsTheReferenceForEveryConceptPartyAndState, ()) {
  const auto conflict = testing::random_conflict();
  const auto model = build(conflict.yaml(std::vector<std::size_t>([&] {
                                           std::vector<std::size_t> order(conflict.parties.size());
                                           std::iota(order.begin(), order.end(), 0);
                                           return order;
                                         }()),
                                         false));
  const auto ref = testing::to_reference(*model);
  const auto result = analyze_all(*model);
  for (Concept c : all_concepts())
    for (int i = 0; i < static_cast<int>(model->parties.size()); ++i)
      for (int s = 0; s < ref.state_count; ++s) {
        const bool ours = result.stable(c, i)[static_cast<std::size_t>(s)];
        const bool theirs = reference_of(c)(ref, i, s);
        if (ours != theirs)
          RC_FAIL(std::string(concept_label(c)) + " differs for party " + model->parties[i].id + " at " +
                  model->pattern(static_cast<StateIndex>(s)));
      }
}

RC_GTEST_PROP(Stability, LimitedMoveEqualsTheReferenceForTwoParties, ()) {
  const auto conflict = testing::random_conflict(2, 6);
  const auto model = build(conflict.yaml({0, 1}, false));
  const auto ref = testing::to_reference(*model);
  Progress progress;
  CancelToken cancel;
  const auto result = analyze_limited_move(*model, {6, true}, progress, cancel);
  for (int i = 0; i < 2; ++i)
    for (int s = 0; s < ref.state_count; ++s) {
      for (int h = 1; h <= 6; ++h)
        RC_ASSERT(
            result.stable[static_cast<std::size_t>(h - 1)][static_cast<std::size_t>(i)][static_cast<std::size_t>(s)] ==
            reference::limited_move(ref, i, s, h));
      RC_ASSERT(result.nonmyopic[static_cast<std::size_t>(i)][static_cast<std::size_t>(s)] ==
                reference::nonmyopic(ref, i, s));
    }
}

RC_GTEST_PROP(Stability, ConceptsNestAsTheoryRequires, ()) {
  // Nash implies SEQ and SMR and SIM; SEQ and SMR each imply GMR (Fang, Hipel & Kilgour 1993).
  const auto conflict = testing::random_conflict();
  const auto model = build(conflict.yaml(
      [&] {
        std::vector<std::size_t> order(conflict.parties.size());
        std::iota(order.begin(), order.end(), 0);
        return order;
      }(),
      false));
  const auto r = analyze_all(*model);
  for (int i = 0; i < static_cast<int>(model->parties.size()); ++i)
    for (std::size_t s = 0; s < model->states->size(); ++s) {
      if (r.stable(Concept::Nash, i)[s]) {
        RC_ASSERT(r.stable(Concept::SEQ, i)[s]);
        RC_ASSERT(r.stable(Concept::SMR, i)[s]);
        RC_ASSERT(r.stable(Concept::SIM, i)[s]);
      }
      if (r.stable(Concept::SEQ, i)[s]) RC_ASSERT(r.stable(Concept::GMR, i)[s]);
      if (r.stable(Concept::SMR, i)[s]) RC_ASSERT(r.stable(Concept::GMR, i)[s]);
    }
}

/// Each state as "id=Y/N" over option ids in a fixed order, so that models listing the same
/// options in different orders can be compared.
std::set<std::string> keyed(const Model& model, const StateSet& set, const std::vector<std::string>& ids) {
  std::map<std::string, int> index;
  for (int k = 0; k < model.option_count(); ++k)
    index[model.options[static_cast<std::size_t>(k)].id] = k;
  std::set<std::string> out;
  for (StateIndex s = 0; s < set.size(); ++s) {
    if (!set[s]) continue;
    std::string key;
    for (const auto& id : ids)
      key += ((model.states->bits(s) >> index.at(id)) & 1U) ? 'Y' : 'N';
    out.insert(key);
  }
  return out;
}

RC_GTEST_PROP(Stability, ResultsDoNotDependOnTheOrderOfPartiesAndOptions, ()) {
  const auto conflict = testing::random_conflict();
  std::vector<std::size_t> order(conflict.parties.size());
  std::iota(order.begin(), order.end(), 0);
  const auto original = build(conflict.yaml(order, false));
  const auto shuffled_order =
      *rc::gen::container<std::vector<std::size_t>>(order.size(), rc::gen::just<std::size_t>(0));
  (void)shuffled_order;
  std::vector<std::size_t> permuted = order;
  for (std::size_t k = permuted.size(); k > 1; --k)
    std::swap(permuted[k - 1], permuted[*rc::gen::inRange<std::size_t>(0, k)]);
  const auto reordered = build(conflict.yaml(permuted, *rc::gen::arbitrary<bool>()));
  const auto ids = conflict.option_ids();
  const auto a = analyze_all(*original), b = analyze_all(*reordered);
  for (Concept c : all_concepts()) {
    RC_ASSERT(keyed(*original, a.equilibria(c), ids) == keyed(*reordered, b.equilibria(c), ids));
    for (std::size_t p = 0; p < order.size(); ++p) {
      const int in_reordered = reordered->party_index(original->parties[p].id);
      RC_ASSERT(keyed(*original, a.stable(c, static_cast<int>(p)), ids) ==
                keyed(*reordered, b.stable(c, in_reordered), ids));
    }
  }
}

// Options a | b1 b2 | c. B may take b2 only once c is taken, and C may take c only once b1 is:
// from YNNN the only state A dislikes, YYYY, needs B, then C, then B again.
const char* kMoveAgainLater = R"(parley: 1
parties:
  - {id: A, options: [a], ranking: [YNNN, YYNN, YYNY, NYNN, NYNY, NYYY, NNNN, YYYY]}
  - {id: B, options: [b1, b2], ranking: [YYYY, YYNN, [NNNN, YNNN, NYNN, NYNY, YYNY, NYYY]]}
  - {id: C, options: [c], ranking: [YYNY, [NNNN, YNNN, NYNN, YYNN, NYNY, NYYY, YYYY]]}
infeasible: [b2 and not c, c and not b1]
)";

TEST(Stability, OpponentsMayMoveAgainLaterInASanction) {
  auto model = testing::model_from(kMoveAgainLater);
  ASSERT_TRUE(model);
  const auto r = analyze_all(*model);
  const StateIndex start = *model->states->index_of(0);
  EXPECT_FALSE(r.stable(Concept::Nash, 0)[start]);
  // Deterred only because B may move a second time after C: GMR and SEQ hold for A at NNNN.
  EXPECT_TRUE(r.stable(Concept::GMR, 0)[start]);
  EXPECT_TRUE(r.stable(Concept::SEQ, 0)[start]);
}

}  // namespace
}  // namespace parley
