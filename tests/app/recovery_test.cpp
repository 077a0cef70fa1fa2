// Account recovery at the use cases: the recovery code, the e-mail reset and the sign-up
// confirmed by e-mail, with a mailer that records what it is handed.
#include <gtest/gtest.h>

#include <regex>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using namespace std::chrono_literals;

class RecordingMailer final : public Mailer {
 public:
  void send(MailMessage message) override { sent.push_back(std::move(message)); }
  std::vector<MailMessage> sent;
};

std::string link_token(const MailMessage& mail, const std::string& kind) {
  std::smatch match;
  const std::regex link("/#/" + kind + "/([A-Za-z0-9_-]+)");
  return std::regex_search(mail.body, match, link) ? match[1].str() : "";
}

SignupInput signup(const std::string& email) {
  SignupInput input;
  input.email = email;
  input.password = "a long enough password";
  input.display_name = "Robin";
  input.confirm_adult = true;
  return input;
}

TEST(Recovery, ACodeResetsThePasswordEndsEverySessionAndIsUsedUp) {
  World world;
  auto created = world.services.registration.sign_up(signup("robin@example.test"));
  ASSERT_TRUE(created);
  ASSERT_FALSE(created->recovery_code.empty());
  auto first = world.log_in("robin@example.test", "a long enough password");
  (void)world.log_in("robin@example.test", "a long enough password");
  auto& recovery = world.services.recovery;
  EXPECT_TRUE(recovery.status(first).created_at);
  ASSERT_EQ(code_of(recovery.recover("robin@example.test", created->recovery_code,
                                     "a new long password")),
            "ok");
  EXPECT_EQ(world.events.ended_sessions.size(), 2u);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM sessions"), 0);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM recovery_codes"), 0);
  EXPECT_EQ(code_of(recovery.recover("robin@example.test", created->recovery_code,
                                     "another long password")),
            "invalid_credentials");
}

TEST(Recovery, AWrongCodeChangesNothing) {
  World world;
  auto created = world.services.registration.sign_up(signup("jo@example.test"));
  ASSERT_TRUE(created);
  const auto rows = world.count_all_rows();
  EXPECT_EQ(code_of(world.services.recovery.recover("jo@example.test", "0000-0000-0000-0000-0000",
                                                    "a new long password")),
            "invalid_credentials");
  EXPECT_EQ(world.count_all_rows(), rows);
  EXPECT_NO_THROW(world.log_in("jo@example.test", "a long enough password"));
}

TEST(Recovery, TheHashIsAllTheStoreKeeps) {
  World world;
  auto created = world.services.registration.sign_up(signup("kai@example.test"));
  ASSERT_TRUE(created);
  std::string plain = created->recovery_code;
  std::erase(plain, '-');
  auto tx = world.db->begin(store::TxMode::kRead);
  const auto rows = tx->query("SELECT code_hash FROM recovery_codes");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0].bytes(0).starts_with("$argon2id$"));
  EXPECT_EQ(rows[0].bytes(0).find(plain), std::string::npos);
}

TEST(EmailReset, ALinkGoesOnlyToAnAccountAtMostThreeAtOnceAndExpires) {
  World world;
  RecordingMailer mailer;
  auto person = world.person("Ola", std::string("ola@example.test"));
  world.context.mailer = &mailer;
  auto& reset = world.services.email_reset;
  EXPECT_EQ(code_of(reset.request("nobody@example.test")), "ok");
  EXPECT_TRUE(mailer.sent.empty());
  for (int i = 0; i < 4; ++i) EXPECT_EQ(code_of(reset.request("OLA@example.test")), "ok");
  ASSERT_EQ(mailer.sent.size(), 3u);
  EXPECT_EQ(mailer.sent[0].to, "ola@example.test");
  const auto token = link_token(mailer.sent[0], "reset");
  ASSERT_FALSE(token.empty());
  world.advance(31min);
  EXPECT_EQ(code_of(reset.reset(token, "a new long password")), "invalid_credentials");
  EXPECT_EQ(code_of(reset.request("ola@example.test")), "ok");
  ASSERT_EQ(mailer.sent.size(), 4u);
  EXPECT_EQ(code_of(reset.reset(link_token(mailer.sent[3], "reset"), "a new long password")), "ok");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM sessions"), 0);
  EXPECT_NO_THROW(world.log_in("ola@example.test", "a new long password"));
  world.context.mailer = nullptr;
  EXPECT_EQ(code_of(reset.request("ola@example.test")), "mail_not_configured");
}

TEST(Registration, WithEmailAnAccountWaitsForItsLinkAndATakenAddressIsToldQuietly) {
  World world;
  RecordingMailer mailer;
  world.context.mailer = &mailer;
  auto& registration = world.services.registration;
  auto fresh = registration.sign_up(signup("mo@example.test"));
  ASSERT_TRUE(fresh);
  EXPECT_TRUE(fresh->confirmation_sent);
  EXPECT_TRUE(fresh->id.empty());
  EXPECT_TRUE(fresh->recovery_code.empty());
  ASSERT_EQ(mailer.sent.size(), 1u);
  EXPECT_EQ(code_of(world.services.sessions.log_in("mo@example.test", "a long enough password")),
            "invalid_credentials");
  auto taken = registration.sign_up(signup("mo@example.test"));
  ASSERT_TRUE(taken);
  EXPECT_TRUE(taken->confirmation_sent);
  ASSERT_EQ(mailer.sent.size(), 2u);
  EXPECT_EQ(mailer.sent[1].subject, "A sign-up with your e-mail address");
  auto code = registration.confirm(link_token(mailer.sent[0], "confirm"));
  ASSERT_TRUE(code);
  EXPECT_EQ(code->size(), 24u);
  EXPECT_NO_THROW(world.log_in("mo@example.test", "a long enough password"));
}

TEST(Registration, AnAddressNeverConfirmedIsFreeAgainOnceItsLinkExpired) {
  World world;
  RecordingMailer mailer;
  world.context.mailer = &mailer;
  auto& registration = world.services.registration;
  ASSERT_TRUE(registration.sign_up(signup("squat@example.test")));
  world.advance(25h);
  ASSERT_TRUE(registration.sign_up(signup("squat@example.test")));
  ASSERT_EQ(mailer.sent.size(), 2u);
  EXPECT_EQ(mailer.sent[1].subject, "Please confirm your e-mail address");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM accounts"), 1);
  EXPECT_EQ(code_of(registration.confirm(link_token(mailer.sent[0], "confirm"))),
            "invalid_credentials");
  EXPECT_TRUE(registration.confirm(link_token(mailer.sent[1], "confirm")));
}

}  // namespace
}  // namespace attune::app::testing
