// Odd bytes from a client get a 4xx and change nothing on either backend: invalid UTF-8 or
// NUL in a path id, NUL inside JSON text or id lists. (PostgreSQL refuses such bytes in
// text columns, which once turned these into 503s there.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/backend_server.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

using OddInput = TwoPartnersOnEachBackend;

// Invalid UTF-8 in a path id matches no route (404); a NUL anywhere in the path is a bad
// request at the transport (400).
TEST_P(OddInput, PathIdsWithInvalidUtf8AreNotFoundAndNulIsABadRequest) {
  for (const auto& [id, status] : {std::pair<std::string, int>{"%ff", 404},
                                   {"%c3%28", 404},
                                   {"%ed%a0%80", 404},
                                   {"%00", 400},
                                   {"a%00b", 400}}) {
    EXPECT_EQ(api_->call("GET", "/api/v1/agreements/" + id, "", &ann_).status, status) << id;
    EXPECT_EQ(api_->call("GET", "/api/v1/relationships/" + id, "", &ann_).status, status) << id;
    EXPECT_EQ(api_->call("PUT", "/api/v1/relationships/" + rid_ + "/boundaries/mine/" + id,
                         R"({"answer":"yes"})", &ann_)
                  .status,
              status)
        << id;
  }
}

// An encoded slash would let a path slip past a proxy's rule on a prefix: it is refused at
// the transport, never routed as a separator.
TEST_P(OddInput, AnEncodedSlashInAPathIsABadRequestNotASeparator) {
  const auto left = api_->call("POST", "/api/v1/relationships/" + rid_ + "%2Fleave", "{}", &ann_);
  EXPECT_EQ(left.status, 400) << left.body;
  const auto read = api_->call("GET", "/api/v1/relationships%2F" + rid_, "", &ann_);
  EXPECT_EQ(read.status, 400) << read.body;
  EXPECT_EQ(api_->call("GET", "/api/v1/relationships/" + rid_, "", &ann_).status, 200);
}

// Two readers of one body (a proxy's filter and this server) must never see different values.
TEST_P(OddInput, ARepeatedJsonKeyIsRefusedAndChangesNothing) {
  const auto item = api_->call("PUT", "/api/v1/relationships/" + rid_ + "/boundaries/mine/hugging",
                               R"({"answer":"no","answer":"yes"})", &ann_);
  EXPECT_EQ(item.status, 400) << item.body;
  EXPECT_EQ(json::parse(item.body)["error"]["code"], "invalid_json") << item.body;
  const auto mine =
      api_->call("GET", "/api/v1/relationships/" + rid_ + "/boundaries/mine", "", &ann_);
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(json::parse(mine.body)["answers"].empty());
}

TEST_P(OddInput, InvisibleOrDirectionReversingNamesAreRefused) {
  for (const char* name : {"\u200b", "\u3164", "\u202eevil", "\u2067x"}) {
    const auto created = api_->call("POST", "/api/v1/relationships",
                                    std::string(R"({"name":")") + name + R"("})", &ann_);
    EXPECT_EQ(created.status, 400) << name << " " << created.body;
    EXPECT_EQ(json::parse(created.body)["error"]["code"], "invalid_field") << created.body;
  }
  const auto signup = api_->call(
      "POST", "/api/v1/accounts",
      R"({"email":"ghost@example.org","password":"correct horse battery","display_name":"​‌","confirm_adult":true,"time_zone":"UTC"})");
  EXPECT_EQ(signup.status, 400) << signup.body;
  EXPECT_EQ(json::parse(signup.body)["error"]["code"], "invalid_field") << signup.body;
}

TEST_P(OddInput, NulInsideJsonTextOrIdListsIsRefused) {
  const auto invite =
      api_->call("POST", "/api/v1/invites/accept", R"({"code":"abc\u0000"})", &ben_);
  EXPECT_EQ(invite.status, 400) << invite.body;
  const auto item = api_->call("PUT", "/api/v1/relationships/" + rid_ + "/boundaries/mine/hugging",
                               R"({"answer":"yes","note":"a\u0000b"})", &ann_);
  EXPECT_EQ(item.status, 400) << item.body;
  const auto shared = api_->call(
      "GET", "/api/v1/relationships/" + rid_ + "/boundaries/shared?with=" + ann_.id + ",%00", "",
      &ann_);
  EXPECT_GE(shared.status, 400);
  EXPECT_LT(shared.status, 500) << shared.body;
  const auto mine =
      api_->call("GET", "/api/v1/relationships/" + rid_ + "/boundaries/mine", "", &ann_);
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(json::parse(mine.body)["answers"].empty());  // nothing was written
}

// A body that is not declared as JSON is refused before anything runs, even when it would
// parse as JSON; a declared charset is fine.
TEST_P(OddInput, ABodyThatIsNotDeclaredJsonIsUnsupportedAndChangesNothing) {
  const std::string body = R"({"name":"Tea on Sundays"})";
  for (const char* type :
       {"text/plain", "application/x-www-form-urlencoded", "application/jsonx"}) {
    const auto refused =
        api_->call("POST", "/api/v1/relationships", body, &ann_, {{"Content-Type", type}});
    EXPECT_EQ(refused.status, 415) << type << " " << refused.body;
    EXPECT_EQ(json::parse(refused.body)["error"]["code"], "unsupported_media_type") << type;
  }
  const auto listed = api_->call("GET", "/api/v1/relationships", "", &ann_);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(json::parse(listed.body)["relationships"].size(), 1u) << listed.body;
  const auto with_charset = api_->call("POST", "/api/v1/relationships", body, &ann_,
                                       {{"Content-Type", "Application/JSON; charset=utf-8"}});
  EXPECT_EQ(with_charset.status, 201) << with_charset.body;
}

// A method a path does not have is 405 with the methods it does have; HEAD included.
TEST_P(OddInput, AnotherMethodIsNotAllowedAndSaysWhichAre) {
  const auto head = api_->call("HEAD", "/api/v1/relationships", "", &ann_);
  EXPECT_EQ(head.status, 405);
  EXPECT_EQ(head.header("allow"), "POST, GET");
  const auto put = api_->call("PUT", "/api/v1/relationships", "", &ann_);
  EXPECT_EQ(put.status, 405);
  EXPECT_EQ(put.header("allow"), "POST, GET");
  EXPECT_EQ(api_->call("HEAD", "/api/v1/nothing-here", "", &ann_).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, OddInput, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace attune::http::test
