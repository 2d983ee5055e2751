// SPDX-License-Identifier: Apache-2.0
/// GMCR+ save files (JSON) read with nlohmann::json into a ModelDraft. The format, as GMCR+ writes
/// and loads it: a JSON object with
///   "options":        [{"name": "...", "permittedDirection": "both" | "fwd" | "back"}, ...]
///   "decisionMakers": [{"name": "...", "options": [option index, ...],
///                       "preferences": [condition, ...],          // most important first
///                       "preferenceRanking": [state, [state, state], ...],  // when manual
///                       "misperceptions": [...], "payoffs": [...]}, ...]
///   "infeasibles":    [condition, ...]
///   "useManualPreferenceRanking": bool   (older files: "useManualPreferenceVectors", and
///                                         "preferenceVector" instead of "preferenceRanking")
///   "coalitions":     [dm index | [dm index, ...], ...]            (optional)
/// where a condition is [[option index, "Y" | "N"], ...] (all must hold) or
/// {"compound": true, "members": [condition, ...]} (one must hold), option indices count from 0 in
/// the file's "options", and states are numbered from 1 in increasing order of Σ 2^k over the taken
/// options k, options regrouped by decision maker (see gmcr_reader.hpp).
#include "parley/io/gmcr_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "identifiers.hpp"
#include "parley/core/expression.hpp"
#include "text_checks.hpp"

namespace parley {

namespace {

using detail::identifier_from;
using detail::unique_id;
using nlohmann::json;

/// GMCR+ files nest eight levels deep at most; anything far deeper is not a save file.
constexpr int kMaxDepth = 64;
/// States visited at most to number the feasible states for manual rankings.
constexpr std::uint64_t kMaxStatesVisited = std::uint64_t{1} << 26;

// ---------------------------------------------------------------------------------------------
// Where each value starts: nlohmann::json keeps no positions, so a second, simple scan of the
// (already validated) text records the offset of every value in a tree mirroring the document.

struct Place {
  std::size_t offset = 0;
  std::vector<std::string> keys;  ///< for an object, the key of each item
  std::vector<Place> items;       ///< members of an object or elements of a list, in text order
};

class PlaceScanner {
 public:
  explicit PlaceScanner(std::string_view text) : text_(text) {}

  /// False if the text nests deeper than kMaxDepth; too_deep_at() then tells where.
  bool scan(Place& root) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // a byte order mark, as nlohmann skips it
    return value(root, 0);
  }
  [[nodiscard]] std::size_t too_deep_at() const { return too_deep_at_; }

 private:
  [[nodiscard]] bool more() const { return i_ < text_.size(); }

  void space() {
    while (more() && (text_[i_] == ' ' || text_[i_] == '\t' || text_[i_] == '\n' || text_[i_] == '\r'))
      ++i_;
  }

  std::string string_value() {
    const std::size_t start = i_;
    bool escaped = false;
    for (++i_; more() && text_[i_] != '"'; ++i_)
      if (text_[i_] == '\\') {
        escaped = true;
        ++i_;
      }
    ++i_;
    const std::string_view quoted = text_.substr(start, i_ - start);
    if (!escaped) return std::string(quoted.substr(1, quoted.size() - 2));
    const json decoded = json::parse(quoted, nullptr, false);
    return decoded.is_string() ? decoded.get<std::string>() : std::string();
  }

  bool value(Place& place, int depth) {
    space();
    place.offset = i_;
    if (!more()) return true;
    const char c = text_[i_];
    if (c == '"') {
      string_value();
      return true;
    }
    if (c != '{' && c != '[') {
      while (more() && std::string_view(",]} \t\r\n").find(text_[i_]) == std::string_view::npos)
        ++i_;
      return true;
    }
    if (depth >= kMaxDepth) {
      too_deep_at_ = i_;
      return false;
    }
    const bool object = c == '{';
    const char close = object ? '}' : ']';
    ++i_;
    space();
    if (more() && text_[i_] == close) {
      ++i_;
      return true;
    }
    while (more()) {
      if (object) {
        space();
        place.keys.push_back(string_value());
        space();
        ++i_;  // ':'
      }
      place.items.emplace_back();
      if (!value(place.items.back(), depth + 1)) return false;
      space();
      const bool comma = more() && text_[i_] == ',';
      ++i_;  // ',' or the closing bracket
      if (!comma) break;
    }
    return true;
  }

  std::string_view text_;
  std::size_t i_ = 0;
  std::size_t too_deep_at_ = 0;
};

/// A value of the document with its place and its path for messages, e.g. `decisionMakers[1].name`.
struct Node {
  const json* value = nullptr;
  const Place* place = nullptr;
  std::string path;
};

/// A condition in disjunctive form: one of the members must hold, each member being a list of
/// (option index in the file, taken) that must all hold. A simple condition has one member.
struct Literal {
  int option = 0;
  bool taken = true;
};
using Conjunction = std::vector<Literal>;
using Condition = std::vector<Conjunction>;

struct FileOption {
  std::string name;
  Node node;  ///< the option's object
  Node name_node;
  std::optional<Located<std::string>> direction;
  int owner = -1;  ///< decision maker index
};

struct FileDecisionMaker {
  std::string name;
  Node node;
  Node name_node;
  std::vector<int> options;   ///< file option indices, in the decision maker's order
  std::vector<Node> entries;  ///< where each of them is listed
};

// ---------------------------------------------------------------------------------------------

std::string describe(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "a list";
    case json::value_t::string: {
      std::string s = value.dump();
      if (s.size() > 32) s = s.substr(0, 28) + "...\"";
      return "the text " + s;
    }
    case json::value_t::null: return "null";
    case json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    default: {
      std::string s = value.dump();
      if (s.size() > 24) s = s.substr(0, 24) + "...";
      return "the number " + s;
    }
  }
}

/// The value of a whole number, or nullopt; values beyond the range of long long are clamped.
std::optional<long long> whole_number(const json& value) {
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    return u > static_cast<std::uint64_t>(std::numeric_limits<long long>::max()) ? std::numeric_limits<long long>::max()
                                                                                 : static_cast<long long>(u);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::nullopt;
}

class GmcrReader {
 public:
  GmcrReader(std::string_view text, Diagnostics& diagnostics)
      : lines_(text), diagnostics_(diagnostics), errors_before_(diagnostics.size()) {}

  ModelDraft read(const Node& root, const std::string& default_name, GmcrExtras* extras) {
    ModelDraft draft;
    draft.name = default_name;
    draft.parties_where = where(root);
    if (!root.value->is_object()) {
      error(root,
            fmt::format("the file is not a GMCR+ save file: its top level is {}, not an object", describe(*root.value)),
            "a GMCR+ save file is a JSON object with `options`, `decisionMakers` and `infeasibles`");
      return draft;
    }
    draft.description = description(root);
    read_manual_flag(root);
    read_options(root);
    read_decision_makers(root);
    check_ownership();
    assign_ids();

    if (auto dms = member(root, "decisionMakers")) draft.parties_where = where(*dms);
    for (std::size_t d = 0; d < dms_.size(); ++d)
      draft.parties.push_back(party_without_preference(static_cast<int>(d)));

    read_infeasibles(root, draft);
    for (std::size_t d = 0; d < dms_.size(); ++d)
      read_preference(static_cast<int>(d), draft.parties[d]);
    translate_rankings(draft);

    GmcrExtras coalitions = read_coalitions(root);
    // The blocks of several decision makers are the model's coalition structure, which the
    // analyses honour; a decision maker alone needs no entry.
    const SourceLocation at = member(root, "coalitions") ? where(*member(root, "coalitions")) : SourceLocation{};
    for (const auto& block : coalitions.coalitions) {
      if (block.size() < 2) continue;
      std::vector<Located<std::string>> ids;
      for (const auto& id : block)
        ids.push_back({id, at});
      draft.coalitions.push_back(std::move(ids));
    }
    if (extras) *extras = std::move(coalitions);
    return draft;
  }

 private:
  // --- positions and messages ---

  SourceLocation where(const Node& node) const {
    SourceLocation at = lines_.at(node.place->offset);
    if (node.value->is_string()) at.column += 1;  // inside the quotes
    return at;
  }

  void error(const Node& node, std::string message, std::string help) {
    diagnostics_.error(where(node), std::move(message), std::move(help));
  }

  static std::string shown(const std::string& path) { return path.empty() ? "the top level" : path; }

  std::optional<Node> member(const Node& object, const std::string& key) const {
    if (!object.value->is_object()) return std::nullopt;
    auto it = object.value->find(key);
    if (it == object.value->end()) return std::nullopt;
    const Place* place = object.place;
    // Duplicate keys: nlohmann keeps the last one, so take the last place with that key.
    for (std::size_t i = object.place->keys.size(); i-- > 0;)
      if (object.place->keys[i] == key) {
        place = &object.place->items[i];
        break;
      }
    return Node{&*it, place, object.path.empty() ? key : object.path + "." + key};
  }

  static Node item(const Node& list, std::size_t i) {
    const Place* place = i < list.place->items.size() ? &list.place->items[i] : list.place;
    return Node{&(*list.value)[i], place, fmt::format("{}[{}]", list.path, i)};
  }

  /// The member `key` of an object, or nullopt after reporting that it is missing.
  std::optional<Node> required(const Node& object, const std::string& key, const std::string& help) {
    auto node = member(object, key);
    if (!node)
      error(object,
            fmt::format("missing key `{}` {}", key, object.path.empty() ? "at the top level" : "in " + object.path),
            help);
    return node;
  }

  bool expect_list(const Node& node, const std::string& help) {
    if (node.value->is_array()) return true;
    error(node, fmt::format("{} should be a list, not {}", shown(node.path), describe(*node.value)), help);
    return false;
  }

  bool expect_object(const Node& node, const std::string& help) {
    if (node.value->is_object()) return true;
    error(node, fmt::format("{} should be an object, not {}", shown(node.path), describe(*node.value)), help);
    return false;
  }

  std::optional<std::string> text(const Node& node, const std::string& help) {
    if (node.value->is_string()) return node.value->get<std::string>();
    error(node, fmt::format("{} should be text, not {}", shown(node.path), describe(*node.value)), help);
    return std::nullopt;
  }

  // --- top level ---

  std::string description(const Node& root) {
    std::string program, version;
    if (auto p = member(root, "program"); p && p->value->is_string()) program = p->value->get<std::string>();
    if (auto v = member(root, "version"); v && v->value->is_string()) version = v->value->get<std::string>();
    std::string made_by = fmt::format("{} {}", program, version);
    made_by.erase(0, made_by.find_first_not_of(' '));
    made_by.erase(made_by.find_last_not_of(' ') + 1);
    return made_by.empty() ? "Imported from a GMCR+ save file."
                           : fmt::format("Imported from a GMCR+ save file ({}).", made_by);
  }

  void read_manual_flag(const Node& root) {
    auto flag = member(root, "useManualPreferenceRanking");
    if (!flag) flag = member(root, "useManualPreferenceVectors");
    if (!flag) {
      error(root, "missing key `useManualPreferenceRanking`",
            "add \"useManualPreferenceRanking\": false to use each decision maker's prioritized `preferences`, "
            "or true to use its `preferenceRanking`");
      return;
    }
    if (!flag->value->is_boolean()) {
      error(*flag, fmt::format("{} should be true or false, not {}", shown(flag->path), describe(*flag->value)),
            "true: each decision maker's `preferenceRanking` is used; false: its prioritized `preferences`");
      return;
    }
    manual_ = flag->value->get<bool>();
  }

  void read_options(const Node& root) {
    auto list = required(root, "options",
                         "a GMCR+ save file lists its options as \"options\": [{\"name\": \"...\", "
                         "\"permittedDirection\": \"both\"}, ...]");
    if (!list || !expect_list(*list, "write `options` as a list of {\"name\": ..., \"permittedDirection\": ...}"))
      return;
    for (std::size_t i = 0; i < list->value->size(); ++i) {
      const Node node = item(*list, i);
      FileOption option;
      option.node = node;
      option.name_node = node;
      if (expect_object(node, "write each option as {\"name\": \"...\", \"permittedDirection\": \"both\"}")) {
        if (auto name = required(node, "name", "give the option a name, e.g. \"name\": \"Escalate\"")) {
          option.name_node = *name;
          option.name = text(*name, "write the option's name in quotes").value_or("");
        }
        if (auto dir = required(node, "permittedDirection",
                                "add \"permittedDirection\": \"both\" (or \"fwd\" / \"back\" for a one-way option)"))
          option.direction = direction(*dir);
      }
      options_.push_back(std::move(option));
    }
  }

  std::optional<Located<std::string>> direction(const Node& node) {
    const std::string help =
        "GMCR+ writes \"both\" (taken and withdrawn), \"fwd\" (can only be taken, N to Y) or \"back\" (can only be "
        "withdrawn, Y to N)";
    auto value = text(node, help);
    if (!value) return std::nullopt;
    const SourceLocation at = where(node);
    if (*value == "both") return Located<std::string>{"both", at};
    if (*value == "fwd") return Located<std::string>{"take_only", at};
    if (*value == "back") return Located<std::string>{"withdraw_only", at};
    error(node, fmt::format("{} is '{}', not one of both, fwd or back", shown(node.path), *value), help);
    return std::nullopt;
  }

  void read_decision_makers(const Node& root) {
    auto list = required(root, "decisionMakers",
                         "a GMCR+ save file lists its decision makers as \"decisionMakers\": [{\"name\": \"...\", "
                         "\"options\": [0, 1], \"preferences\": [...]}, ...]");
    if (!list || !expect_list(*list, "write `decisionMakers` as a list of objects")) return;
    for (std::size_t d = 0; d < list->value->size(); ++d) {
      const Node node = item(*list, d);
      FileDecisionMaker dm;
      dm.node = node;
      dm.name_node = node;
      if (expect_object(node,
                        "write each decision maker as {\"name\": ..., \"options\": [...], \"preferences\": [...]}")) {
        if (auto name = required(node, "name", "give the decision maker a name, e.g. \"name\": \"Syria\"")) {
          dm.name_node = *name;
          dm.name = text(*name, "write the decision maker's name in quotes").value_or("");
        }
        if (auto opts = required(node, "options",
                                 "list the indices of the options this decision maker controls, e.g. \"options\": "
                                 "[0, 1]");
            opts && expect_list(*opts, "write the decision maker's options as a list of option indices, e.g. [0, 1]")) {
          for (std::size_t k = 0; k < opts->value->size(); ++k) {
            auto index = option_index(item(*opts, k));
            if (index && std::find(dm.options.begin(), dm.options.end(), *index) == dm.options.end()) {
              dm.options.push_back(*index);  // GMCR+ ignores an option listed twice by one decision maker
              dm.entries.push_back(item(*opts, k));
            }
          }
        }
      }
      dms_.push_back(std::move(dm));
    }
  }

  /// An index into the file's `options`, or nullopt after reporting why not.
  std::optional<int> option_index(const Node& node) {
    const std::size_t n = options_.size();
    const std::string range = n == 0 ? "the file has no options" : fmt::format("use 0 to {}", n - 1);
    auto value = whole_number(*node.value);
    if (!value) {
      error(node, fmt::format("{} should be an option index, not {}", shown(node.path), describe(*node.value)),
            fmt::format("options are numbered from 0 in the file's `options` list; {}", range));
      return std::nullopt;
    }
    if (*value < 0 || static_cast<unsigned long long>(*value) >= n) {
      error(node,
            fmt::format("{} refers to option {}, but there {} {} option{}", node.path, *value, n == 1 ? "is" : "are", n,
                        n == 1 ? "" : "s"),
            fmt::format("options are numbered from 0 in the file's `options` list; {}", range));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  void check_ownership() {
    for (std::size_t d = 0; d < dms_.size(); ++d) {
      for (std::size_t k = 0; k < dms_[d].options.size();) {
        const int o = dms_[d].options[k];
        FileOption& option = options_[o];
        if (option.owner >= 0) {
          const FileDecisionMaker& first = dms_[option.owner];
          error(dms_[d].entries[k],
                fmt::format("{} gives option {} ('{}') to '{}', but {} ('{}') controls it already",
                            dms_[d].entries[k].path, o, option.name, dms_[d].name, first.node.path, first.name),
                "parley gives every option to exactly one party: remove it from one decision maker's `options`");
          dms_[d].options.erase(dms_[d].options.begin() + static_cast<std::ptrdiff_t>(k));
          dms_[d].entries.erase(dms_[d].entries.begin() + static_cast<std::ptrdiff_t>(k));
          continue;
        }
        option.owner = static_cast<int>(d);
        ++k;
      }
    }
    for (std::size_t o = 0; o < options_.size(); ++o)
      if (options_[o].owner < 0)
        error(options_[o].node,
              fmt::format("option {} ('{}') is not controlled by any decision maker", o, options_[o].name),
              fmt::format("add {} to the `options` of the decision maker who controls it, or delete the option", o));
  }

  /// Our option order: decision makers in order, each one's options in its order.
  void assign_ids() {
    option_bit_.assign(options_.size(), -1);
    std::set<std::string> taken;
    int bit = 0;
    for (const auto& dm : dms_)
      for (int o : dm.options) {
        option_bit_[o] = bit++;
        std::string base = identifier_from(options_[o].name, true, "option");
        if (base.empty()) base = fmt::format("option_{}", bit);
        option_ids_.resize(static_cast<std::size_t>(bit));
        option_ids_.back() = unique_id(base, taken);
      }
    option_count_ = bit;
    std::set<std::string> party_taken;
    for (std::size_t d = 0; d < dms_.size(); ++d) {
      std::string base = identifier_from(dms_[d].name, false, "party");
      if (base.empty()) base = fmt::format("party_{}", d + 1);
      party_ids_.push_back(unique_id(base, party_taken));
    }
  }

  PartyDraft party_without_preference(int d) {
    const FileDecisionMaker& dm = dms_[d];
    PartyDraft party;
    party.id = {party_ids_[d], where(dm.name_node)};
    party.name = dm.name;
    if (auto opts = member(dm.node, "options")) party.options_where = where(*opts);
    for (int o : dm.options) {
      OptionDraft option;
      option.id = {option_ids_[option_bit_[o]], where(options_[o].name_node)};
      option.name = options_[o].name;
      option.direction = options_[o].direction;
      party.options.push_back(std::move(option));
    }
    return party;
  }

  // --- conditions ---

  static constexpr const char* kConditionHelp =
      "a condition is a list of [option index, \"Y\" or \"N\"] pairs, e.g. [[0, \"Y\"], [2, \"N\"]], or "
      "{\"compound\": true, \"members\": [condition, ...]}";

  /// A condition in disjunctive form, or nullopt after reporting what is wrong. `usable` turns false
  /// (without a report) if it names an option that no decision maker controls (reported already).
  std::optional<Condition> condition(const Node& node, bool& usable) {
    if (node.value->is_object()) {
      auto members = member(node, "members");
      if (!members) {
        error(node, fmt::format("missing key `members` in {}", node.path),
              "a compound condition is {\"compound\": true, \"members\": [condition, ...]}, true if one member is");
        return std::nullopt;
      }
      if (!expect_list(*members, kConditionHelp)) return std::nullopt;
      Condition out;
      bool ok = true;
      for (std::size_t m = 0; m < members->value->size(); ++m) {
        auto inner = conjunction(item(*members, m), usable);
        if (inner)
          out.push_back(std::move(*inner));
        else
          ok = false;
      }
      if (!ok) return std::nullopt;
      return out;
    }
    auto single = conjunction(node, usable);
    if (!single) return std::nullopt;
    return Condition{std::move(*single)};
  }

  std::optional<Conjunction> conjunction(const Node& node, bool& usable) {
    if (!expect_list(node, kConditionHelp)) return std::nullopt;
    Conjunction out;
    bool ok = true;
    for (std::size_t i = 0; i < node.value->size(); ++i) {
      const Node pair = item(node, i);
      if (!pair.value->is_array() || pair.value->size() != 2) {
        error(pair,
              fmt::format(
                  "{} should be a pair [option index, \"Y\" or \"N\"], not {}", shown(pair.path),
                  pair.value->is_array() ? fmt::format("a list of {}", pair.value->size()) : describe(*pair.value)),
              kConditionHelp);
        ok = false;
        continue;
      }
      auto option = option_index(item(pair, 0));
      const Node taken = item(pair, 1);
      std::optional<bool> yes;
      if (taken.value->is_string() && taken.value->get<std::string>() == "Y") yes = true;
      if (taken.value->is_string() && taken.value->get<std::string>() == "N") yes = false;
      if (!yes)
        error(taken, fmt::format("{} should be \"Y\" or \"N\", not {}", shown(taken.path), describe(*taken.value)),
              "\"Y\": the option is taken; \"N\": it is not taken");
      if (!option || !yes) {
        ok = false;
        continue;
      }
      if (option_bit_[*option] < 0) usable = false;
      out.push_back({*option, *yes});
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::string literal(const Literal& l) const {
    const std::string& id = option_ids_[option_bit_[l.option]];
    return l.taken ? id : "not " + id;
  }

  /// Literals without repeats (a condition may list an option twice).
  static Conjunction distinct(const Conjunction& c) {
    Conjunction out;
    for (const Literal& l : c)
      if (std::none_of(out.begin(), out.end(),
                       [&](const Literal& o) { return o.option == l.option && o.taken == l.taken; }))
        out.push_back(l);
    return out;
  }

  /// The expression for a usable condition. With `statement`, the shapes GMCR+'s editor makes for
  /// "q if p" ([[p, q], [-p, q], [-p, -q]]) and "q iff p" ([[p, q], [-p, -q]]) are written so.
  /// Conditions that name no option are written with the first option ("x or not x" always holds);
  /// nullopt if the model has no options at all.
  std::optional<std::string> expression(const Condition& condition, bool statement) const {
    std::vector<Conjunction> members;
    for (const auto& c : condition)
      members.push_back(distinct(c));
    const bool always = std::any_of(members.begin(), members.end(), [](const auto& c) { return c.empty(); });
    if (members.empty() || always) {
      if (option_ids_.empty()) return std::nullopt;
      const std::string& x = option_ids_.front();
      return x + (always ? " or not " : " and not ") + x;
    }
    if (statement)
      if (auto s = implication(members)) return *s;
    auto conj = [&](const Conjunction& c, bool parenthesize) {
      std::string out;
      for (const Literal& l : c)
        out += (out.empty() ? "" : " and ") + literal(l);
      return parenthesize && c.size() > 1 ? "(" + out + ")" : out;
    };
    std::string out;
    for (const auto& c : members)
      out += (out.empty() ? "" : " or ") + conj(c, members.size() > 1);
    return out;
  }

  std::optional<std::string> implication(const std::vector<Conjunction>& members) const {
    if (members.size() != 2 && members.size() != 3) return std::nullopt;
    for (const auto& c : members)
      if (c.size() != 2) return std::nullopt;
    const Literal p = members[0][0], q = members[0][1];
    if (p.option == q.option) return std::nullopt;
    // Each further member as (value of p's option, value of q's option).
    std::set<std::pair<bool, bool>> rest;
    for (std::size_t m = 1; m < members.size(); ++m) {
      const auto& c = members[m];
      const bool straight = c[0].option == p.option && c[1].option == q.option;
      const bool swapped = c[0].option == q.option && c[1].option == p.option;
      if (!straight && !swapped) return std::nullopt;
      rest.insert(straight ? std::pair{c[0].taken, c[1].taken} : std::pair{c[1].taken, c[0].taken});
    }
    const std::pair not_p_q{!p.taken, q.taken}, not_p_not_q{!p.taken, !q.taken};
    if (members.size() == 2 && rest == std::set{not_p_not_q}) return literal(q) + " iff " + literal(p);
    if (members.size() == 3 && rest == std::set{not_p_q, not_p_not_q}) return literal(q) + " if " + literal(p);
    return std::nullopt;
  }

  // --- infeasibles and preferences ---

  void read_infeasibles(const Node& root, ModelDraft& draft) {
    auto list = required(root, "infeasibles",
                         "add \"infeasibles\": [] if every combination of options is feasible, or list the "
                         "conditions of infeasible states");
    if (!list || !expect_list(*list, kConditionHelp)) {
      feasibility_known_ = false;
      return;
    }
    for (std::size_t i = 0; i < list->value->size(); ++i) {
      const Node node = item(*list, i);
      bool usable = true;
      auto c = condition(node, usable);
      if (!c || !usable) {
        feasibility_known_ = false;
        continue;
      }
      if (auto e = expression(*c, false)) draft.infeasible.push_back({*e, where(node)});
      infeasibles_.push_back(*c);
    }
  }

  /// Reads `preferences`: into the draft when they are used, otherwise only checked.
  void read_preference(int d, PartyDraft& party) {
    const FileDecisionMaker& dm = dms_[d];
    if (!dm.node.value->is_object()) return;
    auto prefs = member(dm.node, "preferences");
    if (!prefs && !manual_) {
      error(dm.node, fmt::format("missing key `preferences` in {}", dm.node.path),
            "add the decision maker's preference statements, most important first, e.g. \"preferences\": "
            "[[[0, \"Y\"]], [[1, \"N\"]]]");
      return;
    }
    std::vector<Located<std::string>> statements;
    if (prefs && expect_list(*prefs, "write `preferences` as a list of conditions, most important first")) {
      for (std::size_t j = 0; j < prefs->value->size(); ++j) {
        const Node node = item(*prefs, j);
        bool usable = true;
        auto c = condition(node, usable);
        if (!c || !usable) continue;
        if (auto e = expression(*c, true)) statements.push_back({*e, where(node)});
      }
    }
    if (!manual_) {
      party.priorities = std::move(statements);
      party.priorities_where = where(*prefs);
      return;
    }
    auto ranking = member(dm.node, "preferenceRanking");
    if (!ranking) ranking = member(dm.node, "preferenceVector");
    if (!ranking) {
      error(dm.node,
            fmt::format("{} ('{}') has no `preferenceRanking`, but `useManualPreferenceRanking` is true", dm.node.path,
                        dm.name),
            "add its ranking of the feasible states by number, most preferred first (a list of numbers is a tie), "
            "or set `useManualPreferenceRanking` to false to use its `preferences`");
      return;
    }
    read_ranking(d, *ranking, party);
  }

  /// Checks a manual ranking and records its state numbers; patterns come in translate_rankings.
  void read_ranking(int d, const Node& ranking, PartyDraft& party) {
    const std::string help =
        "a ranking lists the feasible states by number, most preferred first; a list of numbers is a tie, "
        "e.g. [3, [1, 4], 2]";
    party.ranking_where = where(ranking);
    if (!expect_list(ranking, help)) return;
    RankingNumbers numbers;
    numbers.party = d;
    bool ok = true;
    auto state = [&](const Node& node) -> std::optional<long long> {
      auto value = whole_number(*node.value);
      if (value && *value >= 1) return value;
      error(node,
            value ? fmt::format("{} refers to state {}, but GMCR+ numbers states from 1", node.path, *value)
                  : fmt::format("{} should be a state number, not {}", shown(node.path), describe(*node.value)),
            help);
      ok = false;
      return std::nullopt;
    };
    for (std::size_t i = 0; i < ranking.value->size(); ++i) {
      const Node level = item(ranking, i);
      std::vector<std::pair<long long, Node>> tie;
      if (level.value->is_array()) {
        for (std::size_t k = 0; k < level.value->size(); ++k)
          if (auto s = state(item(level, k))) tie.emplace_back(*s, item(level, k));
      } else if (auto s = state(level)) {
        tie.emplace_back(*s, level);
      }
      if (!tie.empty()) numbers.levels.push_back(std::move(tie));  // GMCR+ skips an empty tie
    }
    if (ok) rankings_.push_back(std::move(numbers));
  }

  /// GMCR+ state numbers to patterns: the feasible states in increasing order of their value.
  void translate_rankings(ModelDraft& draft) {
    if (rankings_.empty() || !feasibility_known_ || diagnostics_.size() != errors_before_) return;
    if (option_count_ >= 63) return;  // build_model refuses so many options anyway
    // Infeasible conditions as (taken mask, not-taken mask) per member, in our bit order.
    std::vector<std::vector<std::pair<std::uint64_t, std::uint64_t>>> rules;
    for (const auto& c : infeasibles_) {
      auto& rule = rules.emplace_back();
      for (const auto& member : c) {
        std::uint64_t yes = 0, no = 0;
        for (const Literal& l : member)
          (l.taken ? yes : no) |= std::uint64_t{1} << option_bit_[l.option];
        rule.emplace_back(yes, no);
      }
    }
    auto feasible = [&](std::uint64_t s) {
      for (const auto& rule : rules)
        for (const auto& [yes, no] : rule)
          if ((s & yes) == yes && (s & no) == 0) return false;
      return true;
    };
    // Only the states the rankings name are kept.
    std::set<long long> wanted;
    for (const auto& r : rankings_)
      for (const auto& level : r.levels)
        for (const auto& entry : level)
          wanted.insert(entry.first);
    std::map<long long, std::uint64_t> state_of;
    const std::uint64_t end = std::uint64_t{1} << option_count_;
    long long count = 0;
    std::uint64_t s = 0;
    bool complete = true;
    for (auto next = wanted.begin(); next != wanted.end() && s < end; ++s) {
      if (s >= kMaxStatesVisited) {
        complete = false;
        break;
      }
      if (!feasible(s)) continue;
      if (++count == *next) {
        state_of[count] = s;
        ++next;
      }
    }
    for (const auto& r : rankings_) {
      RankingDraft ranking;
      for (const auto& level : r.levels) {
        auto& out = ranking.emplace_back();
        for (const auto& [number, node] : level) {
          auto it = state_of.find(number);
          if (it != state_of.end()) {
            out.push_back({pattern(it->second), where(node)});
            continue;
          }
          if (complete && s >= end)
            error(node,
                  fmt::format("{} refers to state {}, but there {} {} feasible state{}", node.path, number,
                              count == 1 ? "is" : "are", count, count == 1 ? "" : "s"),
                  fmt::format("GMCR+ numbers the feasible states from 1 to {} in increasing order of their "
                              "decimal value, options grouped by decision maker",
                              count));
          else
            error(node,
                  fmt::format("{} refers to state {}, beyond the first {} states this reader numbers", node.path,
                              number, kMaxStatesVisited),
                  "give the decision makers' preferences as prioritized statements instead of a ranking");
        }
        if (out.empty()) ranking.pop_back();
      }
      draft.parties[r.party].ranking = std::move(ranking);
    }
  }

  std::string pattern(std::uint64_t state) const {
    std::string out(static_cast<std::size_t>(option_count_), 'N');
    for (int k = 0; k < option_count_; ++k)
      if ((state >> k) & 1U) out[k] = 'Y';
    return out;
  }

  // --- coalitions ---

  GmcrExtras read_coalitions(const Node& root) {
    GmcrExtras extras;
    const std::size_t n = dms_.size();
    auto singletons = [&] {
      GmcrExtras out;
      for (const auto& id : party_ids_)
        out.coalitions.push_back({id});
      return out;
    };
    auto list = member(root, "coalitions");
    if (!list) return singletons();
    const std::string help =
        "`coalitions` lists decision maker indices (from 0), a list of several for a coalition, "
        "e.g. [[0, 1], 2]";
    if (!expect_list(*list, help)) return singletons();
    std::vector<int> seen(n, 0);
    bool ok = true;
    auto member_of = [&](const Node& node) -> std::optional<int> {
      auto value = whole_number(*node.value);
      if (!value) {
        error(node, fmt::format("{} should be a decision maker index, not {}", shown(node.path), describe(*node.value)),
              help);
      } else if (*value < 0 || static_cast<unsigned long long>(*value) >= n) {
        error(
            node,
            fmt::format("{} refers to decision maker {}, but there {} {} decision maker{}", node.path, *value,
                        n == 1 ? "is" : "are", n, n == 1 ? "" : "s"),
            n == 0 ? help : fmt::format("decision makers are numbered from 0 in `decisionMakers`; use 0 to {}", n - 1));
      } else {
        ++seen[static_cast<std::size_t>(*value)];
        return static_cast<int>(*value);
      }
      ok = false;
      return std::nullopt;
    };
    for (std::size_t i = 0; i < list->value->size(); ++i) {
      const Node node = item(*list, i);
      std::vector<std::string> coalition;
      if (node.value->is_array()) {
        for (std::size_t k = 0; k < node.value->size(); ++k)
          if (auto d = member_of(item(node, k))) coalition.push_back(party_ids_[*d]);
      } else if (auto d = member_of(node)) {
        coalition.push_back(party_ids_[*d]);
      }
      extras.coalitions.push_back(std::move(coalition));
    }
    // Like GMCR+, coalitions that are not a partition of the decision makers are replaced.
    const bool partition =
        std::all_of(seen.begin(), seen.end(), [](int c) { return c == 1; }) &&
        std::none_of(extras.coalitions.begin(), extras.coalitions.end(), [](const auto& c) { return c.empty(); });
    return ok && partition ? extras : singletons();
  }

  struct RankingNumbers {
    int party = 0;
    std::vector<std::vector<std::pair<long long, Node>>> levels;
  };

  detail::LineIndex lines_;
  Diagnostics& diagnostics_;
  bool manual_ = false;
  std::vector<FileOption> options_;
  std::vector<FileDecisionMaker> dms_;
  std::vector<int> option_bit_;          ///< per file option: its index in our order, or -1 if nobody controls it
  std::vector<std::string> option_ids_;  ///< in our order
  std::vector<std::string> party_ids_;
  int option_count_ = 0;
  std::vector<Condition> infeasibles_;
  bool feasibility_known_ = true;
  std::vector<RankingNumbers> rankings_;
  std::size_t errors_before_ = 0;  ///< errors in `diagnostics_` before this file was read
};

/// nlohmann's message without its "[json.exception...] parse error at line L, column C: " prefix, and
/// without the broken UTF-8 its quote of the input may hold (it can cut a character in two).
std::string parse_error_detail(const std::string& what) {
  std::string detail = what;
  if (auto start = detail.find("parse error"); start != std::string::npos)
    if (auto colon = detail.find(": ", start); colon != std::string::npos) detail = detail.substr(colon + 2);
  std::string out;
  for (std::size_t i = 0; i < detail.size();) {
    const auto c = static_cast<unsigned char>(detail[i]);
    const std::size_t length = c < 0x80             ? 1
                               : (c & 0xE0) == 0xC0 ? 2
                               : (c & 0xF0) == 0xE0 ? 3
                               : (c & 0xF8) == 0xF0 ? 4
                                                    : 0;
    bool whole = length > 0 && i + length <= detail.size();
    for (std::size_t k = 1; whole && k < length; ++k)
      whole = (static_cast<unsigned char>(detail[i + k]) & 0xC0) == 0x80;
    if (whole) out.append(detail, i, length);
    i += whole ? length : 1;
  }
  return out;
}

}  // namespace

bool looks_like_gmcr(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n", text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  if (start == std::string_view::npos || text[start] != '{') return false;
  const json root = json::parse(text, nullptr, false);
  if (root.is_discarded()) return text.find("\"decisionMakers\"") != std::string_view::npos;
  return root.is_object() && root.contains("decisionMakers");
}

ModelDraft parse_gmcr_text(std::string_view text, const std::string& default_name, Diagnostics& diagnostics,
                           GmcrExtras* extras) {
  ModelDraft empty;
  empty.name = default_name;
  if (extras) *extras = {};
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    diagnostics.error({1, 1}, "the file is empty",
                      "a GMCR+ save file is a JSON object with `options`, `decisionMakers` and `infeasibles`");
    return empty;
  }
  if (!detail::check_text(text, diagnostics)) return empty;  // NUL bytes, invalid UTF-8
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    diagnostics.error(detail::LineIndex(text).at(offset),
                      fmt::format("not valid JSON: {}", parse_error_detail(e.what())),
                      "fix the syntax at this place (brackets, commas, quotes); a GMCR+ save file is JSON");
    return empty;
  }
  Place place;
  PlaceScanner scanner(text);
  if (!scanner.scan(place)) {
    diagnostics.error(detail::LineIndex(text).at(scanner.too_deep_at()),
                      fmt::format("the file nests values more than {} levels deep", kMaxDepth),
                      "a GMCR+ save file nests a few levels only; check that this is the right file");
    return empty;
  }
  GmcrReader reader(text, diagnostics);
  return reader.read(Node{&root, &place, ""}, default_name, extras);
}

}  // namespace parley
