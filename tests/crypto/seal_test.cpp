#include "crypto/seal.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>

namespace attune::crypto {
namespace {

TEST(Seal, RoundTripsText) {
  const SecretKey key = SecretKey::random();
  const std::string aad = field_aad("rec1", "note");
  auto opened = open(key, seal(key, "we agreed on Sunday", aad), aad);
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, "we agreed on Sunday");
}

TEST(Seal, RoundTripsEmptyPlaintext) {
  const SecretKey key = SecretKey::random();
  const std::string sealed = seal(key, "", field_aad("r", "f"));
  EXPECT_EQ(sealed.size(), kSealOverhead);
  auto opened = open(key, sealed, field_aad("r", "f"));
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, "");
}

TEST(Seal, RoundTripsLargeBinaryPlaintext) {
  const SecretKey key = SecretKey::random();
  std::string big(4 * 1024 * 1024 + 7, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 131 % 251);
  auto opened = open(key, seal(key, big, "aad"), "aad");
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, big);
}

TEST(Seal, UsesAFreshNonceEachTime) {
  const SecretKey key = SecretKey::random();
  EXPECT_NE(seal(key, "same", "aad"), seal(key, "same", "aad"));
}

TEST(Seal, DoesNotContainThePlaintext) {
  const SecretKey key = SecretKey::random();
  const std::string secret = "my very private boundary answer";
  EXPECT_EQ(seal(key, secret, "aad").find(secret), std::string::npos);
}

TEST(Seal, DetectsTamperedCiphertextAtEveryByte) {
  const SecretKey key = SecretKey::random();
  const std::string sealed = seal(key, "check-in: tired but ok", "aad");
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    std::string tampered = sealed;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
    auto opened = open(key, tampered, "aad");
    ASSERT_FALSE(opened) << "byte " << i;
    EXPECT_EQ(opened.error().code, base::ErrorCode::internal);
  }
}

TEST(Seal, DetectsTruncationAndShortInput) {
  const SecretKey key = SecretKey::random();
  const std::string sealed = seal(key, "hello", "aad");
  EXPECT_FALSE(open(key, sealed.substr(0, sealed.size() - 1), "aad"));
  EXPECT_FALSE(open(key, sealed + "x", "aad"));
  EXPECT_FALSE(open(key, "", "aad"));
  EXPECT_FALSE(open(key, std::string(kSealOverhead - 1, '\0'), "aad"));
}

TEST(Seal, RefusesWrongAad) {
  const SecretKey key = SecretKey::random();
  const std::string sealed = seal(key, "note", field_aad("rec1", "note"));
  EXPECT_FALSE(open(key, sealed, field_aad("rec1", "title")));
  EXPECT_FALSE(open(key, sealed, field_aad("rec2", "note")));
  EXPECT_FALSE(open(key, sealed, ""));
}

TEST(Seal, RefusesCiphertextSwappedBetweenRecords) {
  const SecretKey key = SecretKey::random();
  const std::string a = seal(key, "Alice's answer", field_aad("rec-a", "answer"));
  const std::string b = seal(key, "Bob's answer", field_aad("rec-b", "answer"));
  EXPECT_FALSE(open(key, a, field_aad("rec-b", "answer")));
  EXPECT_FALSE(open(key, b, field_aad("rec-a", "answer")));
}

TEST(Seal, RefusesWrongKey) {
  const SecretKey key = SecretKey::random();
  const SecretKey other = SecretKey::random();
  EXPECT_FALSE(open(other, seal(key, "text", "aad"), "aad"));
}

TEST(Seal, FieldAadJoinsWithUnitSeparator) {
  EXPECT_EQ(field_aad("rec", "note"), std::string("rec\x1fnote"));
}

RC_GTEST_PROP(Seal, RoundTripsAnyPlaintext,
              (const std::string& plaintext, const std::string& record, const std::string& field)) {
  const SecretKey key = SecretKey::random();
  const std::string aad = field_aad(record, field);
  const std::string sealed = seal(key, plaintext, aad);
  RC_ASSERT(sealed.size() == plaintext.size() + kSealOverhead);
  auto opened = open(key, sealed, aad);
  RC_ASSERT(opened.has_value());
  RC_ASSERT(*opened == plaintext);
}

RC_GTEST_PROP(Seal, AnySingleBitFlipIsDetected, (const std::string& plaintext)) {
  const SecretKey key = SecretKey::random();
  std::string sealed = seal(key, plaintext, "aad");
  const auto index = *rc::gen::inRange<std::size_t>(0, sealed.size());
  const auto bit = *rc::gen::inRange(0, 8);
  sealed[index] = static_cast<char>(sealed[index] ^ (1 << bit));
  RC_ASSERT_FALSE(open(key, sealed, "aad").has_value());
}

}  // namespace
}  // namespace attune::crypto
