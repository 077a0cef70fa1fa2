#include "crypto/secret.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace attune::crypto {
namespace {

TEST(SecretKey, DefaultIsAllZeros) {
  SecretKey key;
  EXPECT_EQ(key.bytes(), std::string(SecretKey::kSize, '\0'));
}

TEST(SecretKey, RandomKeysDiffer) {
  EXPECT_NE(SecretKey::random().bytes(), SecretKey::random().bytes());
}

TEST(SecretKey, FromBytesKeepsTheBytes) {
  const std::string raw(SecretKey::kSize, '\x5a');
  auto key = SecretKey::from_bytes(raw);
  ASSERT_TRUE(key);
  EXPECT_EQ(key->bytes(), raw);
}

TEST(SecretKey, FromBytesRefusesWrongLength) {
  EXPECT_FALSE(SecretKey::from_bytes(std::string(31, 'a')));
  EXPECT_FALSE(SecretKey::from_bytes(std::string(33, 'a')));
  auto empty = SecretKey::from_bytes("");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, base::ErrorCode::invalid_field);
}

TEST(SecretKey, MoveTransfersAndZeroesTheSource) {
  SecretKey a = SecretKey::random();
  const std::string original(a.bytes());
  SecretKey b(std::move(a));
  EXPECT_EQ(b.bytes(), original);
  EXPECT_EQ(a.bytes(), std::string(SecretKey::kSize, '\0'));  // NOLINT(bugprone-use-after-move)

  SecretKey c;
  c = std::move(b);
  EXPECT_EQ(c.bytes(), original);
  EXPECT_EQ(b.bytes(), std::string(SecretKey::kSize, '\0'));  // NOLINT(bugprone-use-after-move)
}

static_assert(!std::is_copy_constructible_v<SecretKey>);
static_assert(!std::is_copy_assignable_v<SecretKey>);
static_assert(std::is_nothrow_move_constructible_v<SecretKey>);

}  // namespace
}  // namespace attune::crypto
