// The "proofs" of a ready or resume on a shared device, read from a request's JSON the same
// way over HTTP and over the WebSocket: [{"account_id": …, "pin": …} or
// {"account_id": …, "password": …}], at most 8.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "app/accounts/pins.h"

namespace attune::live {

inline constexpr std::size_t kMaxProofs = 8;

// The proofs in message["proofs"] (none when absent or null); nullopt when malformed.
std::optional<std::vector<app::InPersonProof>> proofs_from(const nlohmann::json& message);

}  // namespace attune::live
