// Password hashing costs 64 MiB and ~0.1 s of a core. The gate runs at most two hashes at
// once, on two threads of its own that run at a lower CPU priority than request threads,
// so a burst of log-ins cannot exhaust memory or starve other requests of the CPU (a pause
// sent over HTTP included). A third caller gets `busy` (503, Retry-After) at once: waiting
// would hold one of the few HTTP worker threads.
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

#include "base/error.h"

namespace attune::app {

class PasswordGate {
 public:
  PasswordGate();
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

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  int taken_ = 0;  // callers whose hash is queued, running or not yet collected
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace attune::app
