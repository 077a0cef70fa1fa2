// A therapist account made the way an operator makes one: `attune user add --therapist`
// against the running server's data dir, the password on stdin; then logged in.
#pragma once

#include <string>

#include "http/attune_process.h"

namespace attune::http::test {

Person add_therapist(const AttuneProcess& server, Api& api, const std::string& name);

}  // namespace attune::http::test
