#include "crypto/hex.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>

namespace attune::crypto {
namespace {

TEST(Hex, EncodesLowercase) {
  EXPECT_EQ(to_hex(""), "");
  EXPECT_EQ(to_hex(std::string("\x00\x01\xab\xff", 4)), "0001abff");
}

TEST(Hex, DecodesEitherCase) {
  EXPECT_EQ(*from_hex("0001abff"), std::string("\x00\x01\xab\xff", 4));
  EXPECT_EQ(*from_hex("0001ABFF"), std::string("\x00\x01\xab\xff", 4));
  EXPECT_EQ(*from_hex(""), "");
}

TEST(Hex, RefusesInvalidInput) {
  for (const char* bad : {"0", "abc", "zz", "0g", "00 ", " 00", "0x00", "00:11"}) {
    auto decoded = from_hex(bad);
    ASSERT_FALSE(decoded) << bad;
    EXPECT_EQ(decoded.error().code, base::ErrorCode::invalid_field);
  }
}

RC_GTEST_PROP(Hex, RoundTripsAnyBytes, (const std::string& raw)) {
  const std::string hex = to_hex(raw);
  RC_ASSERT(hex.size() == raw.size() * 2);
  auto back = from_hex(hex);
  RC_ASSERT(back.has_value());
  RC_ASSERT(*back == raw);
}

}  // namespace
}  // namespace attune::crypto
