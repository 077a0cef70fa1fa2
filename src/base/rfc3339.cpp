#include "base/rfc3339.h"

#include <cstdio>

namespace attune::base {

std::string to_rfc3339(TimePoint at) {
  using namespace std::chrono;
  const auto day = floor<days>(at);
  const year_month_day date{day};
  const hh_mm_ss time{at - day};
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", int(date.year()),
                unsigned(date.month()), unsigned(date.day()), long(time.hours().count()),
                long(time.minutes().count()), long(time.seconds().count()),
                long(time.subseconds().count()));
  return text;
}

std::string to_rfc3339_ms(std::int64_t epoch_ms) {
  return to_rfc3339(TimePoint(std::chrono::milliseconds(epoch_ms)));
}

}  // namespace attune::base
