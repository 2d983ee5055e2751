// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <pthread.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "command.hpp"
#include "parley/server/http_server.hpp"
#include "parley/server/static_files.hpp"

namespace parley::cli {

namespace {

namespace fs = std::filesystem;

/// `<prefix>/share/parley` next to the installed binary (`<prefix>/bin/parley`).
fs::path installed_share_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path().parent_path() / "share" / "parley";
}

std::string default_web_root() {
  return server::first_web_root(
      {PARLEY_WEB_ROOT, std::string(PARLEY_SOURCE_DIR) + "/web/dist", (installed_share_dir() / "web").string()});
}

std::vector<std::pair<std::string, std::string>> example_dirs() {
  for (const fs::path& base : {fs::path(PARLEY_SOURCE_DIR), installed_share_dir()}) {
    std::error_code ec;
    if (fs::is_directory(base / "examples", ec))
      return {{"example", (base / "examples").string()}, {"catalog", (base / "catalog").string()}};
  }
  return {};
}

std::string url_of(const std::string& host, int port) {
  const bool ipv6 = host.find(':') != std::string::npos && host.front() != '[';
  return fmt::format("http://{}:{}/", ipv6 ? "[" + host + "]" : host, port);
}

int run_serve(server::ServerConfig config) {
  if (config.web_root.empty()) {
    config.web_root = default_web_root();
  } else if (server::first_web_root({config.web_root}).empty()) {
    std::cerr << fmt::format(
        "parley serve: error: --web-root {}: no index.html there\n"
        "  help: build the web application (cd web && npm ci && npm run build) and give its "
        "dist folder\n",
        config.web_root);
    return kExitInvalidModel;
  }
  if (!server::is_loopback(config.host) && config.token.empty()) config.token = server::random_token();
  config.example_dirs = example_dirs();
  // Block the stop signals in every thread the server starts; one thread waits for them below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  try {
    server::HttpServer http(config);
    const int port = http.bind();
    std::cout << "parley serve: listening on " << url_of(config.host, port) << '\n'
              << "  workspace: " << config.workspace << '\n'
              << "  web application: " << (config.web_root.empty() ? "not built (the API works)" : config.web_root)
              << '\n';
    if (!config.token.empty()) std::cout << "  token: " << config.token << '\n';
    std::cout << "  stop with Ctrl-C" << std::endl;
    std::thread waiter([&http, &stop_signals] {
      int received = 0;
      sigwait(&stop_signals, &received);
      http.stop();
    });
    http.run();
    pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if run() ended on its own
    waiter.join();
    std::cout << "parley serve: stopped" << std::endl;
    return kExitOk;
  } catch (const server::ServerError& e) {
    std::cerr << "parley serve: error: " << e.what() << '\n';
    return kExitInvalidModel;
  }
}

}  // namespace

Runner configure_serve(CLI::App& app) {
  auto config = std::make_shared<server::ServerConfig>();
  app.add_option("--host", config->host, "Address to listen on; other than loopback, a token is required")
      ->capture_default_str();
  app.add_option("--port", config->port, "Port to listen on; 0 picks a free one (printed at start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app.add_option("--workspace", config->workspace, "SQLite file of saved models and cached results")
      ->capture_default_str();
  app.add_option("--web-root", config->web_root, "Folder of the web application (default: the built web/dist)");
  app.add_option("--token", config->token,
                 "Token every API call must carry (Authorization: Bearer T); made up at start on non-loopback hosts");
  app.add_option("--time-limit", config->time_limit_seconds, "Seconds one analysis may run before it is stopped")
      ->check(CLI::Range(0.1, 86400.0))
      ->capture_default_str();
  app.add_option("--max-body", config->max_body, "Largest request body in bytes (413 above)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->capture_default_str();
  return [config] { return run_serve(*config); };
}

}  // namespace parley::cli
