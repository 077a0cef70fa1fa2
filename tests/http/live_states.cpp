#include "http/live_states.h"

#include <gtest/gtest.h>

namespace attune::http::test {

std::optional<nlohmann::json> await_state(TestWebSocket& socket, const std::string& status,
                                          std::chrono::milliseconds timeout, int resume_consents) {
  using std::chrono::steady_clock;
  const auto deadline = steady_clock::now() + timeout;
  while (steady_clock::now() < deadline) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - steady_clock::now());
    auto message = socket.receive(left);
    if (!message) return std::nullopt;
    auto parsed = nlohmann::json::parse(*message);
    if (parsed["type"] != "state" || parsed["state"]["status"] != status) continue;
    if (resume_consents >= 0 && parsed["state"]["resume_consent_count"] != resume_consents)
      continue;
    return parsed["state"];
  }
  return std::nullopt;
}

void start_running(TestWebSocket& a, TestWebSocket& b) {
  ASSERT_TRUE(await_state(a, "waiting"));
  ASSERT_TRUE(await_state(b, "waiting"));
  a.send(R"({"type":"ready"})");
  b.send(R"({"type":"ready"})");
  ASSERT_TRUE(await_state(a, "running"));
  ASSERT_TRUE(await_state(b, "running"));
}

}  // namespace attune::http::test
