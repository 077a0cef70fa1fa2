// iCalendar (RFC 5545) text for a person's calendar download: CRLF line endings, lines folded
// at 75 octets (never inside a UTF-8 sequence), TEXT values escaped. What goes into a
// summary is the caller's choice; this file only writes it faithfully.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune::core {

struct CalendarEvent {
  std::string uid;
  std::int64_t stamp_ms = 0;              // DTSTAMP: when the event last changed
  std::optional<std::int64_t> starts_ms;  // DTSTART; an undated event is written as a VTODO
  std::string summary;
};

// A TEXT value with backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11).
std::string ical_text(std::string_view text);
// One content line, folded so no line exceeds 75 octets, each line ending in CRLF.
std::string ical_line(std::string_view line);
// A UTC DATE-TIME: 20261203T180000Z.
std::string ical_utc(std::int64_t epoch_ms);

// A whole VCALENDAR: every event private (CLASS:PRIVATE), in the given order.
std::string icalendar(std::string_view product_id, const std::vector<CalendarEvent>& events);

}  // namespace attune::core
