// ATTUNE_ASSERT(cond, message): for programmer errors that no user input can reach (a
// query reading a column it did not select, a malformed placeholder written in the code).
// When cond is false it prints file:line and the message to stderr and aborts, in every
// build type: carrying on past a broken invariant could write wrong data.
#pragma once

#include <string_view>

namespace attune::base {

[[noreturn]] void assertion_failed(const char* file, int line, const char* condition,
                                   std::string_view message) noexcept;

}  // namespace attune::base

#define ATTUNE_ASSERT(cond, message)                                          \
  do {                                                                        \
    if (!(cond)) [[unlikely]] {                                               \
      ::attune::base::assertion_failed(__FILE__, __LINE__, #cond, (message)); \
    }                                                                         \
  } while (false)
