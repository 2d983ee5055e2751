// SPDX-License-Identifier: Apache-2.0
#include "parley/server/api.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parley/io/model_reader.hpp"
#include "parley/server/analyses.hpp"
#include "parley/version.hpp"

namespace parley::server {

namespace {

std::vector<std::string> segments_of(const std::string& path) {
  std::vector<std::string> out;
  std::string_view rest = path;
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    if (slash != 0) out.emplace_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return out;
}

Answer not_found(const std::string& what) {
  return error_answer(404, what, "see docs/api.md for the routes");
}

Answer method_not_allowed(const std::string& method, const std::string& path, const char* allowed) {
  Answer a = error_answer(405, fmt::format("{} is not allowed on {}", method, path), fmt::format("use {}", allowed));
  a.headers.emplace_back("Allow", allowed);
  return a;
}

/// Compares without an early exit, so the time taken does not tell how much of a token was right.
bool same_secret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

Json version_json(const ModelVersion& v, bool with_text) {
  Json out = {{"name", v.name}, {"version", v.version}};
  if (with_text) out["text"] = v.text;
  out["hash"] = v.hash;
  out["updated"] = v.updated;
  out["title"] = v.title;
  out["valid"] = v.valid;
  out["deleted"] = v.deleted;
  return out;
}

/// Job options ({"concepts": "nash,gmr", "coalitions": true, "vary": ["A", "B"]}) as query parameters.
std::optional<Params> params_of(const Json& options, std::string& why) {
  Params params;
  if (options.is_null()) return params;
  if (!options.is_object()) {
    why = "options must be an object of parameters";
    return std::nullopt;
  }
  for (const auto& [key, value] : options.items()) {
    if (value.is_string())
      params.emplace(key, value.get<std::string>());
    else if (value.is_boolean())
      params.emplace(key, value.get<bool>() ? "1" : "0");
    else if (value.is_number_integer() || value.is_number_unsigned())
      params.emplace(key, value.dump());
    else if (value.is_number_float())
      params.emplace(key, fmt::format("{}", value.get<double>()));
    else if (value.is_array()) {
      for (const auto& item : value) {
        if (!item.is_string()) {
          why = fmt::format("options.{}: a list must hold strings", key);
          return std::nullopt;
        }
        params.emplace(key, item.get<std::string>());
      }
    } else {
      why = fmt::format("options.{}: give a string, number, boolean or list of strings", key);
      return std::nullopt;
    }
  }
  return params;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The `name:` written at the top level of a model file: the title a list shows.
std::string title_of(const std::string& text, const std::string& fallback) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("name:", 0) == 0) {
      std::string title = line.substr(5);
      title.erase(0, title.find_first_not_of(" \t"));
      while (!title.empty() && (title.back() == ' ' || title.back() == '\r'))
        title.pop_back();
      if (title.size() >= 2 && (title.front() == '"' || title.front() == '\'') && title.back() == title.front())
        title = title.substr(1, title.size() - 2);
      if (!title.empty()) return title;
    }
  return fallback;
}

}  // namespace

Api::Api(Workspace& workspace, JobRunner& runner, ApiConfig config)
    : workspace_(workspace), runner_(runner), config_(std::move(config)) {}

bool Api::authorised(const ApiRequest& request) const {
  if (config_.token.empty()) return true;
  const std::string bearer = "Bearer ";
  if (request.authorization.rfind(bearer, 0) == 0 &&
      same_secret(request.authorization.substr(bearer.size()), config_.token))
    return true;
  const auto it = request.params.find("token");
  return it != request.params.end() && same_secret(it->second, config_.token);
}

Answer Api::handle(const ApiRequest& request) {
  try {
    if (!authorised(request)) {
      Answer a = error_answer(401, "this server needs its token on every API call",
                              "send `Authorization: Bearer TOKEN` (the token parley serve printed at start)");
      a.headers.emplace_back("WWW-Authenticate", "Bearer");
      return a;
    }
    const std::vector<std::string> segments = segments_of(request.path);
    if (segments.empty() || segments[0] != "api") return not_found("no such route: " + request.path);
    return route(request, segments);
  } catch (const Cancelled&) {
    return error_answer(503, "the server is shutting down", "start it again and repeat the request");
  } catch (const WorkspaceError& e) {
    return error_answer(500, e.what(), "check the workspace file and the disk");
  } catch (const std::exception& e) {
    return error_answer(500, std::string("internal error: ") + e.what(), "please report this with the request");
  }
}

Answer Api::route(const ApiRequest& request, const std::vector<std::string>& segments) {
  const std::string& method = request.method;
  if (segments.size() < 2) return not_found("no such route: " + request.path);
  const std::string& what = segments[1];
  if (segments.size() == 2 && is_analysis_kind(what)) {
    if (method != "POST") return method_not_allowed(method, request.path, "POST");
    return analysis(what, request.body, request.params);
  }
  if (what == "health" && segments.size() == 2) {
    if (method != "GET") return method_not_allowed(method, request.path, "GET");
    return json_answer({{"ok", true}, {"version", kVersion}});
  }
  if (what == "jobs") return jobs(request, segments);
  if (what == "models") return models(request, segments);
  if (what == "examples") return examples(request, segments);
  if (what == "runs" && segments.size() == 2) {
    if (method != "GET") return method_not_allowed(method, request.path, "GET");
    return runs(request);
  }
  return not_found("no such route: " + request.path);
}

Work Api::analysis_work(const std::string& kind, std::string text, Params params) {
  return
      [this, kind, text = std::move(text), params = std::move(params)](Progress& progress, const CancelToken& cancel) {
        const bool cached = is_cached_kind(kind);
        const std::string hash = model_hash(text);
        const std::string options = canonical_options(params);
        if (cached)
          if (auto hit = workspace_.cached_run(hash, kind, options)) {
            Answer a{200, std::move(*hit), kJsonType, {}};
            a.headers.emplace_back("X-Parley-Cache", "hit");
            return a;
          }
        Answer answer = answer_analysis(kind, text, params, progress, cancel);
        if (cached && answer.status == 200) workspace_.store_run({hash, kind, options, answer.body, {}});
        if (cached) answer.headers.emplace_back("X-Parley-Cache", "miss");
        return answer;
      };
}

Answer Api::analysis(const std::string& kind, const std::string& text, const Params& params) {
  return runner_.run(analysis_work(kind, text, params));
}

Answer Api::jobs(const ApiRequest& request, const std::vector<std::string>& segments) {
  const std::string& method = request.method;
  if (segments.size() == 2) {
    if (method == "GET") return json_answer(runner_.list());
    if (method != "POST") return method_not_allowed(method, request.path, "GET, POST");
    const Json body = Json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
      return error_answer(400, "the job is not a JSON object",
                          R"(send {"kind": "analyze", "model": "<model text>", "options": {...}})");
    const std::string kind = body.value("kind", "");
    if (!is_analysis_kind(kind))
      return error_answer(400, fmt::format("unknown job kind '{}'", kind),
                          fmt::format("use one of: {}", fmt::join(analysis_kinds(), ", ")));
    if (!body.contains("model") || !body["model"].is_string())
      return error_answer(400, "the job has no model text", R"(put the model's text in "model")");
    std::string why;
    auto params = params_of(body.contains("options") ? body["options"] : Json(nullptr), why);
    if (!params) return error_answer(400, why, "see docs/api.md, Jobs");
    const std::string id = runner_.submit(kind, analysis_work(kind, body["model"].get<std::string>(), *params));
    return json_answer({{"id", id}}, 202);
  }
  if (segments.size() != 3) return not_found("no such route: " + request.path);
  const std::string& id = segments[2];
  std::optional<Json> job;
  if (method == "GET")
    job = runner_.status(id);
  else if (method == "DELETE")
    job = runner_.cancel(id);
  else
    return method_not_allowed(method, request.path, "GET, DELETE");
  if (!job) return not_found("no job " + id);
  return json_answer(*job);
}

Answer Api::models(const ApiRequest& request, const std::vector<std::string>& segments) {
  const std::string& method = request.method;
  if (segments.size() == 2) {
    if (method != "GET") return method_not_allowed(method, request.path, "GET");
    Json out = Json::array();
    for (const ModelVersion& v : workspace_.models()) {
      Json item = version_json(v, false);
      item.erase("deleted");
      out.push_back(std::move(item));
    }
    return json_answer(out);
  }
  const std::string& name = segments[2];
  if (!valid_model_name(name))
    return error_answer(400, fmt::format("'{}' cannot name a model", name),
                        "use 1 to 200 letters, digits, '-', '_', '.' or spaces, not starting with '.'");
  if (segments.size() == 3) {
    if (method == "GET") {
      const auto v = workspace_.latest(name);
      return v ? json_answer(version_json(*v, true)) : not_found("no model " + name);
    }
    if (method == "DELETE") {
      const auto v = workspace_.remove(name);
      if (!v) return not_found("no model " + name);
      return json_answer({{"name", v->name}, {"version", v->version}, {"deleted", true}});
    }
    if (method != "PUT") return method_not_allowed(method, request.path, "GET, PUT, DELETE");
    const auto draft = request.params.find("draft");
    const bool keep_draft = draft != request.params.end() && (draft->second == "1" || draft->second == "true");
    const ReadResult read = read_model_text(request.body, name);
    if (!read.model && !keep_draft) return model_error_answer(read.diagnostics, request.body, name);
    const std::string title = read.model ? read.model->name : title_of(request.body, name);
    const ModelVersion v = workspace_.save(name, request.body, title, read.model != nullptr);
    return json_answer({{"name", v.name}, {"version", v.version}, {"hash", v.hash}, {"valid", v.valid}});
  }
  if (segments[3] != "versions" || segments.size() > 5) return not_found("no such route: " + request.path);
  if (method != "GET") return method_not_allowed(method, request.path, "GET");
  if (segments.size() == 4) {
    Json out = Json::array();
    for (const ModelVersion& v : workspace_.versions(name)) {
      Json item = version_json(v, false);
      item.erase("name");
      out.push_back(std::move(item));
    }
    if (out.empty()) return not_found("no model " + name);
    return json_answer(out);
  }
  std::int64_t number = 0;
  try {
    std::size_t used = 0;
    number = std::stoll(segments[4], &used);
    if (used != segments[4].size()) throw std::invalid_argument("trailing characters");
  } catch (const std::exception&) {
    return error_answer(400, fmt::format("'{}' is not a version number", segments[4]), "versions are 1, 2, 3 ...");
  }
  const auto v = workspace_.version(name, number);
  return v ? json_answer(version_json(*v, true)) : not_found(fmt::format("no version {} of model {}", number, name));
}

Answer Api::runs(const ApiRequest& request) {
  const auto it = request.params.find("model");
  Json out = Json::array();
  for (const RunRecord& r : workspace_.runs(it == request.params.end() ? "" : it->second)) {
    Json result = Json::parse(r.result, nullptr, false);
    out.push_back({{"kind", r.kind},
                   {"options", r.options},
                   {"hash", r.hash},
                   {"created", r.created},
                   {"result", result.is_discarded() ? Json(nullptr) : result}});
  }
  return json_answer(out);
}

Answer Api::examples(const ApiRequest& request, const std::vector<std::string>& segments) {
  if (request.method != "GET") return method_not_allowed(request.method, request.path, "GET");
  if (segments.size() > 3) return not_found("no such route: " + request.path);
  Json list = Json::array();
  for (const auto& [kind, dir] : config_.example_dirs) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const std::string name = file.stem().string();
      if (segments.size() == 3 && segments[2] != name) continue;
      const std::string text = read_file(file);
      Json item = {{"name", name},
                   {"title", title_of(text, name)},
                   {"path", (std::filesystem::path(dir).filename() / file.filename()).string()},
                   {"kind", kind}};
      if (segments.size() == 3) {
        item["text"] = text;
        return json_answer(item);
      }
      list.push_back(std::move(item));
    }
  }
  if (segments.size() == 3) return not_found("no example " + segments[2]);
  return json_answer(list);
}

}  // namespace parley::server
