// SPDX-License-Identifier: Apache-2.0
#include "parley/server/answer.hpp"

namespace parley::server {

Answer json_answer(const Json& value, int status) {
  return {status, value.dump(2) + "\n", kJsonType, {}};
}

Answer error_answer(int status, const std::string& message, const std::string& help) {
  Json out;
  out["error"] = message;
  out["line"] = nullptr;
  out["column"] = nullptr;
  out["field"] = nullptr;
  out["help"] = help.empty() ? Json(nullptr) : Json(help);
  out["diagnostics"] = Json::array();
  return json_answer(out, status);
}

namespace {
Json position(int n) {
  return n > 0 ? Json(n) : Json(nullptr);
}
}  // namespace

std::string field_at_line(std::string_view text, int line) {
  if (line < 1) return {};
  std::size_t begin = 0;
  for (int l = 1; l < line; ++l) {
    begin = text.find('\n', begin);
    if (begin == std::string_view::npos) return {};
    ++begin;
  }
  std::string_view row = text.substr(begin, text.find('\n', begin) - begin);
  const auto first = row.find_first_not_of(" \t-{,");
  if (first == std::string_view::npos) return {};
  row.remove_prefix(first);
  const auto colon = row.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  std::string key(row.substr(0, colon));
  while (!key.empty() && (key.back() == ' ' || key.back() == '\t'))
    key.pop_back();
  if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
    key = key.substr(1, key.size() - 2);
  // A colon inside a value (a sentence, a URL) is not a key: keys are single words.
  if (key.empty() || key.find_first_of(" \t\"'[]{}#") != std::string::npos) return {};
  return key;
}

Answer model_error_answer(const Diagnostics& diagnostics, std::string_view text, const std::string& name) {
  const std::vector<Diagnostic> sorted = diagnostics.sorted();
  Json list = Json::array();
  for (const Diagnostic& d : sorted)
    list.push_back({{"line", position(d.where.line)},
                    {"column", position(d.where.column)},
                    {"message", d.message},
                    {"help", d.help},
                    {"text", format_diagnostic(name, d)}});
  Json out;
  if (sorted.empty()) {
    out["error"] = "the model was not read";
    out["line"] = out["column"] = out["field"] = out["help"] = nullptr;
  } else {
    const Diagnostic& first = sorted.front();
    out["error"] = first.message;
    out["line"] = position(first.where.line);
    out["column"] = position(first.where.column);
    const std::string field = field_at_line(text, first.where.line);
    out["field"] = field.empty() ? Json(nullptr) : Json(field);
    out["help"] = first.help.empty() ? Json(nullptr) : Json(first.help);
  }
  out["diagnostics"] = std::move(list);
  return json_answer(out, 400);
}

}  // namespace parley::server
