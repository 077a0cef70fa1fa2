#include "mail/mime_message.h"

#include <gtest/gtest.h>

namespace attune::mail {
namespace {

using namespace std::chrono;

TEST(MimeMessage, DateIsRfc5322InUtc) {
  const auto time = sys_days{year{2026} / December / 2} + hours(16) + minutes(5) + seconds(9);
  EXPECT_EQ(rfc5322_date(time), "Wed, 02 Dec 2026 16:05:09 +0000");
}

TEST(MimeMessage, AsciiHeaderValueStaysAsItIs) {
  EXPECT_EQ(encode_header_value("A note from attune"), "A note from attune");
}

TEST(MimeMessage, Utf8HeaderValueBecomesEncodedWordsThatNeverSplitACharacter) {
  // 30 two-byte characters: 60 bytes, more than one word holds.
  std::string text;
  for (int i = 0; i < 30; ++i) text += "\xC3\xA9";  // é
  const auto encoded = encode_header_value(text);
  EXPECT_TRUE(encoded.starts_with("=?UTF-8?B?"));
  const auto fold = encoded.find("\r\n ");
  ASSERT_NE(fold, std::string::npos);
  // 44 bytes (22 characters) fit the first word, not 45: the 45th byte is half an é.
  EXPECT_EQ(encoded.substr(0, fold),
            "=?UTF-8?B?w6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6k=?=");
  for (std::size_t start = 0; start < encoded.size();) {
    auto end = encoded.find("\r\n ", start);
    if (end == std::string::npos) end = encoded.size();
    EXPECT_LE(end - start, 75u);
    start = end + 3;
  }
}

TEST(MimeMessage, QuotedPrintableKeepsAsciiAndEscapesTheRest) {
  EXPECT_EQ(quoted_printable("Hello = you"), "Hello =3D you");
  EXPECT_EQ(quoted_printable("caf\xC3\xA9"), "caf=C3=A9");
  EXPECT_EQ(quoted_printable("trailing space \nnext"), "trailing space=20\r\nnext");
  EXPECT_EQ(quoted_printable("one\r\ntwo\n"), "one\r\ntwo\r\n");
}

TEST(MimeMessage, QuotedPrintableLinesStayUnder77Characters) {
  const std::string line(200, 'x');
  const auto encoded = quoted_printable(line + "\xC3\xA9" + line);
  std::size_t start = 0;
  std::string joined;
  while (start < encoded.size()) {
    auto end = encoded.find("\r\n", start);
    if (end == std::string::npos) end = encoded.size();
    const auto piece = encoded.substr(start, end - start);
    EXPECT_LE(piece.size(), 76u);
    joined += piece.ends_with('=') ? piece.substr(0, piece.size() - 1) : piece;
    start = end + 2;
  }
  EXPECT_EQ(joined, line + "=C3=A9" + line);
}

TEST(MimeMessage, DotStuffingDoublesALeadingDotOnEveryLine) {
  EXPECT_EQ(dot_stuff(".\r\n..x\r\na.b\r\n.end\r\n"), "..\r\n...x\r\na.b\r\n..end\r\n");
}

TEST(MimeMessage, AddressesThatCouldBreakTheProtocolAreUnusable) {
  EXPECT_TRUE(usable_address("sam@example.org"));
  EXPECT_TRUE(usable_address("s\xC3\xA9n@example.org"));
  EXPECT_FALSE(usable_address("sam@example.org>\r\nRCPT TO:<x@y.org"));
  EXPECT_FALSE(usable_address("a<b>@example.org"));
  EXPECT_FALSE(usable_address("sam example@org"));
  EXPECT_FALSE(usable_address("no-at-sign"));
  EXPECT_FALSE(usable_address("two@@example.org"));
}

TEST(MimeMessage, FormattedMessageHasItsHeadersAndCrlfLines) {
  const auto date = sys_days{year{2026} / January / 5} + hours(8);
  const auto text =
      format_message({"sam@example.org", "Hello\r\nBcc: x@y.org", "Line one\nLine two"},
                     {"attune@example.net", "abc@example.net", date});
  EXPECT_NE(text.find("Date: Mon, 05 Jan 2026 08:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(text.find("From: attune <attune@example.net>\r\n"), std::string::npos);
  EXPECT_NE(text.find("To: <sam@example.org>\r\n"), std::string::npos);
  // The line break in the subject cannot start a header of its own.
  EXPECT_NE(text.find("Subject: Hello  Bcc: x@y.org\r\n"), std::string::npos);
  EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(text.find("Message-ID: <abc@example.net>\r\n"), std::string::npos);
  EXPECT_NE(text.find("Content-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
  EXPECT_TRUE(text.ends_with("\r\n\r\nLine one\r\nLine two\r\n"));
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      EXPECT_EQ(text[i - 1], '\r') << "bare LF at " << i;
    }
  }
}

TEST(MimeMessage, DomainOfAnAddress) {
  EXPECT_EQ(domain_of("attune@example.net"), "example.net");
  EXPECT_EQ(domain_of("attune"), "localhost");
}

}  // namespace
}  // namespace attune::mail
