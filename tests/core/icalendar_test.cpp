#include "core/icalendar.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace attune::core {
namespace {

// 2026-12-03T18:30:05Z
constexpr std::int64_t kEvening = 1'796'322'605'000;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find("\r\n", at);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

TEST(ICalendar, EscapesTextValues) {
  EXPECT_EQ(ical_text("a,b;c\\d"), "a\\,b\\;c\\\\d");
  EXPECT_EQ(ical_text("one\ntwo\r\nthree"), "one\\ntwo\\nthree");
  EXPECT_EQ(ical_text("plain"), "plain");
}

TEST(ICalendar, ShortLinesEndInCrlfUnfolded) {
  EXPECT_EQ(ical_line("SUMMARY:attune"), "SUMMARY:attune\r\n");
  EXPECT_EQ(ical_line(std::string(75, 'x')), std::string(75, 'x') + "\r\n");
}

TEST(ICalendar, FoldsAt75OctetsWithALeadingSpace) {
  const std::string long_line = "DESCRIPTION:" + std::string(200, 'a');
  const auto folded = ical_line(long_line);
  const auto lines = lines_of(folded);
  ASSERT_GE(lines.size(), 3u);
  std::string unfolded = lines[0];
  EXPECT_EQ(lines[0].size(), 75u);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 75u);
    ASSERT_EQ(lines[i][0], ' ');
    unfolded += lines[i].substr(1);
  }
  EXPECT_EQ(unfolded, long_line);
}

TEST(ICalendar, NeverFoldsInsideAUtf8Sequence) {
  // "é" is two octets: a fold at an odd place would split one.
  std::string line = "SUMMARY:x";
  for (int i = 0; i < 60; ++i) line += "\xC3\xA9";
  const auto lines = lines_of(ical_line(line));
  ASSERT_GE(lines.size(), 2u);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 75u);
    const std::string body = i == 0 ? lines[i] : lines[i].substr(1);
    EXPECT_NE(static_cast<unsigned char>(body.back()), 0xC3u) << "line " << i << " ends mid-letter";
    EXPECT_NE(static_cast<unsigned char>(body.front()) & 0xC0, 0x80u) << "line " << i;
  }
}

TEST(ICalendar, WritesUtcDateTimes) {
  EXPECT_EQ(ical_utc(kEvening), "20261203T183005Z");
  EXPECT_EQ(ical_utc(0), "19700101T000000Z");
}

TEST(ICalendar, EveryEventIsPrivateWithUidStampAndStart) {
  const auto text =
      icalendar("-//attune//calendar//EN", {{"p1@attune", kEvening - 1000, kEvening, "attune"},
                                            {"p2@attune", kEvening, std::nullopt, "attune"}});
  EXPECT_EQ(text.find('\n'), text.find("\r\n") + 1) << "bare LF";
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
    ASSERT_EQ(text[at - 1], '\r') << "a line does not end in CRLF at " << at;
  }
  const auto lines = lines_of(text);
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  const std::vector<std::string> dated{"BEGIN:VEVENT",
                                       "UID:p1@attune",
                                       "DTSTAMP:20261203T183004Z",
                                       "DTSTART:20261203T183005Z",
                                       "CLASS:PRIVATE",
                                       "SUMMARY:attune",
                                       "END:VEVENT"};
  auto begin = std::find(lines.begin(), lines.end(), "BEGIN:VEVENT");
  ASSERT_NE(begin, lines.end());
  EXPECT_EQ(std::vector<std::string>(begin, begin + 7), dated);
  // An undated plan has no start: a to-do, which RFC 5545 allows without one.
  auto todo = std::find(lines.begin(), lines.end(), "BEGIN:VTODO");
  ASSERT_NE(todo, lines.end());
  EXPECT_EQ(*(todo + 1), "UID:p2@attune");
  EXPECT_EQ(*(todo + 3), "CLASS:PRIVATE");
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "VERSION:2.0"), 1);
}

TEST(ICalendar, EscapesWhatTheCallerPutsInASummary) {
  const auto text = icalendar("-//attune//EN", {{"u", 0, 0, "a,b;c"}});
  EXPECT_NE(text.find("SUMMARY:a\\,b\\;c\r\n"), std::string::npos);
}

}  // namespace
}  // namespace attune::core
