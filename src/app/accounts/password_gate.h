// Password hashing costs 64 MiB and ~0.1 s of a core. The gate runs at most two hashes at
// once, on two threads of its own that run at a lower CPU priority than request threads,
// so a burst of log-ins cannot exhaust memory or starve other requests of the CPU (a pause
// sent over HTTP included). A third caller gets `busy` (503, Retry-After) at once: waiting
// would hold one of the few HTTP worker threads.
//
// check() is the one way a route checks a person's secret (password, PIN, recovery code):
// each (person, kind of secret) has a growing delay after consecutive failures, checked
// before any hashing. It slows guessing down but never locks anyone out: the delay is
// capped, a refused attempt does not lengthen it, and the right secret after it gets in.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

#include "app/context.h"
#include "app/request/rate_counters.h"
#include "base/error.h"

namespace attune::app {

class PasswordGate {
 public:
  // Strikes in memory, keyed by `who` as given.
  PasswordGate();
  // Strikes where the context's store keeps rate counters (rate_counters.h), keyed by a
  // blind index of `who`.
  explicit PasswordGate(Context& context);
  ~PasswordGate();
  PasswordGate(const PasswordGate&) = delete;
  PasswordGate& operator=(const PasswordGate&) = delete;

  // Runs hash() on one of the gate's threads and waits for its result; busy when both
  // are taken.
  template <class Hash>
  base::Result<std::invoke_result_t<Hash>> run(Hash hash) {
    // Shared with the job: the gate thread may still be leaving task() when this caller
    // already holds the result and returns.
    auto task = std::make_shared<std::packaged_task<std::invoke_result_t<Hash>()>>(std::move(hash));
    auto result = task->get_future();
    if (!try_post([task] { (*task)(); })) return std::unexpected(busy());
    // The slot is freed here, before the answer leaves: a client that sends its next
    // log-in the moment it has this one's answer finds the slot free again.
    Slot slot(*this);
    return result.get();
  }

  // Runs verify() (true for the right secret) through the gate for one person's secret of
  // one kind ("password", "pin", …), at now_ms. While the delay of earlier failures runs:
  // rate_limited with Retry-After, nothing hashed or counted. busy (503) counts nothing.
  // A wrong secret adds a strike; the right one clears them.
  base::Result<bool> check(std::string_view who, std::string_view secret, std::int64_t now_ms,
                           const std::function<bool()>& verify);

  // How long to wait after `failures` consecutive failures: none for the first few
  // (typing slips), then doubling from 1 s up to kMaxDelayMs.
  static std::int64_t delay_ms(std::int64_t failures);
  // Callers holding a slot now (queued, hashing or collecting), 0..2: /metrics shows it.
  int slots_taken();

  static constexpr std::int64_t kFreeFailures = 3;
  static constexpr std::int64_t kMaxDelayMs = 30'000;

 private:
  static constexpr int kSlots = 2;

  struct Slot {
    explicit Slot(PasswordGate& gate) : gate_(gate) {}
    ~Slot() { gate_.free_slot(); }
    PasswordGate& gate_;
  };

  // False when kSlots jobs are already queued or running; job runs on a gate thread.
  bool try_post(std::function<void()> job);
  void work();
  void free_slot();
  static base::Error busy();
  void start();
  std::string strike_bucket(std::string_view who, std::string_view secret) const;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  int taken_ = 0;  // callers whose hash is queued, running or not yet collected
  bool stopping_ = false;
  std::vector<std::thread> threads_;
  const crypto::Vault* vault_ = nullptr;  // blinds strike buckets when set
  std::unique_ptr<RateCounters> strikes_;
};

}  // namespace attune::app
