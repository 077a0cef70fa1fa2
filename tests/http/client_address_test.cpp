// Who the client is behind (trusted or untrusted) proxies.
#include "http/client_address.h"

#include <gtest/gtest.h>

namespace attune::http {
namespace {

const std::vector<std::string> kProxies = {"10.0.0.1", "10.0.0.2"};

TEST(ClientAddress, UntrustedPeerIsTheClientWhateverItClaims) {
  const auto client = resolve_client_address("198.51.100.7", "203.0.113.9", "https", kProxies);
  EXPECT_EQ(client.address, "198.51.100.7");
  EXPECT_FALSE(client.secure);
}

TEST(ClientAddress, TrustedProxyForwardsClientAndScheme) {
  const auto client = resolve_client_address("10.0.0.1", "203.0.113.9", "https", kProxies);
  EXPECT_EQ(client.address, "203.0.113.9");
  EXPECT_TRUE(client.secure);
}

TEST(ClientAddress, ClientCannotPrependAnAddressThroughTheProxy) {
  // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real address.
  const auto client = resolve_client_address("10.0.0.1", "1.2.3.4, 203.0.113.9", "", kProxies);
  EXPECT_EQ(client.address, "203.0.113.9");
  EXPECT_FALSE(client.secure);
}

TEST(ClientAddress, ChainsOfTrustedProxiesAreSkipped) {
  const auto client =
      resolve_client_address("10.0.0.1", "203.0.113.9, 10.0.0.2", "http, https", kProxies);
  EXPECT_EQ(client.address, "203.0.113.9");
  EXPECT_TRUE(client.secure);
}

TEST(ClientAddress, GarbageInTheHeaderFallsBackToTheProxy) {
  EXPECT_EQ(resolve_client_address("10.0.0.1", "not-an-ip", "", kProxies).address, "10.0.0.1");
  EXPECT_EQ(resolve_client_address("10.0.0.1", "", "", kProxies).address, "10.0.0.1");
}

TEST(ClientAddress, MappedIpv4PeersLookLikeIpv4) {
  EXPECT_EQ(normalize_ip("::ffff:10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(normalize_ip("2001:db8::1"), "2001:db8::1");
  EXPECT_EQ(resolve_client_address("::ffff:10.0.0.1", "2001:db8::1", "", kProxies).address,
            "2001:db8::1");
}

}  // namespace
}  // namespace attune::http
