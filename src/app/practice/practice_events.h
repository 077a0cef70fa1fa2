// How use cases tell the live layer that a practice changed, after their transaction
// committed (a pause is durable before anyone is told about it).
#pragma once

#include <string>

namespace attune::app {

class PracticeEvents {
 public:
  virtual ~PracticeEvents() = default;
  virtual void practice_changed(const std::string& practice_id) = 0;
  // Committed: these sessions ended (log-out, log-out everywhere, a password change, account
  // deletion). Live connections opened with them are closed.
  virtual void sessions_ended(const std::vector<std::string>& session_ids) = 0;
};

}  // namespace attune::app
