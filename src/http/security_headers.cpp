#include "http/security_headers.h"

namespace attune::http {
namespace {

// API bodies are data, never documents: nothing in them may load or run.
constexpr std::string_view kApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

}  // namespace

void apply_security_headers(Response& response, bool api) {
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Cross-Origin-Opener-Policy", "same-origin");
  response.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (response.content_type.starts_with("text/html")) {
    response.set_header("Content-Security-Policy", kPageContentSecurityPolicy);
  } else if (api) {
    response.set_header("Content-Security-Policy", kApiContentSecurityPolicy);
  }
  if (api || response.header("Cache-Control").empty()) {
    response.set_header("Cache-Control", "no-store");
  }
}

}  // namespace attune::http
