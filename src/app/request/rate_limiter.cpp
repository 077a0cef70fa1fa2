#include "app/request/rate_limiter.h"

#include <arpa/inet.h>

#include <array>

namespace attune::app {
namespace {

std::int64_t window_ms(const RateLimit& limit) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(limit.window).count();
}

}  // namespace

std::string rate_source(std::string_view address) {
  if (address.find(':') == std::string_view::npos) return std::string(address);
  std::string text(address.substr(0, address.find('%')));  // no zone ("%eth0")
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET6, text.c_str(), bytes.data()) != 1) return std::string(address);
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  std::array<char, INET6_ADDRSTRLEN> out{};
  inet_ntop(AF_INET6, bytes.data(), out.data(), out.size());
  return std::string(out.data()) + "/64";
}

RateLimiter::RateLimiter(Context& context) : RateLimiter(context, rate_counters_for(context.db)) {}

RateLimiter::RateLimiter(Context& context, std::unique_ptr<RateCounters> counters)
    : context_(context), counters_(std::move(counters)) {}

std::string RateLimiter::bucket(std::string_view kind, std::string_view caller,
                                std::string_view address) const {
  return context_.vault.blind_index(std::string(kind) + '\x1f' + std::string(caller) + '\x1f' +
                                    rate_source(address));
}

std::int64_t RateLimiter::window_start(std::int64_t now, const RateLimit& limit) const {
  return now - now % window_ms(limit);
}

base::Status RateLimiter::hit(std::string_view kind, std::string_view caller,
                              std::string_view address, const RateLimit& limit) {
  if (limit.max_hits <= 0) return {};
  const std::int64_t now = context_.now_ms();
  const std::int64_t start = window_start(now, limit);
  const std::int64_t hits = counters_->hit(bucket(kind, caller, address), start, now);
  if (hits <= limit.max_hits) return {};
  base::Error error{base::ErrorCode::rate_limited, "Too many attempts. Please wait a moment."};
  error.retry_after_seconds = static_cast<int>((start + window_ms(limit) - now + 999) / 1000);
  return std::unexpected(std::move(error));
}

void RateLimiter::refund(std::string_view kind, std::string_view caller, std::string_view address,
                         const RateLimit& limit) {
  if (limit.max_hits <= 0) return;
  counters_->unhit(bucket(kind, caller, address), window_start(context_.now_ms(), limit));
}

}  // namespace attune::app
