#include "crypto/password.h"

#include <gtest/gtest.h>

#include <string>

namespace attune::crypto {
namespace {

constexpr PasswordCost kFast = PasswordCost::kTestOnlyFast;

TEST(Password, VerifiesTheRightPassword) {
  const std::string hash = hash_password("correct horse battery staple", kFast);
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(hash, "correct horse battery staple"));
}

TEST(Password, RejectsAWrongPassword) {
  const std::string hash = hash_password("correct horse battery staple", kFast);
  EXPECT_FALSE(verify_password(hash, "correct horse battery stapl"));
  EXPECT_FALSE(verify_password(hash, "Correct horse battery staple"));
  EXPECT_FALSE(verify_password(hash, ""));
}

TEST(Password, SaltsEachHash) {
  EXPECT_NE(hash_password("same", kFast), hash_password("same", kFast));
}

TEST(Password, HandlesEmptyAndBinaryPasswords) {
  const std::string binary("p\0ss\xff", 5);
  const std::string hash = hash_password(binary, kFast);
  EXPECT_TRUE(verify_password(hash, binary));
  EXPECT_FALSE(verify_password(hash, "p"));  // no truncation at the NUL
  EXPECT_TRUE(verify_password(hash_password("", kFast), ""));
}

TEST(Password, RejectsMalformedStoredHashes) {
  EXPECT_FALSE(verify_password("", "x"));
  EXPECT_FALSE(verify_password("$argon2id$garbage", "x"));
  EXPECT_FALSE(verify_password(std::string(1000, 'a'), "x"));
}

TEST(Password, NeedsRehashWhenTheCostChanges) {
  const std::string fast = hash_password("pw", kFast);
  EXPECT_FALSE(password_needs_rehash(fast, kFast));
  EXPECT_TRUE(password_needs_rehash(fast, PasswordCost::kInteractive));
  EXPECT_TRUE(password_needs_rehash("not a hash", kFast));
}

TEST(Password, InteractiveCostUsesProductionParameters) {
  const std::string hash = hash_password("pw", PasswordCost::kInteractive);
  EXPECT_NE(hash.find("m=65536"), std::string::npos) << hash;  // 64 MiB
  EXPECT_TRUE(verify_password(hash, "pw"));
  EXPECT_FALSE(password_needs_rehash(hash, PasswordCost::kInteractive));
}

}  // namespace
}  // namespace attune::crypto
