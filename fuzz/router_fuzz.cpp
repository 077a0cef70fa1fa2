// A request target as the server reads it: the path decoded (no malformed escape, NUL or
// encoded slash), matched against route templates like the real ones, and the query's
// parameters read. A match must never capture a segment that is not id-shaped.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http/id_list_param.h"
#include "http/router.h"

namespace {

using attune::http::Router;

// The shapes of the real table: literals, one capture, two captures, same path with several
// methods, a capture beside a literal of the same depth.
const Router& router() {
  static const Router table = [] {
    Router r;
    const auto answer = [](attune::http::ApiCall&) { return attune::http::Response{}; };
    for (const char* pattern :
         {"/api/v1/me", "/api/v1/relationships", "/api/v1/relationships/{}",
          "/api/v1/relationships/{}/invites", "/api/v1/relationships/{}/boundaries/mine",
          "/api/v1/relationships/{}/boundaries/mine/{}",
          "/api/v1/relationships/{}/members/{}/approve", "/api/v1/practices/{}/pause",
          "/api/v1/practices/{}", "/api/v1/plans/{}/join", "/api/v1/relationships/{}/calendar.ics",
          "/api/v1/readings/{}"}) {
      r.add("GET", pattern, answer);
      r.add("POST", pattern, answer);
    }
    r.add("DELETE", "/api/v1/relationships/{}/boundaries/mine/{}", answer);
    r.add("PUT", "/api/v1/me/pin", answer);
    return r;
  }();
  return table;
}

void check_match(std::string_view method, std::string_view path) {
  const auto match = router().match(method, path);
  FUZZ_CHECK(match.allowed.empty() == match.pattern.empty());
  if (!match.route) {
    FUZZ_CHECK(std::ranges::find(match.allowed, method) == match.allowed.end());
    return;
  }
  FUZZ_CHECK(match.route->method == method);
  const auto captures = std::ranges::count(match.route->segments, std::string("{}"));
  FUZZ_CHECK(match.params.size() == static_cast<std::size_t>(captures));
  for (const auto& param : match.params) FUZZ_CHECK(attune::http::is_id_shaped(param));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view target(reinterpret_cast<const char*>(data), size);
  if (!target.starts_with('/')) return 0;  // the listener refuses these before decoding
  const auto question = target.find('?');
  const auto raw_path = target.substr(0, question);
  const auto path = attune::http::decode_path(raw_path);
  if (!path) return 0;
  FUZZ_CHECK(path->find('\0') == std::string::npos);
  FUZZ_CHECK(std::ranges::count(*path, '/') == std::ranges::count(raw_path, '/'));
  FUZZ_CHECK(path->size() <= raw_path.size());
  check_match("GET", *path);
  check_match("DELETE", *path);

  attune::http::Request request;
  request.method = "GET";
  request.path = *path;
  if (question != std::string_view::npos) request.query = target.substr(question + 1);
  (void)request.query_param("t");
  try {
    const auto ids = attune::http::id_list_param(request, "with");
    FUZZ_CHECK(ids.size() <= 8);
    for (const auto& id : ids) FUZZ_CHECK(!id.empty());
  } catch (const attune::http::BadInput& bad) {
    FUZZ_CHECK(attune::http::error_response(bad.error).status / 100 == 4);
  }
  return 0;
}
