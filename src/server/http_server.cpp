// SPDX-License-Identifier: Apache-2.0
#include "parley/server/http_server.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include <fstream>
#include <random>
#include <sstream>

#include "parley/server/api.hpp"
#include "parley/server/static_files.hpp"

namespace parley::server {

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

std::string random_token() {
  std::random_device device;
  std::string out;
  for (int i = 0; i < 4; ++i)
    out += fmt::format("{:08x}", device());
  return out;
}

struct HttpServer::Impl {
  ServerConfig config;
  Workspace workspace;
  JobRunner runner;
  Api api;
  httplib::Server http;

  explicit Impl(ServerConfig c)
      : config(std::move(c)),
        workspace(config.workspace),
        runner(RunLimits{std::chrono::milliseconds(static_cast<long>(config.time_limit_seconds * 1000)),
                         config.analysis_slots, 200}),
        api(workspace, runner, ApiConfig{config.token, config.example_dirs}) {
    http.set_payload_max_length(config.max_body);
    const unsigned threads = config.http_threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    const auto to_api = [this](const httplib::Request& req, httplib::Response& res) { serve_api(req, res, req.body); };
    // Bodies are read here rather than by httplib, which parses an application/x-www-form-urlencoded
    // body (curl's default for --data) into query parameters and refuses it above 8 KiB: a model is
    // never a form. The --max-body limit still applies while reading (httplib answers 413).
    const auto to_api_with_body = [this](const httplib::Request& req, httplib::Response& res,
                                         const httplib::ContentReader& read) {
      std::string body;
      if (!read([&body](const char* data, std::size_t length) {
            body.append(data, length);
            return true;
          })) {
        if (res.status < 400) res.status = 400;
        return;
      }
      serve_api(req, res, body);
    };
    const char* api_paths = "/api(/.*)?";
    http.Get(api_paths, to_api);
    http.Post(api_paths, to_api_with_body);
    http.Put(api_paths, to_api_with_body);
    http.Delete(api_paths, to_api);
    http.Patch(api_paths, to_api_with_body);
    http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { serve_file(req, res); });
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      const std::string message = res.status == 413 ? "the request body is larger than the server accepts (--max-body)"
                                                    : fmt::format("the request failed with HTTP status {}", res.status);
      const Answer a = error_answer(res.status, message,
                                    res.status == 413 ? "send a smaller model or start the server with a larger "
                                                        "--max-body"
                                                      : "see docs/api.md");
      res.set_content(a.body, a.content_type);
    });
  }

  void serve_api(const httplib::Request& req, httplib::Response& res, const std::string& body) {
    ApiRequest request{req.method, req.path, {}, body, req.get_header_value("Authorization")};
    for (const auto& [key, value] : req.params)
      request.params.emplace(key, value);
    const Answer answer = api.handle(request);
    res.status = answer.status;
    for (const auto& [key, value] : answer.headers)
      res.set_header(key, value);
    res.set_header("Cache-Control", "no-store");
    res.set_content(answer.body, answer.content_type);
  }

  void serve_file(const httplib::Request& req, httplib::Response& res) {
    if (config.web_root.empty()) {
      if (req.path == "/" || req.path == "/index.html") {
        res.set_content(missing_web_app_page(), "text/html; charset=utf-8");
        return;
      }
      res.status = 404;
      res.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    const auto file = resolve_static_file(config.web_root, req.path);
    if (!file) {
      res.status = 404;
      res.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    std::ifstream in(*file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    res.set_content(content.str(), content_type_of(*file));
  }
};

namespace {
ServerConfig checked(ServerConfig config) {
  if (config.port < 0 || config.port > 65535)
    throw ServerError(fmt::format("--port {}: not a port number (0 to 65535)", config.port));
  return config;
}
}  // namespace

HttpServer::HttpServer(ServerConfig config) {
  try {
    impl_ = std::make_unique<Impl>(checked(std::move(config)));
  } catch (const WorkspaceError& e) {
    throw ServerError(std::string(e.what()) + "\n  help: give another file with --workspace");
  }
}

HttpServer::~HttpServer() {
  stop();
}

int HttpServer::bind() {
  const ServerConfig& c = impl_->config;
  // httplib's default socket options add SO_REUSEPORT, which lets a second server bind the same port
  // silently and share its connections; keep only SO_REUSEADDR so a busy port is an error.
  impl_->http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
  });
  // Without TCP_NODELAY every answer after the first on a kept-alive connection (a browser's) waited
  // about 40 ms: the answer goes out in two writes, and Nagle's algorithm holds the second until the
  // client's delayed acknowledgement of the first.
  impl_->http.set_tcp_nodelay(true);
  int port = c.port;
  if (port == 0)
    port = impl_->http.bind_to_any_port(c.host);
  else if (!impl_->http.bind_to_port(c.host, port))
    port = -1;
  if (port <= 0)
    throw ServerError(
        fmt::format("cannot listen on {}:{}: the port is in use or the address is not this machine's\n"
                    "  help: stop the other server, choose another port with --port (or --port 0 for any free one), or "
                    "check --host",
                    c.host, c.port));
  return port;
}

void HttpServer::run() {
  impl_->http.listen_after_bind();
}

void HttpServer::stop() {
  if (!impl_) return;
  impl_->runner.cancel_all();
  impl_->http.stop();
}

const ServerConfig& HttpServer::config() const {
  return impl_->config;
}

}  // namespace parley::server
