// Account and session routes through the real server: good and bad input, and that bad
// input changes nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "http/attune_process.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

class AccountsApi : public ::testing::Test {
 protected:
  AttuneProcess server;
  Api api{server.port()};

  std::string error_code(const TestResponse& response) {
    return json::parse(response.body)["error"]["code"];
  }
  TestResponse sign_up(json body) { return api.call("POST", "/api/v1/accounts", body.dump()); }
  TestResponse log_in(const std::string& email, const std::string& password) {
    return api.call("POST", "/api/v1/auth/login",
                    json{{"email", email}, {"password", password}}.dump());
  }
  static json valid_signup(const std::string& email) {
    return {{"email", email},
            {"password", "a long enough password"},
            {"display_name", "Ash"},
            {"confirm_adult", true},
            {"time_zone", "Europe/Berlin"}};
  }
};

TEST_F(AccountsApi, SignUpThenLogInGivesTokenCookieAndProfile) {
  ASSERT_EQ(sign_up(valid_signup("ash@example.test")).status, 201);
  auto login = log_in("ASH@example.test", "a long enough password");
  ASSERT_EQ(login.status, 200);
  auto body = json::parse(login.body);
  EXPECT_EQ(body["account"]["display_name"], "Ash");
  auto cookie = login.header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(login.header("cache-control"), "no-store");
  Person me{body["account"]["id"], body["token"], body["csrf_token"], "", "ash@example.test"};
  auto profile = api.call("GET", "/api/v1/me", "", &me);
  ASSERT_EQ(profile.status, 200);
  EXPECT_EQ(json::parse(profile.body)["time_zone"], "Europe/Berlin");
}

TEST_F(AccountsApi, BadSignUpsGetClearCodesAndCreateNothing) {
  EXPECT_EQ(api.call("POST", "/api/v1/accounts", "{not json").status, 400);
  EXPECT_EQ(error_code(api.call("POST", "/api/v1/accounts", "{not json")), "invalid_json");
  auto missing = sign_up({{"email", "x@example.test"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(error_code(missing), "missing_field");
  auto no_attestation = valid_signup("minor@example.test");
  no_attestation["confirm_adult"] = false;
  auto refused = sign_up(no_attestation);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(error_code(refused), "adult_confirmation_required");
  auto weak = valid_signup("weak@example.test");
  weak["password"] = "short";
  EXPECT_EQ(error_code(sign_up(weak)), "weak_password");
  auto bad_zone = valid_signup("zone@example.test");
  bad_zone["time_zone"] = "Mars/Olympus";
  EXPECT_EQ(error_code(sign_up(bad_zone)), "invalid_time_zone");
  auto bad_utf8 = valid_signup("utf@example.test");
  EXPECT_EQ(
      api.call("POST", "/api/v1/accounts",
               R"({"email":"u@example.test","password":"a long enough password","display_name":")" +
                   std::string("\xff\xfe") + R"(","confirm_adult":true})")
          .status,
      400);
  // Nothing was created by any of those.
  for (const char* email :
       {"minor@example.test", "weak@example.test", "zone@example.test", "u@example.test"}) {
    EXPECT_EQ(log_in(email, "a long enough password").status, 401) << email;
  }
}

TEST_F(AccountsApi, OversizeBodyIs413AndChangesNothing) {
  auto big = valid_signup("big@example.test");
  big["display_name"] = std::string(2 * 1024 * 1024, 'a');
  auto response = sign_up(big);
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(error_code(response), "body_too_large");
  EXPECT_EQ(log_in("big@example.test", "a long enough password").status, 401);
}

TEST_F(AccountsApi, DuplicateEmailIsConflict) {
  ASSERT_EQ(sign_up(valid_signup("dup@example.test")).status, 201);
  auto again = sign_up(valid_signup("Dup@Example.test"));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(error_code(again), "email_taken");
}

TEST_F(AccountsApi, TokenInvalidAfterLogout) {
  auto me = api.sign_up("Bea");
  ASSERT_EQ(api.call("GET", "/api/v1/me", "", &me).status, 200);
  ASSERT_EQ(api.call("POST", "/api/v1/auth/logout", "", &me).status, 204);
  auto after = api.call("GET", "/api/v1/me", "", &me);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(error_code(after), "unauthenticated");
}

TEST_F(AccountsApi, LogOutEverywhereEndsOtherSessionsOnly) {
  auto first = api.sign_up("Cai");
  auto login = log_in(first.email, "a long enough password");
  Person second = first;
  second.token = json::parse(login.body)["token"];
  auto sessions = api.call("GET", "/api/v1/auth/sessions", "", &second);
  EXPECT_EQ(json::parse(sessions.body)["sessions"].size(), 2u);
  ASSERT_EQ(api.call("DELETE", "/api/v1/auth/sessions", "", &second).status, 204);
  EXPECT_EQ(api.call("GET", "/api/v1/me", "", &first).status, 401);
  EXPECT_EQ(api.call("GET", "/api/v1/me", "", &second).status, 200);
}

TEST_F(AccountsApi, CookieWritesNeedTheCsrfHeader) {
  auto me = api.sign_up("Dee");
  TestHeaders cookie_only{{"Cookie", me.cookie}};
  auto refused =
      api.call("POST", "/api/v1/relationships", R"({"name":"Us"})", nullptr, cookie_only);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(error_code(refused), "csrf_token_invalid");
  EXPECT_EQ(api.call("GET", "/api/v1/relationships", "", nullptr, cookie_only).status, 200);
  auto with_csrf = cookie_only;
  with_csrf.emplace_back("X-CSRF-Token", me.csrf);
  EXPECT_EQ(
      api.call("POST", "/api/v1/relationships", R"({"name":"Us"})", nullptr, with_csrf).status,
      201);
}

TEST_F(AccountsApi, PasswordChangeEndsOtherSessions) {
  auto me = api.sign_up("Eli");
  auto other = log_in(me.email, "a long enough password");
  Person elsewhere = me;
  elsewhere.token = json::parse(other.body)["token"];
  auto wrong = api.call(
      "POST", "/api/v1/me/password",
      json{{"current_password", "not it at all"}, {"new_password", "another long password"}}.dump(),
      &me);
  EXPECT_EQ(wrong.status, 401);
  ASSERT_EQ(api.call("POST", "/api/v1/me/password",
                     json{{"current_password", "a long enough password"},
                          {"new_password", "another long password"}}
                         .dump(),
                     &me)
                .status,
            204);
  EXPECT_EQ(api.call("GET", "/api/v1/me", "", &elsewhere).status, 401);
  EXPECT_EQ(api.call("GET", "/api/v1/me", "", &me).status, 200);
  EXPECT_EQ(log_in(me.email, "another long password").status, 200);
}

TEST_F(AccountsApi, IdempotencyKeyReplaysForTheSameCallerOnly) {
  auto ann = api.sign_up("Ann");
  auto ben = api.sign_up("Ben");
  TestHeaders key{{"Idempotency-Key", "create-1"}};
  auto first = api.call("POST", "/api/v1/relationships", R"({"name":"Us"})", &ann, key);
  auto retry = api.call("POST", "/api/v1/relationships", R"({"name":"Us"})", &ann, key);
  ASSERT_EQ(first.status, 201);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(
      json::parse(api.call("GET", "/api/v1/relationships", "", &ann).body)["relationships"].size(),
      1u);
  auto reused = api.call("POST", "/api/v1/relationships", R"({"name":"Them"})", &ann, key);
  EXPECT_EQ(reused.status, 422);
  EXPECT_EQ(error_code(reused), "idempotency_key_reused");
  // Another caller's identical key is a new request, never a replay of Ann's.
  auto bens = api.call("POST", "/api/v1/relationships", R"({"name":"Us"})", &ben, key);
  ASSERT_EQ(bens.status, 201);
  EXPECT_NE(bens.body, first.body);
}

TEST_F(AccountsApi, DeletedAccountCannotLogInAndLeavesNoPlaintext) {
  const std::string canary_name = "Canary7f3a9c";
  auto body = valid_signup("canary-7f3a9c@example.test");
  body["display_name"] = canary_name;
  ASSERT_EQ(sign_up(body).status, 201);
  auto login = log_in("canary-7f3a9c@example.test", "a long enough password");
  Person me{json::parse(login.body)["account"]["id"], json::parse(login.body)["token"], "", "", ""};
  auto read_all = [&] {
    std::string bytes;
    for (const auto& entry : std::filesystem::directory_iterator(server.data_dir())) {
      std::ifstream file(entry.path(), std::ios::binary);
      std::stringstream content;
      content << file.rdbuf();
      bytes += content.str();
    }
    return bytes;
  };
  auto files = read_all();
  EXPECT_EQ(files.find(canary_name), std::string::npos);
  EXPECT_EQ(files.find("canary-7f3a9c"), std::string::npos);
  auto wrong = api.call("DELETE", "/api/v1/me", R"({"password":"not the password"})", &me);
  EXPECT_EQ(wrong.status, 401);
  ASSERT_EQ(
      api.call("DELETE", "/api/v1/me", R"({"password":"a long enough password"})", &me).status,
      204);
  EXPECT_EQ(log_in("canary-7f3a9c@example.test", "a long enough password").status, 401);
  EXPECT_EQ(api.call("GET", "/api/v1/me", "", &me).status, 401);
}

TEST_F(AccountsApi, ResourcesNeedNoLogin) {
  auto resources = api.call("GET", "/api/v1/resources");
  ASSERT_EQ(resources.status, 200);
  EXPECT_FALSE(json::parse(resources.body)["body"].get<std::string>().empty());
  EXPECT_EQ(api.call("GET", "/healthz").body, R"({"status":"ok"})");
}

TEST_F(AccountsApi, UnknownRouteIs404AndWrongMethod405) {
  auto me = api.sign_up("Fin");
  EXPECT_EQ(api.call("GET", "/api/v1/nothing-here", "", &me).status, 404);
  EXPECT_EQ(api.call("PUT", "/api/v1/me", "{}", &me).status, 405);
}

}  // namespace
}  // namespace attune::http::test

namespace attune::http::test {
namespace {

TEST(RateLimits, SignUpsFromOneAddressSlowDownWith429AndRetryAfter) {
  AttuneProcess server({}, /*default_limits=*/true);
  Api api(server.port());
  int accepted = 0;
  TestResponse last;
  for (int i = 0; i < 8; ++i) {
    last = api.call("POST", "/api/v1/accounts",
                    nlohmann::json{{"email", "r" + std::to_string(i) + "@example.test"},
                                   {"password", "a long enough password"},
                                   {"display_name", "R"},
                                   {"confirm_adult", true}}
                        .dump());
    if (last.status == 201) ++accepted;
  }
  EXPECT_EQ(accepted, 5);
  EXPECT_EQ(last.status, 429);
  EXPECT_GT(std::stoi(last.header("retry-after")), 0);
}

TEST(RateLimits, LoginGuessesAreLimitedPerAccountAndAddress) {
  AttuneProcess server({}, /*default_limits=*/true);
  Api api(server.port());
  auto me = api.sign_up("Gus");
  int limited = 0;
  for (int i = 0; i < 12; ++i) {
    auto guess = api.call(
        "POST", "/api/v1/auth/login",
        nlohmann::json{{"email", me.email}, {"password", "wrong guess " + std::to_string(i)}}
            .dump());
    if (guess.status == 429) ++limited;
  }
  EXPECT_GT(limited, 0);
  // The crisis resources are never limited, even for a caller that hit other limits.
  EXPECT_EQ(api.call("GET", "/api/v1/resources").status, 200);
}

}  // namespace
}  // namespace attune::http::test
