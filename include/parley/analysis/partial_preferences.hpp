// SPDX-License-Identifier: Apache-2.0
#pragma once
/// Partial preferences: when some parties' preferences are only partly known (`any_order` groups,
/// `maybe` statements; see core/preference_uncertainty.hpp), which states are equilibria under
/// every completion (necessary), under some (possible), and under what share of them.
///
/// Under Nash, GMR and SMR whether a state is stable for a party depends on that party's own
/// preference only, and completions are chosen independently per party, so everything factorises:
/// each uncertain party's completions are analysed on their own, a state is necessary when it is
/// stable for every party under all of its completions, possible when under some, and its share is
/// the product of the parties' shares. Under SEQ a party is deterred only by the others'
/// improvements, which depend on their preferences, so combinations of completions are analysed.
/// Exact while the completions to go through number at most `exact_limit`; beyond it `samples`
/// completions are drawn uniformly, each from its own random stream (seed, sample number), so
/// results do not depend on the number of threads. See docs/inverse.md, "Partial preferences".

#include <cstdint>
#include <optional>
#include <vector>

#include "parley/analysis/concepts.hpp"
#include "parley/analysis/run_control.hpp"
#include "parley/analysis/stability.hpp"
#include "parley/core/model.hpp"

namespace parley {

/// At most this many completions are enumerated: of one party under Nash, GMR and SMR, of all
/// uncertain parties together under SEQ. Beyond it they are sampled.
inline constexpr std::uint64_t kExactCompletionLimit = 20'000;

struct PartialOptions {
  std::vector<Concept> concepts = basic_concepts();  ///< Nash, GMR, SMR, SEQ
  int samples = 1000;                                ///< drawn where enumerating is over the limit
  std::uint64_t seed = 1;
  std::uint64_t exact_limit = kExactCompletionLimit;
};

struct UncertainParty {
  int party = 0;
  std::optional<std::uint64_t> completions;  ///< nullopt past 2^64 - 1
};

struct ConceptPartial {
  Concept solution = Concept::Nash;
  /// False: every completion was gone through. True: some were sampled, and necessary, possible
  /// and share are estimates (the stated completion is always among those looked at, so
  /// necessary ⊆ stated ⊆ possible holds either way).
  bool sampled = false;
  StateSet stated;     ///< equilibria of the stated preferences (the written order)
  StateSet necessary;  ///< equilibria under every completion
  StateSet possible;   ///< equilibria under some completion
  /// Per state: the share of all completions (exact) or the estimated share (sampled) under which
  /// it is an equilibrium. Sampled under Nash, GMR and SMR: the product of each party's sampled
  /// share; under SEQ: the share of the sampled combinations.
  std::vector<double> share;
};

struct PartialResult {
  std::vector<UncertainParty> uncertain;     ///< parties with more than one completion, in model order
  std::optional<std::uint64_t> completions;  ///< combinations of completions: the product; nullopt past 64 bits
  int samples = 0;                           ///< as asked; used by the concepts marked sampled
  std::uint64_t seed = 0;
  std::vector<ConceptPartial> concepts;  ///< in the order asked
};

/// Throws std::invalid_argument for a model without options, a concept other than Nash, GMR, SMR
/// and SEQ, or samples < 1; Cancelled when `cancel` is set.
PartialResult analyze_partial(const Model& model, const PartialOptions& options, Progress& progress,
                              const CancelToken& cancel);

}  // namespace parley
