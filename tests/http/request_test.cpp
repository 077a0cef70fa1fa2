// The Beast-free request and response types: decoding, query parameters, error bodies and
// the security headers.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <nlohmann/json.hpp>

#include "http/request.h"
#include "http/response.h"
#include "http/security_headers.h"

namespace attune::http {
namespace {

TEST(PercentDecode, DecodesEscapesAndRejectsMalformedOnes) {
  EXPECT_EQ(percent_decode("/a%20b%2Fc", false), "/a b/c");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("%zz", false), std::nullopt);
  EXPECT_EQ(percent_decode("%4", false), std::nullopt);
  EXPECT_EQ(percent_decode("%", false), std::nullopt);
}

TEST(DecodePath, AnEncodedSlashIsNeverASeparator) {
  EXPECT_EQ(decode_path("/api/v1/a%20b"), "/api/v1/a b");
  EXPECT_EQ(decode_path("/api/v1/relationships/abc%2Fleave"), std::nullopt);
  EXPECT_EQ(decode_path("/api/v1/relationships/abc%2fleave"), std::nullopt);
  EXPECT_EQ(decode_path("/api%2Fv1/me"), std::nullopt);
  EXPECT_EQ(decode_path("/api/v1/a%00"), std::nullopt);
  EXPECT_EQ(decode_path("/api/v1/%zz"), std::nullopt);
}

RC_GTEST_PROP(PercentDecode, NeverReadsPastTheEnd, (const std::string& text)) {
  const auto decoded = percent_decode(text, true);
  if (decoded) RC_ASSERT(decoded->size() <= text.size());
}

TEST(Request, QueryParamDecodesAndFindsTheFirstMatch) {
  Request request;
  request.query = "ticket=a%2Bb&x=1&x=2&flag&name=two+words";
  EXPECT_EQ(request.query_param("ticket"), "a+b");
  EXPECT_EQ(request.query_param("x"), "1");
  EXPECT_EQ(request.query_param("flag"), "");
  EXPECT_EQ(request.query_param("name"), "two words");
  EXPECT_EQ(request.query_param("missing"), "");
}

TEST(Request, HeaderLooksUpLowercaseNames) {
  Request request;
  request.headers["x-csrf-token"] = "t";
  EXPECT_EQ(request.header("x-csrf-token"), "t");
  EXPECT_EQ(request.header("authorization"), "");
}

TEST(Request, ApiPathsAreTheApiTreeAndHealthz) {
  EXPECT_TRUE(is_api_path("/api/v1/me"));
  EXPECT_TRUE(is_api_path("/api"));
  EXPECT_TRUE(is_api_path("/healthz"));
  EXPECT_FALSE(is_api_path("/apiary"));
  EXPECT_FALSE(is_api_path("/login"));
  EXPECT_FALSE(is_api_path("/healthz/x"));
}

TEST(Response, ErrorBodyEscapesItsStrings) {
  const auto response = Response::error(400, "bad_input", "say \"hi\"\n<script>");
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(body["error"]["code"], "bad_input");
  EXPECT_EQ(body["error"]["message"], "say \"hi\"\n<script>");
}

TEST(Response, ErrorBodySurvivesInvalidUtf8) {
  const auto response = Response::error(400, "bad_input", "\xff\xfe");
  EXPECT_TRUE(nlohmann::json::accept(response.body));
}

TEST(Response, SetHeaderReplacesCaseInsensitively) {
  Response response = Response::no_content();
  response.headers.emplace_back("cache-control", "public");
  response.set_header("Cache-Control", "no-store");
  EXPECT_EQ(response.status, 204);
  EXPECT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.header("CACHE-CONTROL"), "no-store");
}

TEST(SecurityHeaders, ApiResponsesAreNeverCachedOrFramed) {
  Response response = Response::json(200, "{}");
  response.set_header("Cache-Control", "max-age=60");
  apply_security_headers(response, true);
  EXPECT_EQ(response.header("Cache-Control"), "no-store");
  EXPECT_EQ(response.header("X-Frame-Options"), "DENY");
  EXPECT_EQ(response.header("Content-Security-Policy"),
            "default-src 'none'; frame-ancestors 'none'");
}

TEST(SecurityHeaders, HtmlGetsThePagePolicyAndStaticFilesKeepTheirCaching) {
  Response page;
  page.content_type = "text/html; charset=utf-8";
  page.set_header("Cache-Control", "no-cache");
  apply_security_headers(page, false);
  EXPECT_EQ(page.header("Content-Security-Policy"), kPageContentSecurityPolicy);
  EXPECT_EQ(page.header("Cache-Control"), "no-cache");
}

}  // namespace
}  // namespace attune::http
