// A query parameter that lists partner ids separated by commas ("?with=a,b"): at most one
// relationship's worth of them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"

namespace attune::http {

// The non-empty ids of `name` in order ([] when absent). More than 8 is a 4xx invalid_group.
std::vector<std::string> id_list_param(const Request& request, std::string_view name);

}  // namespace attune::http
