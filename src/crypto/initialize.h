// One-time libsodium start-up. Every function in crypto/ also calls it on first use, so
// forgetting it is harmless; calling it early just moves the cost out of the first request.
#pragma once

namespace attune::crypto {

// Safe to call repeatedly and from several threads. Aborts the process if libsodium cannot
// start (no usable randomness), because nothing in the server is safe without it.
void initialize();

}  // namespace attune::crypto
