#include "core/tzif.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace attune::core {
namespace {

void put(std::string& out, std::int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

struct Type {
  std::int32_t offset;
  bool dst;
};

// A TZif block: header and data, with `width`-byte times.
std::string block(char version, const std::vector<std::int64_t>& times,
                  const std::vector<int>& kinds, const std::vector<Type>& types, int width) {
  std::string out = "TZif";
  out += version;
  out += std::string(15, '\0');
  const std::string chars = "STD\0DST\0";
  for (std::int64_t count :
       {std::int64_t{0}, std::int64_t{0}, std::int64_t{0}, static_cast<std::int64_t>(times.size()),
        static_cast<std::int64_t>(types.size()), static_cast<std::int64_t>(chars.size())}) {
    put(out, count, 4);
  }
  for (auto t : times) put(out, t, width);
  for (auto k : kinds) put(out, k, 1);
  for (const auto& type : types) {
    put(out, type.offset, 4);
    put(out, type.dst ? 1 : 0, 1);
    put(out, type.dst ? 4 : 0, 1);
  }
  out += chars;
  return out;
}

// Standard time at +1 h, summer time at +2 h from 2026-03-29T01:00Z to 2026-10-25T01:00Z.
constexpr std::int64_t kSpring = 1'774'746'000;
constexpr std::int64_t kAutumn = 1'792'890'000;

std::string sample(char version) {
  const std::vector<std::int64_t> times{kSpring, kAutumn};
  const std::vector<int> kinds{1, 0};
  const std::vector<Type> types{{3600, false}, {7200, true}};
  std::string bytes = block(version, times, kinds, types, 4);
  if (version != '\0') bytes += block(version, times, kinds, types, 8) + "\nSTD-1DST\n";
  return bytes;
}

TEST(Tzif, ReadsOffsetsAroundTransitions) {
  for (char version : {'\0', '2', '3'}) {
    auto zone = parse_tzif(sample(version));
    ASSERT_TRUE(zone) << "version " << int(version);
    EXPECT_EQ(utc_offset_at(*zone, kSpring - 1), 3600);
    EXPECT_EQ(utc_offset_at(*zone, kSpring), 7200);
    EXPECT_EQ(utc_offset_at(*zone, kAutumn - 1), 7200);
    EXPECT_EQ(utc_offset_at(*zone, kAutumn), 3600);
    EXPECT_EQ(utc_offset_at(*zone, 0), 3600);
  }
}

TEST(Tzif, RefusesWhatIsNotTzif) {
  const auto good = sample('2');
  EXPECT_FALSE(parse_tzif(""));
  EXPECT_FALSE(parse_tzif("TZif2"));
  EXPECT_FALSE(parse_tzif("XZif" + good.substr(4)));
  EXPECT_FALSE(parse_tzif(good.substr(0, good.size() / 2)));
  std::string bad_kind = sample('\0');
  bad_kind[44 + 8] = 5;  // the first transition's type index, past the two types
  EXPECT_FALSE(parse_tzif(bad_kind));
}

TEST(Tzif, ReadsTheSystemsZoneinfoWhenThereIsOne) {
  const std::filesystem::path berlin = "/usr/share/zoneinfo/Europe/Berlin";
  ASSERT_TRUE(std::filesystem::exists(berlin)) << "tzdata is a dependency (time zones)";
  std::ifstream in(berlin, std::ios::binary);
  const std::string bytes(std::istreambuf_iterator<char>(in), {});
  auto zone = parse_tzif(bytes);
  ASSERT_TRUE(zone);
  EXPECT_EQ(utc_offset_at(*zone, 1'767'225'600), 3600);  // 2026-01-01
  EXPECT_EQ(utc_offset_at(*zone, 1'782'864'000), 7200);  // 2026-07-01
}

}  // namespace
}  // namespace attune::core
