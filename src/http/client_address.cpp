#include "http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>

namespace attune::http {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_ip(const std::string& text) {
  unsigned char buffer[sizeof(in6_addr)];
  return inet_pton(AF_INET, text.c_str(), buffer) == 1 ||
         inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

bool is_trusted(const std::string& ip, const std::vector<std::string>& trusted_proxies) {
  return std::ranges::any_of(trusted_proxies,
                             [&](const std::string& proxy) { return normalize_ip(proxy) == ip; });
}

std::vector<std::string_view> split_list(std::string_view list) {
  std::vector<std::string_view> items;
  while (!list.empty()) {
    const auto comma = list.find(',');
    items.push_back(trim(list.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return items;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::string normalize_ip(std::string_view ip) {
  constexpr std::string_view kMappedPrefix = "::ffff:";
  if (ip.starts_with(kMappedPrefix) && ip.find('.') != std::string_view::npos) {
    ip.remove_prefix(kMappedPrefix.size());
  }
  return std::string(ip);
}

ClientAddress resolve_client_address(std::string_view peer, std::string_view forwarded_for,
                                     std::string_view forwarded_proto,
                                     const std::vector<std::string>& trusted_proxies) {
  ClientAddress client{normalize_ip(peer), false};
  if (!is_trusted(client.address, trusted_proxies)) return client;

  const auto protos = split_list(forwarded_proto);
  // The proxy next to us sets the last entry; earlier ones may come from the client.
  client.secure = !protos.empty() && lowercase(protos.back()) == "https";

  const auto hops = split_list(forwarded_for);
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    const std::string ip = normalize_ip(*hop);
    if (!is_ip(ip)) break;  // garbage: keep the last address we could trust
    client.address = ip;
    if (!is_trusted(ip, trusted_proxies)) break;
  }
  return client;
}

}  // namespace attune::http
