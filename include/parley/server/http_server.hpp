// SPDX-License-Identifier: Apache-2.0
#pragma once
/// `parley serve`: cpp-httplib serving the JSON API (through Api) and the web application's files,
/// with a request size limit, the token, and a clean stop.

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace parley::server {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  ///< 0 = any free port
  std::string workspace = "parley-workspace.sqlite";
  std::string web_root;  ///< "" = no web application: `/` says how to build it
  std::string token;     ///< required on /api calls when not empty
  double time_limit_seconds = 60;
  std::size_t max_body = std::size_t{4} << 20;
  unsigned analysis_slots = 0;  ///< 0 = hardware threads
  unsigned http_threads = 32;   ///< connections served at once (each keep-alive connection holds one)
  std::vector<std::pair<std::string, std::string>> example_dirs;  ///< (kind, folder)
};

/// The server cannot start: port in use, workspace unusable, ... (the message says what to do).
class ServerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Whether `host` is a loopback address (127.x.x.x, ::1, localhost), reachable only from this machine.
bool is_loopback(const std::string& host);
/// 32 random hex digits.
std::string random_token();

class HttpServer {
 public:
  /// Opens the workspace; throws ServerError if it cannot.
  explicit HttpServer(ServerConfig config);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds the address; returns the port (the one chosen when asked for 0). Throws ServerError.
  int bind();
  /// Serves until stop(); call after bind().
  void run();
  /// Cancels running analyses and makes run() return; safe from any thread.
  void stop();
  [[nodiscard]] const ServerConfig& config() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::server
