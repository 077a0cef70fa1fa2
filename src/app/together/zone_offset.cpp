#include "app/together/zone_offset.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>

#include "core/tzif.h"

namespace attune::app {
namespace {

std::optional<core::ZoneOffsets> read_zone(const std::string& time_zone) {
  // Only names that validate_time_zone accepted reach here; the check is kept anyway.
  if (time_zone.empty() || time_zone.find("..") != std::string::npos || time_zone[0] == '/') {
    return std::nullopt;
  }
  std::ifstream in(std::filesystem::path("/usr/share/zoneinfo") / time_zone, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string bytes(std::istreambuf_iterator<char>(in), {});
  return core::parse_tzif(bytes);
}

}  // namespace

std::int32_t utc_offset_of(const std::string& time_zone, std::int64_t epoch_ms) {
  static std::mutex mutex;
  static std::map<std::string, std::optional<core::ZoneOffsets>> zones;
  if (time_zone == "UTC") return 0;
  std::lock_guard lock(mutex);
  auto it = zones.find(time_zone);
  if (it == zones.end()) it = zones.emplace(time_zone, read_zone(time_zone)).first;
  if (!it->second) return 0;
  return core::utc_offset_at(*it->second, epoch_ms / 1000);
}

}  // namespace attune::app
