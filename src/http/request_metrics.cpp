#include "http/request_metrics.h"

#include <algorithm>
#include <array>

#include "http/request.h"

namespace attune::http {
namespace {

// Any other method is counted as OTHER: a client cannot grow the label set.
std::string_view method_label(std::string_view method) {
  constexpr std::array<std::string_view, 7> kKnown{"GET",   "HEAD",   "POST",   "PUT",
                                                   "PATCH", "DELETE", "OPTIONS"};
  return std::ranges::find(kKnown, method) != kKnown.end() ? method : "OTHER";
}

// A Prometheus label value: backslash, quote and line break escaped.
std::string escaped(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string_view route_label(std::string_view logged_path) {
  if (logged_path.starts_with('(') || is_api_path(logged_path)) return logged_path;
  return "(static)";
}

void RequestMetrics::record(std::string_view method, std::string_view logged_path, int status,
                            double seconds) {
  std::string route(route_label(logged_path));
  std::string verb(method_label(method));
  std::lock_guard lock(mutex_);
  ++counts_[{verb, route, status}];
  auto& histogram = latency_[{std::move(verb), std::move(route)}];
  if (!histogram) histogram = std::make_unique<base::Histogram>();
  histogram->observe(seconds);
}

std::string RequestMetrics::render() const {
  std::string out =
      "# HELP attune_http_requests_total HTTP requests answered, by method, route template "
      "and status.\n"
      "# TYPE attune_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : counts_) {
    const auto& [method, route, status] = key;
    out += "attune_http_requests_total{method=\"" + method + "\",route=\"" + escaped(route) +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
  }
  out +=
      "# HELP attune_http_request_duration_seconds Time to answer, by method and route "
      "template.\n"
      "# TYPE attune_http_request_duration_seconds histogram\n";
  for (const auto& [key, histogram] : latency_) {
    out += histogram->render("attune_http_request_duration_seconds",
                             "method=\"" + key.first + "\",route=\"" + escaped(key.second) + "\"");
  }
  return out;
}

RequestMetrics& request_metrics() {
  static RequestMetrics metrics;
  return metrics;
}

}  // namespace attune::http
