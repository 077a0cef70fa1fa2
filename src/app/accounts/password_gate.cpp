#include "app/accounts/password_gate.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace attune::app {
namespace {

// Request threads run at the default priority (nice 0); a hash yields the CPU to them.
constexpr int kHashNice = 10;

}  // namespace

PasswordGate::PasswordGate() {
  for (int i = 0; i < kSlots; ++i) threads_.emplace_back([this] { work(); });
}

PasswordGate::~PasswordGate() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) thread.join();
}

base::Error PasswordGate::busy() {
  base::Error error{base::ErrorCode::busy, "The server is busy. Please try again shortly."};
  error.retry_after_seconds = 1;
  return error;
}

bool PasswordGate::try_post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (taken_ >= kSlots) return false;
    ++taken_;
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
  return true;
}

void PasswordGate::work() {
  // Raising one's own nice value needs no privilege; if it fails, hashes simply compete
  // at the normal priority.
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), kHashNice);
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

void PasswordGate::free_slot() {
  std::lock_guard lock(mutex_);
  --taken_;
}

}  // namespace attune::app
