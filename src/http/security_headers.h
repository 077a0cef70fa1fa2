// The headers every response carries (nosniff, no referrer, no framing, ...) and the cache and
// Content-Security-Policy rules that depend on what is being served.
#pragma once

#include <string_view>

#include "http/response.h"

namespace attune::http {

// The policy for HTML pages: scripts, styles and connections only from our own origin.
inline constexpr std::string_view kPageContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// Adds the security headers to a finished response. API responses are never cached; other
// responses keep the Cache-Control the static file server chose, or get no-store.
void apply_security_headers(Response& response, bool api);

}  // namespace attune::http
