// Counts and latencies of the requests this process answered, for GET /metrics. Labelled
// only by method, route template and status: never a path as sent, an id, an address or
// anything from a body, so the labels stay few and say nothing about anyone.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "base/histogram.h"

namespace attune::http {

class RequestMetrics {
 public:
  // `logged_path` as the request log shows it (a route template or a placeholder such as
  // "(no route)"); a static file's path is counted as "(static)".
  void record(std::string_view method, std::string_view logged_path, int status, double seconds);

  // attune_http_requests_total and attune_http_request_duration_seconds, Prometheus text.
  std::string render() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> counts_;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<base::Histogram>> latency_;
};

// The process's requests (the server and /metrics share it, as they share the log).
RequestMetrics& request_metrics();

// What a logged path counts as: itself for the API's templates and placeholders,
// "(static)" for everything else.
std::string_view route_label(std::string_view logged_path);

}  // namespace attune::http
