// Where and how the server logs: stderr, as JSON lines ({"time","level","message"}, one
// object per line, for log collectors) or as plain text for a person at a terminal.
#pragma once

#include <string>

#include "base/error.h"

namespace attune::cli {

// "json" or "text"; anything else is invalid_field and changes nothing.
base::Status log_to_stderr(const std::string& format);

}  // namespace attune::cli
