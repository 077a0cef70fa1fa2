#include "crypto/initialize.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace attune::crypto {

void initialize() {
  // A function-local static makes the start-up once-only and thread-safe without taking
  // libsodium's internal lock on every call.
  static const bool started = [] {
    if (sodium_init() < 0) {
      std::fputs("attune: libsodium failed to initialize\n", stderr);
      std::abort();
    }
    return true;
  }();
  (void)started;
}

}  // namespace attune::crypto
