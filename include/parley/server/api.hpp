// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The JSON API as a function from request to answer, without sockets: routes, the token check,
/// the analysis cache and the workspace resources (docs/api.md). The HTTP server only moves
/// requests and answers between cpp-httplib and this.

#include <string>
#include <utility>
#include <vector>

#include "parley/server/answer.hpp"
#include "parley/server/jobs.hpp"
#include "parley/server/workspace.hpp"

namespace parley::server {

struct ApiConfig {
  /// Required as `Authorization: Bearer TOKEN` (or `?token=`) on every call when not empty.
  std::string token;
  /// Folders of bundled models, each with its kind ("example", "catalog").
  std::vector<std::pair<std::string, std::string>> example_dirs;
};

struct ApiRequest {
  std::string method;  ///< GET, POST, PUT, DELETE
  std::string path;    ///< URL-decoded, e.g. /api/models/my model
  Params params;       ///< the query string
  std::string body;
  std::string authorization;  ///< the Authorization header
};

class Api {
 public:
  Api(Workspace& workspace, JobRunner& runner, ApiConfig config);
  /// The answer to any /api request; never throws.
  Answer handle(const ApiRequest& request);

 private:
  Answer route(const ApiRequest& request, const std::vector<std::string>& segments);
  Answer analysis(const std::string& kind, const std::string& text, const Params& params);
  Work analysis_work(const std::string& kind, std::string text, Params params);
  Answer jobs(const ApiRequest& request, const std::vector<std::string>& segments);
  Answer models(const ApiRequest& request, const std::vector<std::string>& segments);
  Answer examples(const ApiRequest& request, const std::vector<std::string>& segments);
  Answer runs(const ApiRequest& request);
  [[nodiscard]] bool authorised(const ApiRequest& request) const;

  Workspace& workspace_;
  JobRunner& runner_;
  ApiConfig config_;
};

}  // namespace parley::server
