// The practice state as one participant sees it, in the shape of API.md's state object:
// counts, never names of who is ready, paused or consented.
#pragma once

#include <nlohmann/json.hpp>

#include "app/practice/practices.h"

namespace attune::live {

nlohmann::json state_json(const app::PracticeSnapshot& snapshot);
// {"type":"state","state":{…}}
std::string state_message(const app::PracticeSnapshot& snapshot);

}  // namespace attune::live
