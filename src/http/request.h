// An HTTP request as the API handlers see it: plain strings, no Boost, so route and auth code
// compiles without Beast.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace attune::http {

struct Request {
  std::string method;                          // "GET", "POST", ...
  std::string path;                            // decoded, without the query: "/api/v1/me"
  std::string query;                           // raw text after '?', "" if none
  std::map<std::string, std::string> headers;  // lowercase names; repeats joined with ", "
  std::string body;
  std::string client_address;  // peer IP, or the X-Forwarded-For client behind a trusted proxy
  bool secure = false;         // X-Forwarded-Proto: https from a trusted proxy

  std::string header(std::string_view lowercase_name) const;  // "" if absent
  std::string query_param(std::string_view name) const;       // decoded, "" if absent
};

// Decodes %XX escapes (and '+' as a space when plus_as_space, for query strings). nullopt for a
// malformed escape, so callers can reject the request instead of guessing.
std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space);

// A request target's path, decoded. nullopt for a malformed escape, a NUL, or an encoded
// slash: %2F is never a separator here, so a proxy's rule on a path prefix cannot be walked
// around, and no route or file name has a use for a slash inside a segment.
std::optional<std::string> decode_path(std::string_view path);

// The API's part of the URL space ("/api", "/api/...", "/healthz", and the operator's
// "/metrics" and "/readyz"): handled by the API handler, never served from or falling back
// to the static files.
bool is_api_path(std::string_view path);

}  // namespace attune::http
