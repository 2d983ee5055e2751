// SPDX-License-Identifier: Apache-2.0
#include "parley/server/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace parley::server {
namespace {

namespace fs = std::filesystem;

class WebRoot : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("parley-web-" + std::to_string(::getpid()));
    fs::remove_all(base_);
    root_ = base_ / "dist";
    fs::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<!doctype html>";
    std::ofstream(root_ / "assets" / "app.js") << "console.log(1)";
    std::ofstream(root_ / ".secret") << "hidden";
    std::ofstream(base_ / "outside.txt") << "not served";
    fs::create_symlink(base_ / "outside.txt", root_ / "link.txt");
  }
  void TearDown() override { fs::remove_all(base_); }
  fs::path base_;
  fs::path root_;
};

TEST_F(WebRoot, ServesFilesUnderTheRoot) {
  EXPECT_EQ(resolve_static_file(root_, "/"), root_ / "index.html");
  EXPECT_EQ(resolve_static_file(root_, "/assets/app.js"), root_ / "assets" / "app.js");
  EXPECT_EQ(resolve_static_file(root_, "/models/talks"), root_ / "index.html") << "the app's own routes";
  EXPECT_FALSE(resolve_static_file(root_, "/assets/missing.js"));
}

TEST_F(WebRoot, NeverServesAnythingOutsideTheRoot) {
  EXPECT_FALSE(resolve_static_file(root_, "/../outside.txt"));
  EXPECT_FALSE(resolve_static_file(root_, "/assets/../../outside.txt"));
  EXPECT_FALSE(resolve_static_file(root_, "/assets/..%2f..%2foutside.txt"));
  EXPECT_FALSE(resolve_static_file(root_, "/..\\outside.txt"));
  EXPECT_FALSE(resolve_static_file(root_, "/link.txt")) << "a symlink leading out";
  EXPECT_FALSE(resolve_static_file(root_, "/.secret"));
  EXPECT_FALSE(resolve_static_file(root_, "/./index.html"));
  EXPECT_FALSE(resolve_static_file(root_, std::string_view("/index.html\0x", 13)));
  EXPECT_FALSE(resolve_static_file(root_, "index.html")) << "paths start with /";
  EXPECT_FALSE(resolve_static_file(root_, "/assets")) << "a folder is not a file";
}

TEST(ContentType, FollowsTheExtension) {
  EXPECT_EQ(content_type_of("a/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_of("app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_of("style.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_of("graph.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_of("data.bin"), "application/octet-stream");
}

TEST_F(WebRoot, TheFirstBuiltRootIsChosen) {
  EXPECT_EQ(first_web_root({(base_ / "none").string(), root_.string()}), root_.string());
  EXPECT_EQ(first_web_root({(base_ / "none").string()}), "");
}

}  // namespace
}  // namespace parley::server
