// SPDX-License-Identifier: Apache-2.0
#include "parley/server/static_files.hpp"

#include <array>
#include <utility>

namespace parley::server {

namespace fs = std::filesystem;

namespace {

/// The path's segments, or nullopt if one of them could step outside the root or hide a file.
std::optional<fs::path> safe_relative_path(std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;
  if (url_path.find('\\') != std::string_view::npos || url_path.find('\0') != std::string_view::npos)
    return std::nullopt;
  fs::path relative;
  std::string_view rest = url_path.substr(1);
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (!segment.empty()) {
      if (segment.front() == '.') return std::nullopt;  // "..", ".", and hidden files
      relative /= std::string(segment);
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return relative;
}

bool inside(const fs::path& root, const fs::path& file) {
  std::error_code ec;
  const fs::path real_root = fs::canonical(root, ec);
  if (ec) return false;
  const fs::path real_file = fs::canonical(file, ec);
  if (ec) return false;
  auto r = real_root.begin();
  auto f = real_file.begin();
  for (; r != real_root.end(); ++r, ++f)
    if (f == real_file.end() || *r != *f) return false;
  return fs::is_regular_file(real_file, ec);
}

}  // namespace

std::optional<fs::path> resolve_static_file(const fs::path& root, std::string_view url_path) {
  const auto relative = safe_relative_path(url_path);
  if (!relative) return std::nullopt;
  const fs::path index = root / "index.html";
  if (relative->empty()) return inside(root, index) ? std::optional(index) : std::nullopt;
  const fs::path file = root / *relative;
  std::error_code ec;
  if (fs::exists(file, ec)) return inside(root, file) ? std::optional(file) : std::nullopt;
  if (!relative->has_extension() && inside(root, index)) return index;
  return std::nullopt;
}

std::string content_type_of(const fs::path& file) {
  static const std::array<std::pair<const char*, const char*>, 16> types = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".yaml", "text/yaml; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  }};
  const std::string ext = file.extension().string();
  for (const auto& [e, type] : types)
    if (ext == e) return type;
  return "application/octet-stream";
}

std::string first_web_root(const std::vector<std::string>& candidates) {
  for (const std::string& c : candidates) {
    std::error_code ec;
    if (!c.empty() && fs::is_regular_file(fs::path(c) / "index.html", ec)) return c;
  }
  return {};
}

std::string missing_web_app_page() {
  return R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>parley</title></head>
<body>
<h1>parley serve</h1>
<p>The web application has not been built, so there is nothing to show here yet. The JSON API works:
try <a href="/api/health">/api/health</a> or <a href="/api/examples">/api/examples</a> (docs/api.md).</p>
<p>To build the application: <code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code>, then restart
<code>parley serve</code> (or give its folder with <code>--web-root web/dist</code>).</p>
</body></html>
)";
}

}  // namespace parley::server
