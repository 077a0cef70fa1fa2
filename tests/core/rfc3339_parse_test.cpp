#include "core/rfc3339_parse.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

// 2026-12-03T18:30:00Z
constexpr std::int64_t kEvening = 1'796'322'600'000;

TEST(Rfc3339Parse, ReadsUtcAndOffsets) {
  EXPECT_EQ(parse_rfc3339_ms("2026-12-03T18:30:00Z"), kEvening);
  EXPECT_EQ(parse_rfc3339_ms("2026-12-03t18:30:00z"), kEvening);
  EXPECT_EQ(parse_rfc3339_ms("2026-12-03T19:30:00+01:00"), kEvening);
  EXPECT_EQ(parse_rfc3339_ms("2026-12-03T13:00:00-05:30"), kEvening);
  EXPECT_EQ(parse_rfc3339_ms("2026-12-03T18:30:00.250Z"), kEvening + 250);
  EXPECT_EQ(parse_rfc3339_ms("2026-12-03T18:30:00.2Z"), kEvening + 200);
  EXPECT_EQ(parse_rfc3339_ms("1970-01-01T00:00:00Z"), 0);
}

TEST(Rfc3339Parse, RefusesWhatIsNotAFullDateTime) {
  for (const char* bad :
       {"", "2026-12-03", "2026-12-03T18:30", "2026-12-03T18:30:00", "2026-02-30T10:00:00Z",
        "2026-13-01T10:00:00Z", "2026-12-03T24:00:00Z", "2026-12-03T18:60:00Z",
        "2026-12-03 18:30:00Z", "2026-12-03T18:30:00+0100", "2026-12-03T18:30:00.Z",
        "2026-12-03T18:30:00Zjunk", "２026-12-03T18:30:00Z", "2026-12-03T18:30:00+01:00x"}) {
    EXPECT_FALSE(parse_rfc3339_ms(bad)) << bad;
  }
}

}  // namespace
}  // namespace attune::core
