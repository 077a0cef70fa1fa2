#include "http/static_files.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>

namespace attune::http {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";
// Vite puts content-hashed names here, so they can be cached forever.
constexpr std::string_view kAssetsPrefix = "/assets/";

constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kContentTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
    {".wasm", "application/wasm"},
}};

// A relative path of plain segments, or nullopt when the path tries to leave the root
// (".." or "." segments, backslashes, NUL) or is not absolute.
std::optional<fs::path> safe_relative_path(std::string_view path) {
  if (!path.starts_with('/')) return std::nullopt;
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  fs::path relative;
  std::string_view rest = path.substr(1);
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (segment == "." || segment == "..") return std::nullopt;
    if (!segment.empty()) relative /= fs::path(segment);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  }
  return relative;
}

bool is_within(const fs::path& root, const fs::path& candidate) {
  const auto [root_end, candidate_end] = std::ranges::mismatch(root, candidate);
  return root_end == root.end();
}

bool has_known_extension(const fs::path& file) {
  return content_type_for(file) != "application/octet-stream";
}

Response not_found() { return Response::error(404, "not_found", "Not found"); }

Response serve_file(const fs::path& file, bool immutable) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return not_found();
  Response response;
  response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return Response::error(500, "internal", "Could not read file");
  response.content_type = content_type_for(file);
  response.set_header("Cache-Control", immutable ? kImmutable : kRevalidate);
  return response;
}

}  // namespace

std::string_view content_type_for(const fs::path& file) {
  const std::string extension = file.extension().string();
  for (const auto& [known, type] : kContentTypes) {
    if (extension == known) return type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(fs::path root) {
  if (root.empty()) return;
  std::error_code error;
  root_ = fs::weakly_canonical(root, error);
  if (error) root_.clear();
}

Response StaticFiles::serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") {
    Response response = Response::error(405, "method_not_allowed", "Only GET and HEAD");
    response.set_header("Allow", "GET, HEAD");
    return response;
  }
  if (root_.empty()) return not_found();
  const auto relative = safe_relative_path(request.path);
  if (!relative) return Response::error(400, "bad_request", "Invalid path");

  std::error_code error;
  const fs::path file = fs::weakly_canonical(root_ / *relative, error);
  if (!error && is_within(root_, file) && fs::is_regular_file(file, error)) {
    return serve_file(file, request.path.starts_with(kAssetsPrefix));
  }
  return fallback(request);
}

Response StaticFiles::fallback(const Request& request) const {
  // A missing asset must not turn into HTML: the browser would try to run it as a script.
  const bool wants_file = request.path.starts_with(kAssetsPrefix) ||
                          has_known_extension(fs::path(request.path).filename());
  if (wants_file) return not_found();
  Response page = serve_file(root_ / "index.html", false);
  // A client path may hold ids (/r/<id>/…): the log says only that the web client was served.
  page.log_path = "(web client)";
  return page;
}

}  // namespace attune::http
