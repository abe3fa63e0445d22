// src/core/http/static_files.cpp
#include "core/http/static_files.hpp"

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace tongxin::http {

namespace {

std::string_view content_type_of(std::string_view ext) {
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

Response not_found() {
  return Response::json(
      boost::json::object{
          {"error",
           {{"code", "route.not_found"}, {"message", "页面不存在"}, {"details", nullptr}}}},
      404);
}

bool read_file(const std::filesystem::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

}  // namespace

Response serve_static(const std::string& root, std::string_view path) {
  if (root.empty()) return not_found();
  std::filesystem::path rel;
  std::string_view rest = path;
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const auto seg = rest.substr(0, slash);
    if (seg == "..") return not_found();
    if (!seg.empty() && seg != ".") rel /= std::string(seg);
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  const std::filesystem::path base(root);
  const auto file = base / rel;
  std::error_code ec;
  Response r;
  if (!rel.empty() && std::filesystem::is_regular_file(file, ec)) {
    if (!read_file(file, r.body)) return not_found();
    r.content_type = std::string(content_type_of(file.extension().string()));
    const bool hashed = rel.begin() != rel.end() && *rel.begin() == "assets";
    r.header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    return r;
  }
  if (rel.has_extension()) return not_found();
  // A client-side route (/login, /s/12, /console/studios): the app decides.
  if (!read_file(base / "index.html", r.body)) return not_found();
  r.content_type = "text/html; charset=utf-8";
  r.header("Cache-Control", "no-cache");
  return r;
}

}  // namespace tongxin::http
