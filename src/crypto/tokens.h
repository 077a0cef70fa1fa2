// Random tokens and ids, token hashing for storage, and constant-time comparison.
// Also brings in hex.h and initialize.h, which belong to the same public API.
#pragma once

#include <string>
#include <string_view>

#include "crypto/hex.h"
#include "crypto/initialize.h"

namespace attune::crypto {

// 256 random bits, base64url without padding: 43 characters, safe in URLs and headers.
std::string random_token();

// Lowercase hex of BLAKE2b-256 of the token (64 chars). Tokens carry 256 bits of entropy, so
// an unsalted fast hash suffices; storing only this means a database leak grants no sessions.
std::string token_hash(std::string_view token);

// 128 random bits as 32 lowercase hex characters, for record ids.
std::string random_id();

// Time independent of where the inputs differ. Lengths are not secret: different lengths
// return false immediately.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace attune::crypto
