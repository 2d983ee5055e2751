// SPDX-License-Identifier: Apache-2.0
#pragma once
/// The web application's files: which file a URL path names under the web root (never one
/// outside it), and the content type it is served with.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::server {

/// The file under `root` that `url_path` (already URL-decoded, starting with '/') names: `/` is
/// index.html; a missing path without an extension is index.html too (the app's own routes).
/// nullopt for `..`, `.` segments, backslashes, NUL, hidden files, or a file (or symlink) outside the root.
std::optional<std::filesystem::path> resolve_static_file(const std::filesystem::path& root, std::string_view url_path);

/// `text/html; charset=utf-8`, `text/javascript`, ... by extension; application/octet-stream otherwise.
std::string content_type_of(const std::filesystem::path& file);

/// The first existing web root of `candidates`, or "" if none has an index.html.
std::string first_web_root(const std::vector<std::string>& candidates);

/// The page `/` shows when the web application has not been built.
std::string missing_web_app_page();

}  // namespace parley::server
