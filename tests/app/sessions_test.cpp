// Log-in sessions: tokens end at log-out, "log out everywhere", idle and absolute expiry,
// CSRF tokens, and log-in errors that do not tell whether an account exists.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;

TEST(Sessions, TokenIsInvalidAfterLogOut) {
  World world;
  Person alex = world.person();
  ASSERT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "ok");
  world.services.sessions.log_out(alex.actor);
  EXPECT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "unauthenticated");
}

TEST(Sessions, LogOutEndsOnlyThatSession) {
  World world;
  Person alex = world.person();
  auto phone = world.services.sessions.log_in(alex.email, alex.password);
  ASSERT_TRUE(phone);
  world.services.sessions.log_out(alex.actor);
  EXPECT_EQ(code_of(world.services.sessions.authenticate(phone->token)), "ok");
}

TEST(Sessions, AfterRevokeOthersOnlyTheCurrentOneWorks) {
  World world;
  Person alex = world.person();
  auto phone = world.services.sessions.log_in(alex.email, alex.password);
  auto tablet = world.services.sessions.log_in(alex.email, alex.password);
  ASSERT_TRUE(phone && tablet);
  Person blake = world.person();

  world.services.sessions.revoke_others(alex.actor);

  EXPECT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "ok");
  EXPECT_EQ(code_of(world.services.sessions.authenticate(phone->token)), "unauthenticated");
  EXPECT_EQ(code_of(world.services.sessions.authenticate(tablet->token)), "unauthenticated");
  EXPECT_EQ(code_of(world.services.sessions.authenticate(blake.token)), "ok");
  auto listed = world.services.sessions.list(alex.actor);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(listed[0].current);
  EXPECT_EQ(listed[0].id, alex.actor.session_id);
}

// Every way a session ends tells the live layer which sessions ended, so it can close their
// connections; nothing else is named.
TEST(Sessions, EverySessionEndIsToldToTheLiveLayer) {
  World world;
  Person alex = world.person();
  auto phone = world.services.sessions.log_in(alex.email, alex.password);
  auto tablet = world.services.sessions.log_in(alex.email, alex.password);
  ASSERT_TRUE(phone && tablet);
  const auto ended = [&] { return std::exchange(world.events.ended_sessions, {}); };

  const auto phone_actor = world.services.sessions.authenticate(phone->token);
  ASSERT_TRUE(phone_actor);
  world.services.sessions.log_out(*phone_actor);
  EXPECT_EQ(ended(), std::vector<std::string>{phone_actor->session_id});

  const auto tablet_actor = world.services.sessions.authenticate(tablet->token);
  ASSERT_TRUE(tablet_actor);
  world.services.sessions.revoke_others(alex.actor);
  EXPECT_EQ(ended(), std::vector<std::string>{tablet_actor->session_id});

  auto again = world.services.sessions.log_in(alex.email, alex.password);
  ASSERT_TRUE(again);
  const auto again_actor = world.services.sessions.authenticate(again->token);
  ASSERT_TRUE(world.services.accounts.change_password(alex.actor, alex.password,
                                                      "a different long password"));
  EXPECT_EQ(ended(), std::vector<std::string>{again_actor->session_id});

  ASSERT_TRUE(world.services.accounts.delete_account(alex.actor, "a different long password"));
  EXPECT_EQ(ended(), std::vector<std::string>{alex.actor.session_id});
}

TEST(Sessions, IdleSessionExpiresAndUseKeepsItAlive) {
  World world;
  Person alex = world.person();
  const auto idle = std::chrono::duration_cast<milliseconds>(world.context.config.session_idle);
  world.advance(idle - milliseconds(1));
  ASSERT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "ok");
  // That use moved the idle deadline: another almost-full idle period is fine.
  world.advance(idle - milliseconds(1));
  ASSERT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "ok");
  world.advance(idle);
  EXPECT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "unauthenticated");
}

TEST(Sessions, SessionEndsAtItsAbsoluteLimitEvenWhenInUse) {
  World world;
  Person alex = world.person();
  const auto absolute =
      std::chrono::duration_cast<milliseconds>(world.context.config.session_absolute);
  const auto step = days(5);
  milliseconds elapsed{0};
  while (elapsed + step < absolute) {
    world.advance(step);
    elapsed += step;
    ASSERT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "ok");
  }
  world.advance(absolute - elapsed - milliseconds(1));
  ASSERT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "ok");
  world.advance(milliseconds(1));
  EXPECT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "unauthenticated");
}

TEST(Sessions, CsrfTokenMatchesOnlyItsOwnSession) {
  World world;
  Person alex = world.person();
  auto phone = world.services.sessions.log_in(alex.email, alex.password);
  ASSERT_TRUE(phone);
  EXPECT_TRUE(world.services.sessions.csrf_matches(alex.actor, alex.csrf));
  EXPECT_FALSE(world.services.sessions.csrf_matches(alex.actor, phone->csrf_token));
  EXPECT_FALSE(world.services.sessions.csrf_matches(alex.actor, alex.token));
  EXPECT_FALSE(world.services.sessions.csrf_matches(alex.actor, ""));
  EXPECT_FALSE(world.services.sessions.csrf_matches(alex.actor, alex.csrf + "x"));
}

TEST(Sessions, WrongPasswordAndUnknownEmailGiveTheSameError) {
  World world;
  Person alex = world.person();
  auto wrong_password = world.services.sessions.log_in(alex.email, "not the password");
  auto unknown_email = world.services.sessions.log_in("nobody@example.org", alex.password);
  auto malformed_email = world.services.sessions.log_in("nobody", alex.password);
  ASSERT_FALSE(wrong_password);
  ASSERT_FALSE(unknown_email);
  ASSERT_FALSE(malformed_email);
  EXPECT_EQ(code_of(wrong_password), "invalid_credentials");
  EXPECT_EQ(wrong_password.error().code, unknown_email.error().code);
  EXPECT_EQ(wrong_password.error().message, unknown_email.error().message);
  EXPECT_EQ(wrong_password.error().message, malformed_email.error().message);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM sessions"), 1);
}

TEST(Sessions, AuthenticateRefusesMadeUpTokens) {
  World world;
  world.person();
  EXPECT_EQ(code_of(world.services.sessions.authenticate("")), "unauthenticated");
  EXPECT_EQ(code_of(world.services.sessions.authenticate("made-up")), "unauthenticated");
  EXPECT_EQ(code_of(world.services.sessions.authenticate(std::string(4096, 'a'))),
            "unauthenticated");
}

}  // namespace
}  // namespace attune::app::testing
