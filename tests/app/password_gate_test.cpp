// The password gate: hashes run on its own lower-priority threads, two at a time, and a
// third caller is told to come back at once rather than kept waiting on a worker thread.
#include "app/accounts/password_gate.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <thread>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

TEST(PasswordGate, RunsTheHashElsewhereAndHandsBackItsResult) {
  PasswordGate gate;
  const auto caller = std::this_thread::get_id();
  auto ran_on = gate.run([] { return std::this_thread::get_id(); });
  ASSERT_TRUE(ran_on);
  EXPECT_NE(*ran_on, caller);
  EXPECT_THROW((void)gate.run([]() -> int { throw std::runtime_error("hash failed"); }),
               std::runtime_error);
}

TEST(PasswordGate, HashesRunAtALowerCpuPriorityThanRequests) {
  PasswordGate gate;
  auto nice =
      gate.run([] { return getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid))); });
  ASSERT_TRUE(nice);
  EXPECT_EQ(*nice, 10);
}

TEST(PasswordGate, AThirdCallerIsBusyAtOnceAndAFreedSlotIsReused) {
  PasswordGate gate;
  std::promise<void> finish;
  std::shared_future<void> finished = finish.get_future().share();
  std::promise<void> first_started, second_started;
  auto slow = [&](std::promise<void>& started) {
    return std::async(std::launch::async, [&gate, &started, finished] {
      return gate.run([&started, finished] {
        started.set_value();
        finished.wait();
        return 1;
      });
    });
  };
  auto first = slow(first_started);
  auto second = slow(second_started);
  first_started.get_future().wait();
  second_started.get_future().wait();

  const auto asked = std::chrono::steady_clock::now();
  auto third = gate.run([] { return 3; });
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::milliseconds(20));
  ASSERT_EQ(code_of(third), "busy");
  EXPECT_EQ(third.error().retry_after_seconds, 1);

  finish.set_value();
  EXPECT_EQ(first.get().value(), 1);
  EXPECT_EQ(second.get().value(), 1);
  EXPECT_EQ(gate.run([] { return 4; }).value(), 4);
}

// A client that sends its next log-in the moment it has the answer to the last one (as
// wrk does, and as a retrying client may) must find the slot free, not get busy.
TEST(PasswordGate, TheSlotIsFreeOnceTheCallerHasItsAnswer) {
  PasswordGate gate;
  for (int i = 0; i < 500; ++i) ASSERT_TRUE(gate.run([i] { return i; })) << "call " << i;
}

}  // namespace
}  // namespace attune::app::testing
