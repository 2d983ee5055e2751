// SPDX-License-Identifier: Apache-2.0
#include "parley/server/analyses.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "parley/analysis/explain.hpp"
#include "parley/analysis/inverse.hpp"
#include "parley/analysis/levers.hpp"
#include "parley/analysis/partial_preferences.hpp"
#include "parley/io/command_answers.hpp"
#include "parley/io/explain_output.hpp"
#include "parley/io/model_reader.hpp"
#include "parley/io/model_writer.hpp"
#include "parley/io/partial_output.hpp"
#include "parley/io/paths_output.hpp"

namespace parley::server {

namespace {

/// The query parameters of one request, read with the command line's checks.
class Query {
 public:
  Query(const Params& params, std::set<std::string> allowed) : params_(params) {
    allowed.insert({"name", "max-states", "token"});
    for (const auto& [key, value] : params)
      if (!allowed.count(key)) {
        std::vector<std::string> known(allowed.begin(), allowed.end());
        std::erase(known, "token");
        const std::string guess = closest_match(key, known);
        throw BadRequest{fmt::format("unknown parameter '{}'", key),
                         guess.empty() ? fmt::format("parameters here are: {}", fmt::join(known, ", "))
                                       : fmt::format("did you mean '{}'?", guess)};
      }
  }

  [[nodiscard]] std::string text(const std::string& key, const std::string& fallback = {}) const {
    const auto it = params_.find(key);
    return it == params_.end() ? fallback : it->second;
  }
  [[nodiscard]] bool has(const std::string& key) const { return params_.count(key) > 0; }
  /// Every value of a repeatable, comma-separated parameter.
  [[nodiscard]] std::vector<std::string> list(const std::string& key) const {
    std::vector<std::string> out;
    const auto [first, last] = params_.equal_range(key);
    for (auto it = first; it != last; ++it) {
      std::string_view rest = it->second;
      while (!rest.empty()) {
        const auto comma = rest.find(',');
        if (comma != 0) out.emplace_back(rest.substr(0, comma));
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    }
    return out;
  }
  [[nodiscard]] bool flag(const std::string& key) const {
    const std::string v = text(key, "0");
    if (v == "1" || v == "true" || v.empty()) return true;
    if (v == "0" || v == "false") return false;
    throw BadRequest{fmt::format("{}={}: not a boolean", key, v), "use 1, true, 0 or false"};
  }
  template <class Int>
  [[nodiscard]] Int integer(const std::string& key, Int fallback, Int low, Int high) const {
    if (!has(key)) return fallback;
    const std::string v = text(key);
    Int value{};
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || end != v.data() + v.size() || value < low || value > high)
      throw BadRequest{fmt::format("{}={}: not a whole number from {} to {}", key, v, low, high),
                       fmt::format("give {} as a number, e.g. {}={}", key, key, fallback)};
    return value;
  }
  [[nodiscard]] double number(const std::string& key, double fallback, double low, double high) const {
    if (!has(key)) return fallback;
    const std::string v = text(key);
    double value = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || end != v.data() + v.size() || !(value >= low && value <= high))
      throw BadRequest{fmt::format("{}={}: not a number from {} to {}", key, v, low, high),
                       fmt::format("give {} as a number, e.g. {}={}", key, key, fallback)};
    return value;
  }

 private:
  const Params& params_;
};

std::vector<Concept> concepts_of(const Query& q) {
  if (!q.has("concepts")) return basic_concepts();
  std::vector<Concept> out;
  for (const std::string& name : q.list("concepts")) {
    const auto c = parse_concept(name);
    if (!c) throw BadRequest{fmt::format("concepts: unknown concept '{}'", name), "use nash, gmr, smr, seq or sim"};
    if (std::find(out.begin(), out.end(), *c) == out.end()) out.push_back(*c);
  }
  if (out.empty()) throw BadRequest{"concepts: no concept given", "use nash, gmr, smr, seq or sim"};
  return out;
}

/// The basic four only (the CLI's message when `sim` is asked of an analysis that lacks it).
std::vector<Concept> basic_concepts_of(const Query& q, const char* command, const char* what) {
  std::vector<Concept> concepts = concepts_of(q);
  if (std::erase(concepts, Concept::SIM) > 0)
    throw BadRequest{fmt::format("parley {}: --concepts: {} cover nash, gmr, smr and seq", command, what),
                     "drop sim from the list"};
  return concepts;
}

StateIndex state_of(const Model& model, const Query& q, const std::string& key, bool required = true) {
  const std::string name = q.text(key);
  if (name.empty() && required)
    throw BadRequest{fmt::format("the parameter '{}' is required", key),
                     fmt::format("give {}=STATE, a state number or a pattern of Y and N", key)};
  std::string why;
  const auto s = find_state(model, name, why);
  if (!s) throw BadRequest{fmt::format("{} {}: {}", key, name, why), "give a state number or a pattern of Y and N"};
  return *s;
}

/// `coalition` (repeatable; a space stands for '+', as a '+' in a query string reads as a space).
std::vector<Coalition> coalitions_of(const Model& model, const Query& q) {
  std::vector<Coalition> out = q.flag("coalitions") ? all_coalitions(model) : std::vector<Coalition>{};
  for (std::string text : q.list("coalition")) {
    std::replace(text.begin(), text.end(), ' ', '+');
    std::string why;
    const Coalition c = parse_coalition(model, text, why);
    if (c == 0)
      throw BadRequest{
          fmt::format("coalition {}: {}", text, why),
          fmt::format("name two or more parties, e.g. {}+{}", model.parties.front().id, model.parties.back().id)};
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::vector<Coalition> structure_of(const Model& model, const Query& q) {
  return q.flag("alone") ? std::vector<Coalition>{} : model.coalitions;
}

std::vector<Concept> per_party_of(const Model& model, const Query& q) {
  std::vector<std::optional<Concept>> chosen(model.parties.size());
  for (const std::string& item : q.list("per-party")) {
    const auto eq = item.find('=');
    const int party = eq == std::string::npos ? -1 : model.party_index(item.substr(0, eq));
    const auto c = eq == std::string::npos ? std::nullopt : parse_concept(item.substr(eq + 1));
    if (party < 0 || !c)
      throw BadRequest{fmt::format("per-party '{}' is not PARTY=CONCEPT with a party of the model", item),
                       fmt::format("e.g. per-party={}=seq (concepts: nash, gmr, smr, seq, sim)", model.parties[0].id)};
    auto& slot = chosen[static_cast<std::size_t>(party)];
    if (slot)
      throw BadRequest{fmt::format("per-party names party '{}' twice", item.substr(0, eq)),
                       "give each party one concept"};
    slot = c;
  }
  std::vector<Concept> out;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (!chosen[i])
      throw BadRequest{fmt::format("per-party gives no concept for party '{}'", model.parties[i].id),
                       fmt::format("name a concept for every party, e.g. {}=nash", model.parties[i].id)};
    out.push_back(*chosen[i]);
  }
  return out;
}

/// The CLI's "needs states" refusal, as a located model error.
Answer no_states_answer(std::string_view text, const std::string& name, const char* analysis) {
  Diagnostics d;
  d.error({1, 1}, "the model has no options, so it has no states",
          fmt::format("{} needs parties with options; this model is spatial only", analysis));
  return model_error_answer(d, text, name);
}

std::chrono::milliseconds solver_limit(const Query& q, double fallback) {
  return std::chrono::milliseconds(static_cast<long>(q.number("solver-seconds", fallback, 0.1, 3600.0) * 1000));
}

Json answer_check(const Model& model) {
  Json parties = Json::array();
  for (const Party& p : model.parties)
    parties.push_back(p.id);
  const std::size_t states = model.states ? model.states->size() : 0;
  return {{"ok", true},       {"model", model.name}, {"parties", parties},           {"options", model.option_count()},
          {"states", states}, {"feasible", states},  {"issues", model.issues.size()}};
}

Json answer_analyze(const Model& model, const Query& q, Progress& progress, const CancelToken& cancel) {
  AnalyzeRequest request;
  request.concepts = concepts_of(q);
  request.horizon = q.integer("horizon", 0, 1, 1000);
  if (request.horizon > 0 && model.parties.size() != 2)
    throw BadRequest{fmt::format("--horizon needs a two-party conflict; this one has {} parties", model.parties.size()),
                     "limited-move stability is defined for two parties; drop horizon"};
  if (q.has("per-party")) request.per_party = per_party_of(model, q);
  request.coalitions = coalitions_of(model, q);
  request.structure = structure_of(model, q);
  const std::string only = q.text("only");
  if (!only.empty() && only != "equilibria") throw BadRequest{"only=" + only + ": not allowed", "use only=equilibria"};
  request.only_equilibria = only == "equilibria";
  return json_analyze(model, request, run_analyze(model, request, progress, cancel));
}

Json answer_paths(const Model& model, const Query& q, Progress& progress, const CancelToken& cancel) {
  std::optional<StateIndex> from = model.status_quo;
  if (q.has("from"))
    from = state_of(model, q, "from");
  else if (!from)
    throw BadRequest{"the model has no status_quo to start from",
                     "add `status_quo: [...]` to the model or name a state with from=STATE"};
  std::vector<Coalition> coalitions = coalitions_of(model, q);
  for (Coalition h : structure_of(model, q))
    if (std::find(coalitions.begin(), coalitions.end(), h) == coalitions.end()) coalitions.push_back(h);
  if (q.has("to")) {
    const StateIndex to = state_of(model, q, "to");
    const auto limit = q.integer<std::size_t>("limit", 100, 1, 1000000);
    return json_paths_between(model, *from, to, all_shortest_paths(model, *from, to, limit, cancel, coalitions));
  }
  if (q.has("limit")) throw BadRequest{"limit needs to", "limit bounds the paths listed with to=STATE"};
  return json_paths(model, status_quo_paths(model, *from, progress, cancel, coalitions));
}

Json answer_predict(const Model& model, const Query& q, const CancelToken& cancel) {
  const int rounds = q.integer("rounds", 100, 1, 100000);
  const int samples = q.integer("samples", 0, 0, 1000000);
  const auto seed = q.integer<std::uint64_t>("seed", 1, 0, UINT64_MAX);
  const SpatialPrediction prediction = predict_spatial(model, SpatialOptions{rounds});
  std::optional<UncertaintyResult> sampled;
  if (samples > 0) sampled = sample_spatial(model, {samples, seed, rounds, true}, cancel);
  return json_predict(model, prediction, sampled);
}

Json answer_inverse(const Model& model, const Query& q, const CancelToken& cancel) {
  const StateIndex target = state_of(model, q, "target");
  std::vector<int> vary;
  for (const std::string& id : q.list("vary")) {
    const int p = model.party_index(id);
    if (p < 0) throw BadRequest{fmt::format("unknown party '{}' in vary", id), "name parties of the model"};
    if (std::find(vary.begin(), vary.end(), p) != vary.end())
      throw BadRequest{fmt::format("party '{}' is given twice in vary", id), "name each once"};
    vary.push_back(p);
  }
  if (vary.empty())
    throw BadRequest{"the parameter 'vary' is required", "name the parties whose preferences may change"};
  InverseOptions options{target, vary, basic_concepts_of(q, "inverse", "inverse analysis"), solver_limit(q, 20)};
  const auto lever_count = q.integer<std::size_t>("levers", 10, 0, 100000);
  Json out = json_inverse(model, analyze_inverse(model, options, cancel));
  if (lever_count > 0)
    out["levers"] = json_levers(model, find_levers(model, {target, vary, options.concepts}, cancel), lever_count);
  return out;
}

Json answer_partial(const Model& model, const Query& q, Progress& progress, const CancelToken& cancel) {
  PartialOptions options{basic_concepts_of(q, "partial", "partial preferences"), q.integer("samples", 1000, 1, 1000000),
                         q.integer<std::uint64_t>("seed", 1, 0, UINT64_MAX)};
  return json_partial(model, analyze_partial(model, options, progress, cancel));
}

struct Kind {
  std::string name;
  std::set<std::string> params;
  const char* needs_states;  ///< what the CLI says needs them, or nullptr
};

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> table = {
      {"check", {}, nullptr},
      {"analyze",
       {"concepts", "per-party", "coalition", "coalitions", "alone", "horizon", "only"},
       "stability analysis"},
      {"paths", {"from", "to", "limit", "coalition", "coalitions", "alone"}, "status quo analysis"},
      {"predict", {"rounds", "samples", "seed"}, nullptr},
      {"explain", {"state", "concepts"}, "explain"},
      {"inverse", {"target", "vary", "concepts", "solver-seconds", "levers"}, "inverse analysis"},
      {"robustness", {"concepts", "solver-seconds"}, "the margin of stability"},
      {"partial", {"concepts", "samples", "seed"}, "partial preferences"},
      {"convert", {"to"}, nullptr},
  };
  return table;
}

Json answer_json(const Kind& kind, const ReadResult& read, const Query& q, Progress& progress,
                 const CancelToken& cancel) {
  const Model& model = *read.model;
  const std::string& k = kind.name;
  if (k == "check") return answer_check(model);
  if (k == "analyze") return answer_analyze(model, q, progress, cancel);
  if (k == "paths") return answer_paths(model, q, progress, cancel);
  if (k == "predict") return answer_predict(model, q, cancel);
  if (k == "explain")
    return json_explanation(model, explain_state(model, state_of(model, q, "state"), concepts_of(q), cancel));
  if (k == "inverse") return answer_inverse(model, q, cancel);
  if (k == "robustness")
    return json_margins(model, run_robustness(model, basic_concepts_of(q, "robustness", "margins"), solver_limit(q, 2),
                                              progress, cancel));
  if (k == "partial") return answer_partial(model, q, progress, cancel);
  const std::string to = q.text("to", "yaml");
  if (to != "yaml" && to != "json") throw BadRequest{"to=" + to + ": unknown format", "use to=yaml or to=json"};
  return {{"text", to == "json" ? draft_to_json(read.draft).dump(2) + "\n" : draft_to_yaml(read.draft)}};
}

}  // namespace

const std::vector<std::string>& analysis_kinds() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const Kind& k : kinds())
      out.push_back(k.name);
    return out;
  }();
  return names;
}

bool is_analysis_kind(std::string_view kind) {
  const auto& names = analysis_kinds();
  return std::find(names.begin(), names.end(), kind) != names.end();
}

bool is_cached_kind(std::string_view kind) {
  return is_analysis_kind(kind) && kind != "check" && kind != "convert";
}

Answer answer_analysis(std::string_view kind, std::string_view text, const Params& params, Progress& progress,
                       const CancelToken& cancel) {
  const auto it = std::find_if(kinds().begin(), kinds().end(), [&](const Kind& k) { return k.name == kind; });
  if (it == kinds().end()) return error_answer(404, fmt::format("unknown analysis '{}'", kind));
  try {
    const Query q(params, it->params);
    const std::string name = q.text("name", "model");
    ReadOptions options;
    options.build.max_states = q.integer<std::uint64_t>("max-states", options.build.max_states, 1, kMaxStateCount);
    const ReadResult read = read_model_text(text, name, options);
    if (!read.model) return model_error_answer(read.diagnostics, text, name);
    if (it->needs_states && !read.model->has_options()) return no_states_answer(text, name, it->needs_states);
    if (kind == "predict" && read.model->issues.empty()) {
      Diagnostics d;
      d.error({1, 1}, "the model has no issues to predict",
              "add `issues:` with a range and give parties positions, salience and capability");
      return model_error_answer(d, text, name);
    }
    return json_answer(answer_json(*it, read, q, progress, cancel));
  } catch (const BadRequest& bad) {
    return error_answer(bad.status, bad.message, bad.help);
  }
}

std::string canonical_options(const Params& params) {
  std::vector<std::pair<std::string, std::string>> sorted;
  for (const auto& entry : params)
    if (entry.first != "token") sorted.push_back(entry);
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (const auto& [key, value] : sorted)
    out += (out.empty() ? "" : "&") + key + "=" + value;
  return out;
}

}  // namespace parley::server
