// Reading an RFC 3339 date-time a client sent ("2026-12-03T19:30:00+01:00"): the offset the
// person's device gave is applied, so what is stored is one instant in UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace attune::core {

// Milliseconds since the epoch, or nullopt unless the text is a full RFC 3339 date-time
// (date, time, optional fraction, and Z or a ±hh:mm offset) naming a real calendar day.
std::optional<std::int64_t> parse_rfc3339_ms(std::string_view text);

}  // namespace attune::core
