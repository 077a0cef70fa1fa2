// A time zone's UTC offsets, read from a TZif file (RFC 8536) as the system's zoneinfo holds
// them: g++ 12 has no std::chrono::tzdb. The bytes come in as a parameter; reading the file
// is the caller's business. Past the last transition the last offset holds (Debian's files
// list transitions through 2037).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace attune::core {

struct ZoneOffsets {
  std::int32_t initial = 0;                 // seconds east of UTC before the first transition
  std::vector<std::int64_t> transitions;    // seconds since the epoch, ascending
  std::vector<std::int32_t> offsets_after;  // the offset from each transition on
};

// nullopt unless the bytes are a well-formed TZif file of version 1, 2, 3 or 4.
std::optional<ZoneOffsets> parse_tzif(std::string_view bytes);

// Seconds east of UTC at the instant.
std::int32_t utc_offset_at(const ZoneOffsets& zone, std::int64_t epoch_seconds);

}  // namespace attune::core
