// SPDX-License-Identifier: Apache-2.0
#pragma once
/// What the API answers: an HTTP status and a body, and the error answers every route shares
/// (`{"error", "line", "column", "field", "help", "diagnostics"}`, docs/api.md).

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/core/diagnostic.hpp"
#include "parley/io/json_output.hpp"

namespace parley::server {

/// Query parameters (and job options) by name; a name may repeat.
using Params = std::multimap<std::string, std::string>;

inline constexpr const char* kJsonType = "application/json; charset=utf-8";

struct Answer {
  int status = 200;
  std::string body;
  std::string content_type = kJsonType;
  std::vector<std::pair<std::string, std::string>> headers;
};

/// A JSON answer printed as the command line prints it: two-space indent and a final newline.
Answer json_answer(const Json& value, int status = 200);
/// An error that is not about a model's text: line, column and field null, no diagnostics.
Answer error_answer(int status, const std::string& message, const std::string& help = {});
/// 400 for a model with errors: the first diagnostic (by position) and all of them, with the
/// exact line the command line prints for each (`NAME:LINE:COLUMN: error: ...`).
Answer model_error_answer(const Diagnostics& diagnostics, std::string_view text, const std::string& name);

/// The key written at `line` of a YAML/JSON text (`  parties:` -> "parties"), or "" if none.
std::string field_at_line(std::string_view text, int line);

/// A request the API refuses before running anything: an unknown or malformed parameter.
struct BadRequest {
  std::string message;
  std::string help;
  int status = 400;
};

}  // namespace parley::server
