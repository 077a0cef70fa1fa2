// The password gate: two hashes at a time, and a third caller is told to come back at
// once rather than kept waiting on a worker thread.
#include "app/password_gate.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

TEST(PasswordGate, AThirdCallerIsBusyAtOnceAndAFreedSlotIsReused) {
  PasswordGate gate;
  auto first = gate.enter();
  auto second = gate.enter();
  ASSERT_TRUE(first && second);
  const auto asked = std::chrono::steady_clock::now();
  auto third = gate.enter();
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::milliseconds(20));
  ASSERT_EQ(code_of(third), "busy");
  EXPECT_EQ(third.error().retry_after_seconds, 1);
  { std::optional<PasswordGate::Pass> done(std::move(*first)); }  // the first hash finished
  EXPECT_TRUE(gate.enter());
}

}  // namespace
}  // namespace attune::app::testing
