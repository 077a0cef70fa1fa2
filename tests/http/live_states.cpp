#include "http/live_states.h"

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

}  // namespace attune::http::test
