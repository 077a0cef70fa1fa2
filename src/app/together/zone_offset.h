// A person's UTC offset at an instant, from the system's zoneinfo (their account's IANA time
// zone), for "today" and quiet hours. Files are read once and kept; thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace attune::app {

// Seconds east of UTC; 0 for "UTC" and for a zone the system does not know.
std::int32_t utc_offset_of(const std::string& time_zone, std::int64_t epoch_ms);

}  // namespace attune::app
