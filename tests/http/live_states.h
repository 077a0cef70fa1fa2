// Reading practice states off a test WebSocket: waits for the first state with a given
// status, skipping whatever else arrives first; and starting a practice on two devices.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "http/test_client.h"

namespace attune::http::test {

// The first state whose status matches (and, when resume_consents >= 0, whose
// resume_consent_count does) within the timeout; nullopt on timeout or a closed socket.
std::optional<nlohmann::json> await_state(
    TestWebSocket& socket, const std::string& status,
    std::chrono::milliseconds timeout = std::chrono::seconds(3), int resume_consents = -1);

// Both devices see the practice waiting, both say ready, and both see it run (a gtest
// failure otherwise).
void start_running(TestWebSocket& a, TestWebSocket& b);

}  // namespace attune::http::test
