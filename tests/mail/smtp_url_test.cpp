#include "mail/smtp_url.h"

#include <gtest/gtest.h>

namespace attune::mail {
namespace {

TEST(SmtpUrl, HostAndPort) {
  auto address = parse_smtp_url("smtp://127.0.0.1:2525");
  ASSERT_TRUE(address);
  EXPECT_EQ(address->host, "127.0.0.1");
  EXPECT_EQ(address->port, 2525);
}

TEST(SmtpUrl, PortDefaultsTo25AndIpv6IsBracketed) {
  auto named = parse_smtp_url("smtp://mail.example.org/");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->host, "mail.example.org");
  EXPECT_EQ(named->port, 25);
  auto v6 = parse_smtp_url("smtp://[::1]:587");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 587);
}

TEST(SmtpUrl, RefusesWhatItCannotHonour) {
  for (const char* url :
       {"", "smtps://mail.example.org", "http://mail.example.org", "smtp://", "smtp://:25",
        "smtp://user:secret@mail.example.org", "smtp://mail.example.org:0",
        "smtp://mail.example.org:70000", "smtp://mail.example.org:2x", "smtp://::1:25",
        "smtp://mail.example.org/path", "smtp://[::1"}) {
    EXPECT_FALSE(parse_smtp_url(url)) << url;
  }
}

}  // namespace
}  // namespace attune::mail
