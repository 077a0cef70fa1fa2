#include "core/text.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace attune::core {
namespace {

TEST(Utf8, AcceptsEveryEncodingLength) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9"));           // é, 2 bytes
  EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));          // €, 3 bytes
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x8C\xBF"));      // 🌿, 4 bytes
  EXPECT_TRUE(is_valid_utf8(std::string("a\0b", 3)));  // NUL is a valid code point
}

TEST(Utf8, AcceptsTheEdgesOfEachRange) {
  EXPECT_TRUE(is_valid_utf8("\x7F"));              // U+007F
  EXPECT_TRUE(is_valid_utf8("\xC2\x80"));          // U+0080
  EXPECT_TRUE(is_valid_utf8("\xDF\xBF"));          // U+07FF
  EXPECT_TRUE(is_valid_utf8("\xE0\xA0\x80"));      // U+0800
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));      // U+E000, just above them
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x90\x80\x80"));  // U+10000
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(Utf8, RejectsOverlongForms) {
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // NUL in 2 bytes
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));          // U+007F in 2 bytes
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\x80"));      // NUL in 3 bytes
  EXPECT_FALSE(is_valid_utf8("\xE0\x9F\xBF"));      // U+07FF in 3 bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\x80"));  // NUL in 4 bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in 4 bytes
}

TEST(Utf8, RejectsSurrogates) {
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));              // U+D800
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));              // U+DFFF
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\xBD\xED\xB2\xA9"));  // a CESU-8 surrogate pair
}

TEST(Utf8, RejectsCodePointsAboveTheLast) {
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));  // old 5-byte form
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(Utf8, RejectsTruncatedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x8C"));
  EXPECT_FALSE(is_valid_utf8("ok\xF0\x9F"));
}

TEST(Utf8, RejectsStrayAndBrokenContinuations) {
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(
      is_valid_utf8("a\xBF"
                    "b"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x28\xA1"));      // second byte not a continuation
  EXPECT_FALSE(is_valid_utf8("\xE2\x82\x28"));      // third byte not a continuation
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x8C\x41"));  // fourth byte not a continuation
}

TEST(Utf8, CountsCodePointsNotBytes) {
  EXPECT_EQ(char_count(""), 0u);
  EXPECT_EQ(char_count("abc"), 3u);
  EXPECT_EQ(char_count("caf\xC3\xA9"), 4u);
  EXPECT_EQ(char_count("\xF0\x9F\x8C\xBF\xE2\x82\xAC"), 2u);
}

// Encodes a scalar value the textbook way, to check the validator against.
std::string encode(std::uint32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

rc::Gen<std::uint32_t> scalar_value_gen() {
  return rc::gen::suchThat(rc::gen::inRange<std::uint32_t>(0, 0x110000),
                           [](std::uint32_t cp) { return cp < 0xD800 || cp > 0xDFFF; });
}

RC_GTEST_PROP(Utf8, AcceptsAndCountsAnyEncodedScalarValues, ()) {
  const auto code_points = *rc::gen::container<std::vector<std::uint32_t>>(scalar_value_gen());
  std::string text;
  for (auto cp : code_points) text += encode(cp);
  RC_ASSERT(is_valid_utf8(text));
  RC_ASSERT(char_count(text) == code_points.size());
}

RC_GTEST_PROP(Utf8, RejectsAnyTruncatedMultibyteEnding, ()) {
  const auto cp = *rc::gen::inRange<std::uint32_t>(0x80, 0x110000);
  RC_PRE(cp < 0xD800 || cp > 0xDFFF);
  const std::string full = encode(cp);
  const auto cut = *rc::gen::inRange<std::size_t>(1, full.size());
  RC_ASSERT(!is_valid_utf8("ok" + full.substr(0, cut)));
}

RC_GTEST_PROP(Utf8, RejectsAnyEncodedSurrogate, ()) {
  const auto cp = *rc::gen::inRange<std::uint32_t>(0xD800, 0xE000);
  RC_ASSERT(!is_valid_utf8(encode(cp)));
}

TEST(Text, TrimStripsAsciiWhitespaceAtBothEnds) {
  EXPECT_EQ(trim("  red light \t\r\n"), "red light");
  EXPECT_EQ(trim("\v\f"), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("inner  space"), "inner  space");
}

TEST(Text, BlankMeansEmptyOrWhitespaceOnly) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \t\n"));
  EXPECT_FALSE(is_blank(" x "));
}

TEST(Text, RequiredBlankIsMissing) {
  for (std::string_view value : {"", "   ", "\n\t"}) {
    const auto status = check_text("pause_word", value, 64, true);
    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().code, base::ErrorCode::missing_field);
    EXPECT_NE(status.error().message.find("pause_word"), std::string::npos);
  }
}

TEST(Text, OptionalBlankPasses) {
  EXPECT_TRUE(check_text("aftercare", "", 2000, false).has_value());
  EXPECT_TRUE(check_text("aftercare", "  ", 2000, false).has_value());
}

TEST(Text, InvalidUtf8IsReportedWithoutEchoingTheValue) {
  const auto status = check_text("note", "secret\xC0\x80", 100, false);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code, base::ErrorCode::invalid_utf8);
  EXPECT_NE(status.error().message.find("note"), std::string::npos);
  EXPECT_EQ(status.error().message.find("secret"), std::string::npos);
}

TEST(Text, LengthLimitCountsCharacters) {
  std::string leaves;
  for (int i = 0; i < 64; ++i) leaves += "\xF0\x9F\x8C\xBF";  // 256 bytes, 64 characters
  EXPECT_TRUE(check_text("pause_word", leaves, 64, true).has_value());
  const auto status = check_text("pause_word", leaves + "x", 64, true);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code, base::ErrorCode::field_too_long);
  EXPECT_NE(status.error().message.find("pause_word"), std::string::npos);
  EXPECT_EQ(status.error().message.find("\xF0\x9F\x8C\xBF"), std::string::npos);
}

TEST(Text, TooLongOptionalFieldFails) {
  const auto status = check_text("aftercare", std::string(2001, 'a'), 2000, false);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code, base::ErrorCode::field_too_long);
  EXPECT_TRUE(check_text("aftercare", std::string(2000, 'a'), 2000, false).has_value());
}

}  // namespace
}  // namespace attune::core
