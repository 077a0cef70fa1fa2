// Serves the web client's built files (web/dist) for every non-API path. Unknown client-side
// routes fall back to index.html; nothing outside the root can be reached.
#pragma once

#include <filesystem>

#include "http/request.h"
#include "http/response.h"

namespace attune::http {

// Thread-safe: holds only the root; every call reads from disk (blocking, so call it from the
// worker pool).
class StaticFiles {
 public:
  // An empty root serves nothing: every request gets 404.
  explicit StaticFiles(std::filesystem::path root);

  // GET or HEAD (the caller drops the body for HEAD); anything else gets 405.
  Response serve(const Request& request) const;

 private:
  Response fallback(const Request& request) const;

  std::filesystem::path root_;  // canonical, or empty when disabled
};

// The Content-Type for a file name, by extension; application/octet-stream if unknown.
std::string_view content_type_for(const std::filesystem::path& file);

}  // namespace attune::http
