#include "http/router.h"

#include <stdexcept>

namespace attune::http {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segments.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

}  // namespace

Route& Router::add(std::string method, std::string_view pattern, Auth auth, Limit limit,
                   std::function<Response(ApiCall&)> handle) {
  return routes_.emplace_back(Route{std::move(method), std::string(pattern), split_path(pattern),
                                    auth, limit, std::move(handle)});
}

Route& Router::add(std::string method, std::string_view pattern,
                   std::function<Response(ApiCall&)> handle) {
  Limit limit = method == "GET" ? Limit::kNone : Limit::kWrite;
  return add(std::move(method), pattern, Auth::kRequired, limit, std::move(handle));
}

void Router::set_audience(std::string_view method, std::string_view pattern, Audience audience) {
  for (auto& route : routes_) {
    if (route.method == method && route.pattern == pattern) {
      route.audience = audience;
      return;
    }
  }
  throw std::logic_error("no route " + std::string(method) + " " + std::string(pattern));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match result;
  const auto segments = split_path(path);
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::vector<std::string> params;
    bool fits = true;
    for (std::size_t i = 0; i < segments.size() && fits; ++i) {
      if (route.segments[i] == "{}") {
        fits = is_id_shaped(segments[i]);
        params.push_back(segments[i]);
      } else {
        fits = route.segments[i] == segments[i];
      }
    }
    if (!fits) continue;
    if (result.pattern.empty()) result.pattern = route.pattern;
    result.allowed.push_back(route.method);
    if (route.method == method && !result.route) {
      result.route = &route;
      result.params = std::move(params);
    }
  }
  return result;
}

}  // namespace attune::http
