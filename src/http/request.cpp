#include "http/request.h"

#include <algorithm>

namespace attune::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus_as_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::optional<std::string> decode_path(std::string_view path) {
  auto decoded = percent_decode(path, false);
  if (!decoded || decoded->find('\0') != std::string::npos) return std::nullopt;
  const auto slashes = [](std::string_view text) { return std::ranges::count(text, '/'); };
  if (slashes(*decoded) != slashes(path)) return std::nullopt;
  return decoded;
}

bool is_api_path(std::string_view path) {
  return path == "/api" || path.starts_with("/api/") || path == "/healthz" || path == "/metrics" ||
         path == "/readyz";
}

std::string Request::header(std::string_view lowercase_name) const {
  const auto it = headers.find(std::string(lowercase_name));
  return it == headers.end() ? std::string() : it->second;
}

std::string Request::query_param(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    const auto eq = pair.find('=');
    const auto key = percent_decode(pair.substr(0, eq), true);
    if (!key || *key != name) continue;
    if (eq == std::string_view::npos) return {};
    return percent_decode(pair.substr(eq + 1), true).value_or(std::string());
  }
  return {};
}

}  // namespace attune::http
