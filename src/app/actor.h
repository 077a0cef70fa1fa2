// Who is making a request, once their session token has been checked.
#pragma once

#include <string>

namespace attune::app {

struct Actor {
  std::string account_id;
  std::string session_id;
  bool is_therapist = false;
};

}  // namespace attune::app
