#include "core/email.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

TEST(Email, TrimsAndLowercases) {
  EXPECT_EQ(normalize_email("  Alex.Doe@Example.ORG\n"), "alex.doe@example.org");
}

TEST(Email, KeepsPlusAndSubdomains) {
  EXPECT_EQ(normalize_email("a+tag@mail.example.co.uk"), "a+tag@mail.example.co.uk");
}

TEST(Email, KeepsNonAsciiAsTyped) {
  EXPECT_EQ(normalize_email("J\xC3\xB6rg@Example.de"), "j\xC3\xB6rg@example.de");
}

TEST(Email, RejectsMissingOrRepeatedAt) {
  EXPECT_EQ(normalize_email("alex.example.org"), std::nullopt);
  EXPECT_EQ(normalize_email("alex@@example.org"), std::nullopt);
  EXPECT_EQ(normalize_email("a@b@example.org"), std::nullopt);
}

TEST(Email, RejectsEmptyLocalOrDomain) {
  EXPECT_EQ(normalize_email("@example.org"), std::nullopt);
  EXPECT_EQ(normalize_email("alex@"), std::nullopt);
  EXPECT_EQ(normalize_email(""), std::nullopt);
  EXPECT_EQ(normalize_email("   "), std::nullopt);
}

TEST(Email, RejectsDomainWithoutProperDots) {
  EXPECT_EQ(normalize_email("alex@localhost"), std::nullopt);
  EXPECT_EQ(normalize_email("alex@.example.org"), std::nullopt);
  EXPECT_EQ(normalize_email("alex@example.org."), std::nullopt);
  EXPECT_EQ(normalize_email("alex@example..org"), std::nullopt);
}

TEST(Email, RejectsInnerSpacesAndControlCharacters) {
  EXPECT_EQ(normalize_email("alex doe@example.org"), std::nullopt);
  EXPECT_EQ(normalize_email("alex@exa\tmple.org"), std::nullopt);
  EXPECT_EQ(normalize_email(std::string("alex\0@example.org", 17)), std::nullopt);
  EXPECT_EQ(normalize_email("alex\x7F@example.org"), std::nullopt);
  EXPECT_EQ(normalize_email("alex\r\nBcc: x@example.org"), std::nullopt);
}

TEST(Email, RejectsInvalidUtf8) {
  EXPECT_EQ(normalize_email("al\xC0\x80@example.org"), std::nullopt);
}

TEST(Email, AcceptsUpTo254BytesAfterTrimming) {
  const std::string domain = "@example.org";  // 12 bytes
  const std::string at_limit = std::string(254 - domain.size(), 'a') + domain;
  EXPECT_EQ(normalize_email("  " + at_limit + "  "), at_limit);
  EXPECT_EQ(normalize_email("a" + at_limit), std::nullopt);
}

}  // namespace
}  // namespace attune::core
