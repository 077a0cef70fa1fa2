// Times in the API are RFC 3339 UTC strings with milliseconds.
#pragma once

#include <cstdint>
#include <string>

#include "base/clock.h"

namespace attune::base {

std::string to_rfc3339(TimePoint at);
std::string to_rfc3339_ms(std::int64_t epoch_ms);

}  // namespace attune::base
