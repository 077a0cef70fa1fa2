#include "core/recovery_code.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace attune::core {
namespace {

TEST(RecoveryCode, FormatsFiveGroupsOfFourFromTheFirstHundredBits) {
  const std::string zeros(13, '\0');
  EXPECT_EQ(format_recovery_code(zeros), "0000-0000-0000-0000-0000");
  const std::string ones(13, '\xFF');
  EXPECT_EQ(format_recovery_code(ones), "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  // 0x08 = 00001 000..: the first digit is 1, the rest 0.
  std::string one_bit(13, '\0');
  one_bit[0] = '\x08';
  EXPECT_EQ(format_recovery_code(one_bit), "1000-0000-0000-0000-0000");
}

TEST(RecoveryCode, ReadsBackWhatPeopleTypeForgivingly) {
  EXPECT_EQ(normalize_recovery_code("7kq2-m9xd-abcd-efgh-jkmn"), "7KQ2M9XDABCDEFGHJKMN");
  EXPECT_EQ(normalize_recovery_code(" 7KQ2 M9XD ABCD EFGH JKMN "), "7KQ2M9XDABCDEFGHJKMN");
  EXPECT_EQ(normalize_recovery_code("OOOO-IIII-LLLL-0000-1111"), "00001111111100001111");
}

TEST(RecoveryCode, RefusesWhatCannotBeOne) {
  EXPECT_FALSE(normalize_recovery_code(""));
  EXPECT_FALSE(normalize_recovery_code("7KQ2-M9XD-ABCD-EFGH"));              // too short
  EXPECT_FALSE(normalize_recovery_code("7KQ2-M9XD-ABCD-EFGH-JKMN-P"));       // too long
  EXPECT_FALSE(normalize_recovery_code("7KQ2-M9XD-ABCD-EFGH-JKMU"));         // U is no digit
  EXPECT_FALSE(normalize_recovery_code("7KQ2-M9XD-ABCD-EFGH-JKM\xC3\xA9"));  // not ASCII
}

RC_GTEST_PROP(RecoveryCode, EveryFormattedCodeReadsBackAsItself, ()) {
  const auto bytes = *rc::gen::container<std::string>(13, rc::gen::arbitrary<char>());
  const auto code = format_recovery_code(bytes);
  RC_ASSERT(code.size() == 24u);
  std::string plain = code;
  std::erase(plain, '-');
  RC_ASSERT(normalize_recovery_code(code) == plain);
}

}  // namespace
}  // namespace attune::core
