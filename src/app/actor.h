// Who is making a request, once their session token has been checked.
#pragma once

#include <string>

#include "store/database.h"

namespace attune::app {

struct Actor {
  std::string account_id;
  std::string session_id;
  bool is_therapist = false;
  // What the request must commit together with each of its writes (an Idempotency-Key's
  // claim); empty for most requests.
  store::CommitHook on_commit{};
};

}  // namespace attune::app
