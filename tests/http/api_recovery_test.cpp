// Account recovery through the real server: the recovery code (shown once at sign-up,
// regenerable, used up by a reset) and, with SMTP configured, the e-mail reset and the sign-up
// confirmed by e-mail, through a throwaway SMTP server. Nothing answers differently for an
// address that has no account.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "http/attune_process.h"
#include "support/smtp_sink.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

const char* kPassword = "a long enough password";
const char* kNewPassword = "a brand new long password";

std::string error_code(const TestResponse& response) {
  return json::parse(response.body)["error"]["code"];
}

json signup_body(const std::string& email) {
  return {{"email", email},
          {"password", kPassword},
          {"display_name", "Rowan"},
          {"confirm_adult", true}};
}

TestResponse log_in(Api& api, const std::string& email, const std::string& password) {
  return api.call("POST", "/api/v1/auth/login",
                  json{{"email", email}, {"password", password}}.dump());
}

Person person_from(const TestResponse& login, const std::string& email) {
  auto body = json::parse(login.body);
  return {body["account"]["id"], body["token"], body["csrf_token"], "", email};
}

TestResponse recover(Api& api, const std::string& email, const std::string& code,
                     const std::string& password = kNewPassword) {
  return api.call(
      "POST", "/api/v1/auth/recover",
      json{{"email", email}, {"recovery_code", code}, {"new_password", password}}.dump());
}

// The token in the first link of the form <public_url>/#/<kind>/<token> in a message.
std::string token_in(const std::string& body, const std::string& kind) {
  std::smatch match;
  const std::regex link("https://app\\.example\\.test/#/" + kind + "/([A-Za-z0-9_-]+)");
  return std::regex_search(body, match, link) ? match[1].str() : "";
}

class RecoveryApi : public ::testing::Test {
 protected:
  AttuneProcess server;
  Api api{server.port()};
};

TEST_F(RecoveryApi, TheCodeShownAtSignUpResetsThePasswordAndEndsEverySession) {
  auto created = api.call("POST", "/api/v1/accounts", signup_body("rowan@example.test").dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string code = json::parse(created.body)["recovery_code"];
  EXPECT_TRUE(
      std::regex_match(code, std::regex("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}")))
      << code;
  auto session = person_from(log_in(api, "rowan@example.test", kPassword), "rowan@example.test");
  auto status = json::parse(api.call("GET", "/api/v1/me/recovery-code", "", &session).body);
  EXPECT_TRUE(status["exists"].get<bool>());

  // Typed by hand: lower case, spaces instead of dashes.
  std::string typed = code;
  for (auto& c : typed) c = c == '-' ? ' ' : static_cast<char>(std::tolower(c));
  EXPECT_EQ(recover(api, "Rowan@Example.test", typed).status, 204);
  EXPECT_EQ(api.call("GET", "/api/v1/me", "", &session).status, 401);
  EXPECT_EQ(log_in(api, "rowan@example.test", kPassword).status, 401);
  auto again = log_in(api, "rowan@example.test", kNewPassword);
  ASSERT_EQ(again.status, 200);
  // Used up: the same code does not work twice, and the account says it has none.
  EXPECT_EQ(recover(api, "rowan@example.test", code, "yet another long password").status, 401);
  auto me = person_from(again, "rowan@example.test");
  status = json::parse(api.call("GET", "/api/v1/me/recovery-code", "", &me).body);
  EXPECT_FALSE(status["exists"].get<bool>());
}

TEST_F(RecoveryApi, AnUnknownAddressAndAWrongCodeGetTheSameAnswer) {
  auto created = api.call("POST", "/api/v1/accounts", signup_body("sky@example.test").dump());
  ASSERT_EQ(created.status, 201);
  auto unknown = recover(api, "nobody@example.test", "0000-0000-0000-0000-0000");
  auto wrong = recover(api, "sky@example.test", "0000-0000-0000-0000-0000");
  auto malformed = recover(api, "sky@example.test", "not a code");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.status, unknown.status);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(malformed.body, unknown.body);
  EXPECT_EQ(error_code(unknown), "invalid_credentials");
  // Nothing changed for the account.
  EXPECT_EQ(log_in(api, "sky@example.test", kPassword).status, 200);
  // A weak new password is refused before anything is looked up, for every address alike.
  EXPECT_EQ(error_code(recover(api, "sky@example.test", "x", "short")), "weak_password");
}

TEST_F(RecoveryApi, ANewCodeNeedsThePasswordAndReplacesTheOldOne) {
  auto created = api.call("POST", "/api/v1/accounts", signup_body("ira@example.test").dump());
  const std::string old_code = json::parse(created.body)["recovery_code"];
  auto me = person_from(log_in(api, "ira@example.test", kPassword), "ira@example.test");
  auto refused = api.call("POST", "/api/v1/me/recovery-code",
                          json{{"password", "not the password"}}.dump(), &me);
  EXPECT_EQ(refused.status, 401);
  auto made =
      api.call("POST", "/api/v1/me/recovery-code", json{{"password", kPassword}}.dump(), &me);
  ASSERT_EQ(made.status, 200);
  const std::string new_code = json::parse(made.body)["recovery_code"];
  EXPECT_NE(new_code, old_code);
  EXPECT_EQ(recover(api, "ira@example.test", old_code).status, 401);
  EXPECT_EQ(recover(api, "ira@example.test", new_code).status, 204);
}

TEST_F(RecoveryApi, WithoutSmtpThereIsNoEmailResetAndSignUpSaysTheAddressIsTaken) {
  EXPECT_FALSE(json::parse(api.call("GET", "/api/v1/auth/options").body)["email"].get<bool>());
  auto asked = api.call("POST", "/api/v1/auth/reset-request",
                        json{{"email", "someone@example.test"}}.dump());
  EXPECT_EQ(asked.status, 422);
  EXPECT_EQ(error_code(asked), "mail_not_configured");
  ASSERT_EQ(api.call("POST", "/api/v1/accounts", signup_body("kim@example.test").dump()).status,
            201);
  auto taken = api.call("POST", "/api/v1/accounts", signup_body("kim@example.test").dump());
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(error_code(taken), "email_taken");
}

TEST_F(RecoveryApi, TheTimeZoneCanBeChanged) {
  auto me = api.sign_up("Tao");
  auto changed =
      api.call("PATCH", "/api/v1/me", json{{"time_zone", "America/Toronto"}}.dump(), &me);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(json::parse(api.call("GET", "/api/v1/me", "", &me).body)["time_zone"],
            "America/Toronto");
  auto bad = api.call("PATCH", "/api/v1/me", json{{"time_zone", "Mars/Base"}}.dump(), &me);
  EXPECT_EQ(error_code(bad), "invalid_time_zone");
}

TEST(RecoveryLimits, SignUpOfATakenAddressIsRateLimitedLikeALogIn) {
  AttuneProcess server({}, /*default_limits=*/true);
  Api api(server.port());
  ASSERT_EQ(api.call("POST", "/api/v1/accounts", signup_body("lee@example.test").dump()).status,
            201);
  // Five sign-ups a minute from one address, the first included. Windows are whole
  // minutes: should one end mid-way, the count starts again.
  int attempts = 0;
  int status = 409;
  while (status == 409 && attempts < 11) {
    status = api.call("POST", "/api/v1/accounts", signup_body("lee@example.test").dump()).status;
    ++attempts;
  }
  EXPECT_EQ(status, 429);
  EXPECT_GE(attempts, 5);
  EXPECT_LE(attempts, 10);
}

class EmailRecoveryApi : public ::testing::Test {
 protected:
  attune::test::SmtpSink sink;
  AttuneProcess server{
      {},
      false,
      {{"ATTUNE_SMTP_URL", sink.url()}, {"ATTUNE_PUBLIC_URL", "https://app.example.test"}}};
  Api api{server.port()};

  // Signs up through the confirmation e-mail; returns the recovery code shown at confirmation.
  std::string sign_up_confirmed(const std::string& email, std::size_t mails_before) {
    auto created = api.call("POST", "/api/v1/accounts", signup_body(email).dump());
    EXPECT_EQ(created.status, 202) << created.body;
    auto mails = sink.wait_for(mails_before + 1);
    EXPECT_EQ(mails.size(), mails_before + 1);
    if (mails.size() <= mails_before) return "";
    const auto token = token_in(mails.back().body, "confirm");
    auto confirmed = api.call("POST", "/api/v1/auth/confirm", json{{"token", token}}.dump());
    EXPECT_EQ(confirmed.status, 200) << confirmed.body;
    return json::parse(confirmed.body).value("recovery_code", "");
  }
};

TEST_F(EmailRecoveryApi, SignUpAnswersTheSameForATakenAddressAndConfirmsByEmail) {
  EXPECT_TRUE(json::parse(api.call("GET", "/api/v1/auth/options").body)["email"].get<bool>());
  auto fresh = api.call("POST", "/api/v1/accounts", signup_body("noor@example.test").dump());
  ASSERT_EQ(fresh.status, 202);
  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].rcpt_to.at(0), "noor@example.test");
  EXPECT_EQ(mails[0].subject, "Please confirm your e-mail address");
  // Not usable before the link.
  EXPECT_EQ(log_in(api, "noor@example.test", kPassword).status, 401);
  const auto token = token_in(mails[0].body, "confirm");
  ASSERT_FALSE(token.empty()) << mails[0].body;
  auto confirmed = api.call("POST", "/api/v1/auth/confirm", json{{"token", token}}.dump());
  ASSERT_EQ(confirmed.status, 200);
  EXPECT_EQ(json::parse(confirmed.body)["recovery_code"].get<std::string>().size(), 24u);
  EXPECT_EQ(log_in(api, "noor@example.test", kPassword).status, 200);
  EXPECT_EQ(api.call("POST", "/api/v1/auth/confirm", json{{"token", token}}.dump()).status, 401);

  // The same address again: the same answer, and its owner hears that someone tried.
  auto taken = api.call("POST", "/api/v1/accounts", signup_body("noor@example.test").dump());
  EXPECT_EQ(taken.status, fresh.status);
  EXPECT_EQ(taken.body, fresh.body);
  mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[1].subject, "A sign-up with your e-mail address");
  EXPECT_NE(mails[1].body.find("already has an account"), std::string::npos);
  EXPECT_EQ(log_in(api, "noor@example.test", kPassword).status, 200);
}

TEST_F(EmailRecoveryApi, AResetLinkGoesOnlyToAnAccountAndSaysNothingPrivate) {
  sign_up_confirmed("ada@example.test", 0);
  auto before = person_from(log_in(api, "ada@example.test", kPassword), "ada@example.test");
  auto unknown =
      api.call("POST", "/api/v1/auth/reset-request", json{{"email", "nobody@example.test"}}.dump());
  auto known =
      api.call("POST", "/api/v1/auth/reset-request", json{{"email", "ada@example.test"}}.dump());
  EXPECT_EQ(known.status, 202);
  EXPECT_EQ(unknown.status, known.status);
  EXPECT_EQ(unknown.body, known.body);
  auto mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2u);
  // Give a message to nobody@ the time to arrive, were one sent.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(sink.messages().size(), 2u);
  const auto& mail = mails[1];
  EXPECT_EQ(mail.rcpt_to, std::vector<std::string>{"ada@example.test"});
  EXPECT_EQ(mail.subject, "Your password reset link");
  EXPECT_NE(mail.body.find("Someone asked to set a new password"), std::string::npos);
  EXPECT_NE(mail.body.find("If you did not ask for this, you can ignore this message"),
            std::string::npos);
  for (const char* private_word :
       {"Rowan", "partner", "relationship", "intima", "consent", "practice", "attune"}) {
    EXPECT_EQ(mail.subject.find(private_word), std::string::npos) << private_word;
    EXPECT_EQ(mail.body.find(private_word), std::string::npos) << private_word;
  }
  const auto token = token_in(mail.body, "reset");
  ASSERT_FALSE(token.empty()) << mail.body;
  auto reset = api.call("POST", "/api/v1/auth/reset",
                        json{{"token", token}, {"new_password", kNewPassword}}.dump());
  EXPECT_EQ(reset.status, 204) << reset.body;
  EXPECT_EQ(api.call("GET", "/api/v1/me", "", &before).status, 401);
  EXPECT_EQ(log_in(api, "ada@example.test", kNewPassword).status, 200);
  auto reused =
      api.call("POST", "/api/v1/auth/reset",
               json{{"token", token}, {"new_password", "yet another long password"}}.dump());
  EXPECT_EQ(reused.status, 401);
  EXPECT_EQ(log_in(api, "ada@example.test", kNewPassword).status, 200);
}

}  // namespace
}  // namespace attune::http::test
