// Password hashing costs 64 MiB and ~0.1 s; at most two run at once so a burst of logins
// cannot exhaust memory. Beyond that callers get `busy` (503 with Retry-After) at once:
// waiting would hold one of the few HTTP worker threads, and a burst of logins would then
// stall every other request — a pause sent over HTTP included.
#pragma once

#include <semaphore>
#include <utility>

#include "core/error.h"

namespace attune::app {

class PasswordGate {
 public:
  class Pass {
   public:
    explicit Pass(std::counting_semaphore<>& slots) : slots_(&slots) {}
    Pass(Pass&& other) noexcept : slots_(std::exchange(other.slots_, nullptr)) {}
    Pass(const Pass&) = delete;
    ~Pass() {
      if (slots_) slots_->release();
    }

   private:
    std::counting_semaphore<>* slots_;
  };

  core::Result<Pass> enter() {
    if (!slots_.try_acquire()) {
      core::Error error{core::ErrorCode::busy, "The server is busy. Please try again shortly."};
      error.retry_after_seconds = 1;
      return std::unexpected(std::move(error));
    }
    return Pass(slots_);
  }

 private:
  std::counting_semaphore<> slots_{2};
};

}  // namespace attune::app
