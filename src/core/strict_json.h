// JSON from outside (request bodies, live messages) read strictly: an object that names the
// same key twice is refused rather than letting the last one win, since two readers of one
// body (a proxy's filter and this server, say) could otherwise each see a different value.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace attune::core {

// The parsed document, or nullopt when it is not JSON or repeats a key in any object.
std::optional<nlohmann::json> parse_strict_json(std::string_view text);

}  // namespace attune::core
