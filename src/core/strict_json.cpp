#include "core/strict_json.h"

#include <set>
#include <string>
#include <vector>

namespace attune::core {

std::optional<nlohmann::json> parse_strict_json(std::string_view text) {
  std::vector<std::set<std::string>> keys_per_open_object;
  bool repeated = false;
  const auto watch = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) {
      keys_per_open_object.emplace_back();
    } else if (event == Event::object_end) {
      keys_per_open_object.pop_back();
    } else if (event == Event::key && !keys_per_open_object.empty()) {
      repeated = repeated || !keys_per_open_object.back().insert(parsed.get<std::string>()).second;
    }
    return true;
  };
  auto document = nlohmann::json::parse(text, watch, false);
  if (document.is_discarded() || repeated) return std::nullopt;
  return document;
}

}  // namespace attune::core
