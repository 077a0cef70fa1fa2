#include "core/tzif.h"

#include <algorithm>

namespace attune::core {
namespace {

constexpr std::size_t kHeader = 44;

// Big-endian integers at a cursor that refuses to read past the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool skip(std::size_t n) {
    if (bytes_.size() - at_ < n) return false;
    at_ += n;
    return true;
  }
  std::optional<std::int64_t> integer(std::size_t width) {
    if (bytes_.size() - at_ < width) return std::nullopt;
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i) {
      value = (value << 8) | static_cast<unsigned char>(bytes_[at_ + i]);
    }
    at_ += width;
    if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
    return static_cast<std::int64_t>(value);
  }
  std::string_view rest() const { return bytes_.substr(at_); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

struct Counts {
  std::int64_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

std::optional<Counts> header(Reader& in, char& version) {
  const auto magic = in.rest().substr(0, 5);
  if (magic.size() < 5 || magic.substr(0, 4) != "TZif") return std::nullopt;
  version = magic[4];
  if (version != '\0' && (version < '2' || version > '4')) return std::nullopt;
  if (!in.skip(20)) return std::nullopt;
  Counts counts;
  for (auto* field :
       {&counts.isut, &counts.isstd, &counts.leap, &counts.time, &counts.type, &counts.chars}) {
    auto value = in.integer(4);
    if (!value || *value < 0) return std::nullopt;
    *field = *value;
  }
  if (counts.type == 0) return std::nullopt;
  return counts;
}

// One data block with times of `width` bytes.
std::optional<ZoneOffsets> block(Reader& in, const Counts& counts, std::size_t width) {
  ZoneOffsets zone;
  std::vector<std::int64_t> times;
  for (std::int64_t i = 0; i < counts.time; ++i) {
    auto at = in.integer(width);
    if (!at) return std::nullopt;
    times.push_back(*at);
  }
  std::vector<std::int64_t> kinds;
  for (std::int64_t i = 0; i < counts.time; ++i) {
    auto kind = in.integer(1);
    if (!kind || *kind >= counts.type) return std::nullopt;
    kinds.push_back(*kind);
  }
  std::vector<std::int32_t> offsets;
  for (std::int64_t i = 0; i < counts.type; ++i) {
    auto offset = in.integer(4);
    if (!offset || !in.skip(2)) return std::nullopt;
    offsets.push_back(static_cast<std::int32_t>(*offset));
  }
  const auto leap_width = static_cast<std::size_t>(width + 4);
  if (!in.skip(static_cast<std::size_t>(counts.chars) +
               static_cast<std::size_t>(counts.leap) * leap_width +
               static_cast<std::size_t>(counts.isstd + counts.isut))) {
    return std::nullopt;
  }
  if (!std::is_sorted(times.begin(), times.end())) return std::nullopt;
  zone.initial = offsets.front();
  zone.transitions = std::move(times);
  for (auto kind : kinds) zone.offsets_after.push_back(offsets[static_cast<std::size_t>(kind)]);
  return zone;
}

}  // namespace

std::optional<ZoneOffsets> parse_tzif(std::string_view bytes) {
  if (bytes.size() < kHeader) return std::nullopt;
  Reader in(bytes);
  char version = 0;
  auto first = header(in, version);
  if (!first) return std::nullopt;
  auto v1 = block(in, *first, 4);
  if (!v1 || version == '\0') return v1;
  // Version 2 and later repeat the data with 64-bit times, which reach past 2038.
  char again = 0;
  auto second = header(in, again);
  if (!second || again != version) return std::nullopt;
  return block(in, *second, 8);
}

std::int32_t utc_offset_at(const ZoneOffsets& zone, std::int64_t epoch_seconds) {
  auto after = std::upper_bound(zone.transitions.begin(), zone.transitions.end(), epoch_seconds);
  if (after == zone.transitions.begin()) return zone.initial;
  return zone.offsets_after[static_cast<std::size_t>(after - zone.transitions.begin() - 1)];
}

}  // namespace attune::core
