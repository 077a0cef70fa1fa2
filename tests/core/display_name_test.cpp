#include "core/display_name.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

bool refused(std::string_view name) { return !check_visible_name("display_name", name); }

TEST(VisibleName, OrdinaryNamesInAnyScriptPass) {
  EXPECT_FALSE(refused("Sam"));
  EXPECT_FALSE(refused("Zoë"));
  EXPECT_FALSE(refused("明"));
  EXPECT_FALSE(refused("Ana María"));
  EXPECT_FALSE(refused("🌱"));
  EXPECT_FALSE(refused("\xD8\xB3\xD8\xA7\xD8\xB1\xD8\xA7"));  // Arabic, right-to-left by itself
}

TEST(VisibleName, ANameOfOnlyInvisibleCharactersIsRefused) {
  EXPECT_TRUE(refused("\xE2\x80\x8B"));              // a lone zero-width space
  EXPECT_TRUE(refused("\xE2\x80\x8B\xE2\x80\x8C"));  // zero-width space and non-joiner
  EXPECT_TRUE(refused("\xE3\x85\xA4"));              // Hangul filler
  EXPECT_TRUE(refused("\xEF\xBB\xBF"));              // byte-order mark
  EXPECT_TRUE(refused("\xC2\xA0\xE3\x80\x80"));      // no-break and ideographic spaces
  EXPECT_TRUE(refused("\xE2\xA0\x80"));              // braille blank
  const auto error = check_visible_name("display_name", "\xE2\x80\x8B").error();
  EXPECT_EQ(error.code, base::ErrorCode::invalid_field);
}

TEST(VisibleName, AVisibleCharacterBesideInvisibleOnesPasses) {
  EXPECT_FALSE(refused("A\xE2\x80\x8B"));
  EXPECT_FALSE(
      refused("\xE2\x80\x8B"
              "B"));
}

TEST(VisibleName, ALeadingDirectionControlIsRefused) {
  EXPECT_TRUE(
      refused("\xE2\x80\xAE"
              "maS"));  // right-to-left override
  EXPECT_TRUE(
      refused("\xE2\x81\xA7"
              "Sam"));  // right-to-left isolate
  EXPECT_TRUE(
      refused("\xE2\x80\x8F"
              "Sam"));  // right-to-left mark
  EXPECT_TRUE(
      refused("\xD8\x9C"
              "Sam"));  // Arabic letter mark
}

TEST(VisibleName, InvalidUtf8IsRefused) {
  const auto result = check_visible_name("display_name", "\xC3");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, base::ErrorCode::invalid_utf8);
}

}  // namespace
}  // namespace attune::core
