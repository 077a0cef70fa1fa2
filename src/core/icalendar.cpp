#include "core/icalendar.h"

#include <chrono>
#include <cstdio>

namespace attune::core {
namespace {

constexpr std::size_t kMaxOctets = 75;

bool continues_sequence(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

}  // namespace

std::string ical_text(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      escaped += "\\n";
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string ical_line(std::string_view line) {
  std::string folded;
  std::size_t limit = kMaxOctets;  // a continuation line's leading space counts too
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && continues_sequence(line[cut])) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 after all: cut where the octets say
    folded.append(line.substr(0, cut));
    folded += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxOctets - 1;
  }
  folded.append(line);
  folded += "\r\n";
  return folded;
}

std::string ical_utc(std::int64_t epoch_ms) {
  using namespace std::chrono;
  const sys_time<milliseconds> at{milliseconds(epoch_ms)};
  const auto day = floor<days>(at);
  const year_month_day date{day};
  const hh_mm_ss time{floor<seconds>(at - day)};
  char text[32];
  std::snprintf(text, sizeof text, "%04d%02u%02uT%02ld%02ld%02ldZ", int(date.year()),
                unsigned(date.month()), unsigned(date.day()), long(time.hours().count()),
                long(time.minutes().count()), long(time.seconds().count()));
  return text;
}

std::string icalendar(std::string_view product_id, const std::vector<CalendarEvent>& events) {
  std::string out;
  out += ical_line("BEGIN:VCALENDAR");
  out += ical_line("VERSION:2.0");
  out += ical_line("PRODID:" + ical_text(product_id));
  out += ical_line("CALSCALE:GREGORIAN");
  for (const auto& event : events) {
    const std::string component = event.starts_ms ? "VEVENT" : "VTODO";
    out += ical_line("BEGIN:" + component);
    out += ical_line("UID:" + ical_text(event.uid));
    out += ical_line("DTSTAMP:" + ical_utc(event.stamp_ms));
    if (event.starts_ms) out += ical_line("DTSTART:" + ical_utc(*event.starts_ms));
    out += ical_line("CLASS:PRIVATE");
    out += ical_line("SUMMARY:" + ical_text(event.summary));
    out += ical_line("END:" + component);
  }
  out += ical_line("END:VCALENDAR");
  return out;
}

}  // namespace attune::core
