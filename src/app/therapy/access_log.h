// A partner's own access log (SPEC I5): every therapist read of their data in one
// relationship, never reads of anyone else's.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/therapy/access_log_records.h"
#include "base/error.h"

namespace attune::app {

class AccessLog {
 public:
  explicit AccessLog(Context& context) : context_(context) {}

  base::Result<std::vector<AccessLogEntry>> mine(const Actor& actor, const std::string& rid);

 private:
  Context& context_;
};

}  // namespace attune::app
