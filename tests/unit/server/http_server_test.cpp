// SPDX-License-Identifier: Apache-2.0
#include "parley/server/http_server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <thread>

#include "parley/io/json_output.hpp"

namespace parley::server {
namespace {

namespace fs = std::filesystem;

/// A real server on a free loopback port, run on its own thread for the test's length.
class RunningServer : public ::testing::Test {
 protected:
  void start(ServerConfig config) {
    dir_ = fs::temp_directory_path() / ("parley-http-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    config.workspace = (dir_ / "ws.sqlite").string();
    config.port = 0;
    config.max_body = 1000;
    server_ = std::make_unique<HttpServer>(config);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    fs::remove_all(dir_);
  }
  fs::path dir_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(RunningServer, AnswersHealthAndRefusesOversizedBodies) {
  start({});
  auto health = client_->Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->get_header_value("Content-Type"), "application/json; charset=utf-8");
  auto big = client_->Post("/api/analyze", std::string(2000, 'x'), "text/yaml");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  const Json error = Json::parse(big->body);
  EXPECT_NE(error["error"].get<std::string>().find("--max-body"), std::string::npos) << big->body;
  auto unknown = client_->Get("/api/unknown");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_TRUE(Json::parse(unknown->body).contains("error"));
}

TEST_F(RunningServer, SaysHowToBuildTheWebAppWhenItIsMissing) {
  start({});
  auto page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("npm"), std::string::npos);
  EXPECT_EQ(client_->Get("/../../etc/passwd")->status, 404);
}

TEST_F(RunningServer, RequiresTheTokenWhenOneIsSet) {
  ServerConfig config;
  config.token = "t0ken";
  start(config);
  EXPECT_EQ(client_->Get("/api/health")->status, 401);
  EXPECT_EQ(client_->Get("/api/health", {{"Authorization", "Bearer t0ken"}})->status, 200);
  EXPECT_EQ(client_->Get("/")->status, 200) << "static files need no token";
}

TEST_F(RunningServer, APortInUseIsAClearError) {
  start({});
  ServerConfig second;
  second.workspace = (dir_ / "second.sqlite").string();
  second.port = port_;
  HttpServer other(second);
  try {
    other.bind();
    FAIL() << "bound a port in use";
  } catch (const ServerError& e) {
    EXPECT_NE(std::string(e.what()).find("in use"), std::string::npos) << e.what();
  }
}

TEST(Loopback, OnlyLocalAddresses) {
  EXPECT_TRUE(is_loopback("127.0.0.1"));
  EXPECT_TRUE(is_loopback("localhost"));
  EXPECT_TRUE(is_loopback("::1"));
  EXPECT_FALSE(is_loopback("0.0.0.0"));
  EXPECT_FALSE(is_loopback("192.168.1.2"));
  EXPECT_EQ(random_token().size(), 32u);
  EXPECT_NE(random_token(), random_token());
}

}  // namespace
}  // namespace parley::server
