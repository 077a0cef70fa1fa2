#include "crypto/tokens.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <set>
#include <string>

namespace attune::crypto {
namespace {

TEST(Tokens, InitializeIsIdempotent) {
  initialize();
  initialize();
  SUCCEED();
}

TEST(Tokens, RandomTokensAre43UrlSafeCharsAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = random_token();
    ASSERT_EQ(token.size(), 43u);
    ASSERT_EQ(
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << token;
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Tokens, TokenHashIsStableHexAndDistinct) {
  const std::string token = random_token();
  const std::string hash = token_hash(token);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(token_hash(token), hash);
  EXPECT_NE(token_hash(random_token()), hash);
  EXPECT_EQ(hash.find(token), std::string::npos);
}

TEST(Tokens, TokenHashMatchesBlake2b256) {
  // BLAKE2b-256("abc"), from the reference implementation.
  EXPECT_EQ(token_hash("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST(Tokens, RandomIdsAreLowercaseHexAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = random_id();
    ASSERT_EQ(id.size(), 32u);
    ASSERT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Tokens, ConstantTimeEqualComparesContentAndLength) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "ab"));
  EXPECT_FALSE(constant_time_equal("", "a"));
  EXPECT_TRUE(constant_time_equal(std::string("a\0b", 3), std::string("a\0b", 3)));
  EXPECT_FALSE(constant_time_equal(std::string("a\0b", 3), std::string("a\0c", 3)));
}

RC_GTEST_PROP(Tokens, ConstantTimeEqualAgreesWithOperatorEquals,
              (const std::string& a, const std::string& b)) {
  RC_ASSERT(constant_time_equal(a, b) == (a == b));
  RC_ASSERT(constant_time_equal(a, a));
}

}  // namespace
}  // namespace attune::crypto
