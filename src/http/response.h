// An HTTP response as handlers build it: status, body and extra headers. The server adds the
// security headers and Content-Length; handlers never see Beast.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attune::http {

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // Set-Cookie, Retry-After, ...
  std::string content_type = "application/json";
  std::string body;
  // What the request log shows as the path: the route's template, never the ids in it
  // (an item id names a boundary). Empty for a static file, logged as requested.
  std::string log_path;

  static Response json(int status, std::string body);
  // {"error":{"code":...,"message":...}} with both strings JSON-escaped.
  static Response error(int status, std::string_view code, std::string_view message);
  static Response no_content();  // 204, empty body

  // The first value of an extra header (case-insensitive name), "" if none.
  std::string header(std::string_view name) const;
  // Replaces every extra header of that name (case-insensitive) with this one.
  void set_header(std::string_view name, std::string_view value);
};

}  // namespace attune::http
