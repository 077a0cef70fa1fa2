#include "mail/smtp_url.h"

#include <algorithm>
#include <charconv>

namespace attune::mail {
namespace {

std::unexpected<base::Error> bad_url(const std::string& why) {
  return base::fail(base::ErrorCode::invalid_field, "smtp_url: " + why);
}

bool host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == ':';
}

}  // namespace

base::Result<SmtpAddress> parse_smtp_url(const std::string& url) {
  constexpr std::string_view kScheme = "smtp://";
  if (!url.starts_with(kScheme)) return bad_url("must start with smtp://");
  std::string rest = url.substr(kScheme.size());
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.find_first_of("@/?#") != std::string::npos) {
    return bad_url("only smtp://host:port is supported (no user, path or query)");
  }
  SmtpAddress address;
  std::string port_text;
  if (rest.starts_with('[')) {  // [IPv6]:port
    const auto close = rest.find(']');
    if (close == std::string::npos) return bad_url("unclosed [ in the host");
    address.host = rest.substr(1, close - 1);
    if (close + 1 < rest.size()) {
      if (rest[close + 1] != ':') return bad_url("expected :port after ]");
      port_text = rest.substr(close + 2);
    }
  } else {
    const auto colon = rest.rfind(':');
    address.host = rest.substr(0, colon);
    if (colon != std::string::npos) port_text = rest.substr(colon + 1);
    if (address.host.find(':') != std::string::npos) return bad_url("write an IPv6 host in [ ]");
  }
  if (address.host.empty() || !std::ranges::all_of(address.host, host_char)) {
    return bad_url("the host is missing or malformed");
  }
  if (!port_text.empty()) {
    unsigned port = 0;
    const auto [end, error] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (error != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
        port > 65535) {
      return bad_url("the port must be 1..65535");
    }
    address.port = static_cast<std::uint16_t>(port);
  }
  return address;
}

}  // namespace attune::mail
