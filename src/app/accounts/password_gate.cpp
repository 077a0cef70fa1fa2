#include "app/accounts/password_gate.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>

namespace attune::app {
namespace {

// Request threads run at the default priority (nice 0); a hash yields the CPU to them.
constexpr int kHashNice = 10;

}  // namespace

PasswordGate::PasswordGate() : strikes_(memory_rate_counters()) { start(); }

PasswordGate::PasswordGate(Context& context)
    : vault_(&context.vault), strikes_(rate_counters_for(context.db)) {
  start();
}

void PasswordGate::start() {
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

std::int64_t PasswordGate::delay_ms(std::int64_t failures) {
  if (failures < kFreeFailures) return 0;
  const std::int64_t doublings = std::min<std::int64_t>(failures - kFreeFailures, 15);
  return std::min<std::int64_t>(std::int64_t{1000} << doublings, kMaxDelayMs);
}

std::string PasswordGate::strike_bucket(std::string_view who, std::string_view secret) const {
  std::string key = "strikes\x1f" + std::string(secret) + '\x1f' + std::string(who);
  return vault_ ? vault_->blind_index(key) : key;
}

base::Result<bool> PasswordGate::check(std::string_view who, std::string_view secret,
                                       std::int64_t now_ms, const std::function<bool()>& verify) {
  const std::string bucket = strike_bucket(who, secret);
  const Strikes strikes = strikes_->strikes(bucket);
  const std::int64_t wait = strikes.last_at + delay_ms(strikes.count) - now_ms;
  if (strikes.count > 0 && wait > 0) {
    base::Error error{base::ErrorCode::rate_limited,
                      "Too many attempts. Please wait a moment and try again."};
    error.retry_after_seconds = static_cast<int>((wait + 999) / 1000);
    return std::unexpected(std::move(error));
  }
  auto right = run(verify);
  if (!right) return right;  // busy: nobody is charged for the server being busy
  if (!*right) {
    strikes_->strike(bucket, now_ms);
  } else if (strikes.count > 0) {
    strikes_->clear(bucket);
  }
  return right;
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

int PasswordGate::slots_taken() {
  std::lock_guard lock(mutex_);
  return taken_;
}

void PasswordGate::free_slot() {
  std::lock_guard lock(mutex_);
  --taken_;
}

}  // namespace attune::app
