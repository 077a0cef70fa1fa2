// Sealing a whole file of any size (backups): XChaCha20-Poly1305 secretstream in fixed
// chunks, so it streams through a small buffer and any truncation, reordering, edit or
// appended byte is detected.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string_view>

#include "base/error.h"
#include "crypto/secret.h"

namespace attune::crypto {

// Plaintext bytes per chunk; each sealed chunk is this plus a 17-byte tag.
inline constexpr std::size_t kStreamChunkBytes = 64 * 1024;

// Writes the secretstream header and every sealed chunk of `in` to `out`. `associated`
// (say, the file's own plaintext header) is authenticated with the first chunk, so it
// cannot be edited either. internal on an I/O error.
base::Status seal_stream(const SecretKey& key, std::string_view associated, std::istream& in,
                         std::ostream& out);

// Reverses seal_stream, writing plaintext to `out` one verified chunk at a time. On an
// error `out` may hold a verified prefix, which the caller discards. invalid_field when the
// stream is truncated, tampered with, or sealed under another key or associated data;
// internal on an I/O error.
base::Status open_stream(const SecretKey& key, std::string_view associated, std::istream& in,
                         std::ostream& out);

}  // namespace attune::crypto
