#include "cli/logging.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/rfc3339.h"

namespace attune::cli {
namespace {

// Every message becomes one JSON object on one line; nlohmann escapes quotes and control
// characters, and replaces invalid UTF-8, so a line always parses.
class JsonLineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& message, spdlog::memory_buf_t& out) override {
    const auto at = std::chrono::time_point_cast<std::chrono::milliseconds>(message.time);
    const nlohmann::ordered_json line{
        {"time", base::to_rfc3339(at)},
        {"level", std::string(spdlog::level::to_string_view(message.level).data(),
                              spdlog::level::to_string_view(message.level).size())},
        {"message", std::string(message.payload.data(), message.payload.size())}};
    const std::string text =
        line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    out.append(text.data(), text.data() + text.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonLineFormatter>();
  }
};

}  // namespace

base::Status log_to_stderr(const std::string& format) {
  if (format != "json" && format != "text") {
    return base::fail(base::ErrorCode::invalid_field,
                      "log_format must be json or text, not " + format);
  }
  auto logger = spdlog::stderr_logger_mt("attune");
  if (format == "json") logger->set_formatter(std::make_unique<JsonLineFormatter>());
  spdlog::set_default_logger(logger);
  return {};
}

}  // namespace attune::cli
