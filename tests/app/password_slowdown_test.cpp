// The password gate's per-person slow-down (issue 15 item 5): a growing delay after wrong
// secrets, checked before any hashing, capped so it never becomes a lock-out; the right
// secret after the delay gets in; a busy gate charges nobody. And the routes that check a
// password (log-in, password change, deletion) all go through it.
#include <gtest/gtest.h>

#include <future>

#include "app/accounts/password_gate.h"
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using std::chrono::seconds;

struct Attempts {
  PasswordGate gate;
  int hashed = 0;
  base::Result<bool> attempt(std::int64_t now, bool right, const std::string& who = "ana",
                             const std::string& secret = "password") {
    return gate.check(who, secret, now, [&] {
      ++hashed;
      return right;
    });
  }
};

TEST(PasswordSlowdown, FirstSlipsAreFreeThenTheDelayDoublesUpToACap) {
  EXPECT_EQ(PasswordGate::delay_ms(0), 0);
  EXPECT_EQ(PasswordGate::delay_ms(2), 0);
  EXPECT_EQ(PasswordGate::delay_ms(3), 1000);
  EXPECT_EQ(PasswordGate::delay_ms(4), 2000);
  EXPECT_EQ(PasswordGate::delay_ms(7), 16000);
  EXPECT_EQ(PasswordGate::delay_ms(8), PasswordGate::kMaxDelayMs);
  EXPECT_EQ(PasswordGate::delay_ms(1'000'000), PasswordGate::kMaxDelayMs);
}

TEST(PasswordSlowdown, DuringTheDelayNothingIsHashedAndTheRightSecretGetsInAfterIt) {
  Attempts a;
  for (int i = 0; i < 3; ++i) ASSERT_EQ(a.attempt(0, false).value(), false);
  EXPECT_EQ(a.hashed, 3);
  auto refused = a.attempt(500, true);
  ASSERT_EQ(code_of(refused), "rate_limited");
  EXPECT_EQ(refused.error().retry_after_seconds, 1);
  EXPECT_EQ(a.hashed, 3);  // refused before any hashing
  EXPECT_EQ(a.attempt(1000, true).value(), true);
  // The right secret cleared the strikes: the next slip is free again.
  EXPECT_EQ(a.attempt(1000, false).value(), false);
  EXPECT_EQ(a.attempt(1000, false).value(), false);
  EXPECT_TRUE(a.attempt(1000, true));
}

TEST(PasswordSlowdown, NeverALockOutARefusedAttemptDoesNotLengthenTheDelay) {
  Attempts a;
  std::int64_t now = 0;
  // An attacker guessing as fast as the delays allow, for a long time.
  for (int i = 0; i < 40; ++i) {
    ASSERT_TRUE(a.attempt(now, false)) << i;
    now += PasswordGate::delay_ms(i + 1);
  }
  // Attempts during the delay (the owner trying, or more guesses) are refused without
  // counting, so the wait never grows past the cap.
  const std::int64_t last_guess = now - PasswordGate::kMaxDelayMs;
  for (int i = 0; i < 10; ++i) {
    auto refused = a.attempt(last_guess + 1000 * i, true);
    ASSERT_EQ(code_of(refused), "rate_limited");
    EXPECT_LE(refused.error().retry_after_seconds, 30);
  }
  EXPECT_EQ(a.attempt(last_guess + PasswordGate::kMaxDelayMs, true).value(), true);
}

TEST(PasswordSlowdown, DelaysArePerPersonAndPerKindOfSecret) {
  Attempts a;
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(a.attempt(0, false));
  EXPECT_EQ(code_of(a.attempt(0, true)), "rate_limited");
  EXPECT_EQ(code_of(a.attempt(0, true, "ben")), "ok");
  EXPECT_EQ(code_of(a.attempt(0, true, "ana", "pin")), "ok");
}

TEST(PasswordSlowdown, ABusyGateChargesNobody) {
  Attempts a;
  std::promise<void> finish;
  std::shared_future<void> finished = finish.get_future().share();
  std::promise<void> first_started, second_started;
  auto hold = [&](std::promise<void>& started) {
    return std::async(std::launch::async, [&a, &started, finished] {
      return a.gate.run([&started, finished] {
        started.set_value();
        finished.wait();
        return true;
      });
    });
  };
  auto one = hold(first_started);
  auto two = hold(second_started);
  first_started.get_future().wait();
  second_started.get_future().wait();
  for (int i = 0; i < 10; ++i) ASSERT_EQ(code_of(a.attempt(0, false)), "busy");
  finish.set_value();
  ASSERT_TRUE(one.get());
  ASSERT_TRUE(two.get());
  EXPECT_EQ(a.hashed, 0);
  // Ten busy answers left no strike: three slips are still free.
  for (int i = 0; i < 3; ++i) ASSERT_EQ(code_of(a.attempt(0, false)), "ok");
  EXPECT_EQ(code_of(a.attempt(0, false)), "rate_limited");
}

TEST(PasswordSlowdown, EveryRouteThatChecksAPasswordSharesTheDelay) {
  World world;
  Person ana = world.person("Ana");
  auto& sessions = world.services.sessions;
  auto& accounts = world.services.accounts;
  ASSERT_EQ(code_of(sessions.log_in(ana.email, "wrong guess 1")), "invalid_credentials");
  ASSERT_EQ(code_of(accounts.change_password(ana.actor, "wrong guess 2", "a new long password")),
            "invalid_credentials");
  ASSERT_EQ(code_of(accounts.delete_account(ana.actor, "wrong guess 3")), "invalid_credentials");
  // Three wrong, across three routes: each is now slowed down, the right password too.
  EXPECT_EQ(code_of(sessions.log_in(ana.email, ana.password)), "rate_limited");
  EXPECT_EQ(code_of(accounts.change_password(ana.actor, ana.password, "a new long password")),
            "rate_limited");
  EXPECT_EQ(code_of(accounts.delete_account(ana.actor, ana.password)), "rate_limited");
  // Someone else is not slowed down by Ana's delay.
  Person ben = world.person("Ben");
  EXPECT_EQ(code_of(sessions.log_in(ben.email, ben.password)), "ok");
  // After the delay, the right password from a new session gets in.
  world.advance(seconds(1));
  EXPECT_EQ(code_of(sessions.log_in(ana.email, ana.password)), "ok");
}

TEST(PasswordSlowdown, AnUnknownAddressIsSlowedDownLikeAKnownOne) {
  World world;
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(code_of(world.services.sessions.log_in("nobody@example.test", "guess")),
              "invalid_credentials");
  }
  EXPECT_EQ(code_of(world.services.sessions.log_in("nobody@example.test", "guess")),
            "rate_limited");
}

}  // namespace
}  // namespace attune::app::testing
