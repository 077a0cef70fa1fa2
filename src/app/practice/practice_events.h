// How use cases tell the live layer that a practice changed, after their transaction
// committed (a pause is durable before anyone is told about it).
#pragma once

#include <string>

namespace attune::app {

class PracticeEvents {
 public:
  virtual ~PracticeEvents() = default;
  virtual void practice_changed(const std::string& practice_id) = 0;
};

}  // namespace attune::app
