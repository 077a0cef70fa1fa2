// Who the client is: the peer's IP, unless the peer is a trusted reverse proxy, in which case
// its X-Forwarded-For and X-Forwarded-Proto are believed. Untrusted peers cannot spoof either.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace attune::http {

struct ClientAddress {
  std::string address;
  bool secure = false;  // the client reached the proxy over HTTPS
};

// forwarded_for and forwarded_proto are the raw header values ("" if absent). The client is
// the right-most X-Forwarded-For entry that is not itself a trusted proxy, so a client cannot
// choose its address by sending its own header through the proxy.
ClientAddress resolve_client_address(std::string_view peer, std::string_view forwarded_for,
                                     std::string_view forwarded_proto,
                                     const std::vector<std::string>& trusted_proxies);

// "::ffff:1.2.3.4" -> "1.2.3.4", so IPv4 clients look the same on a dual-stack listener.
std::string normalize_ip(std::string_view ip);

}  // namespace attune::http
