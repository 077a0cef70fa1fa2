// One care-plan entry as the live practice shows it while paused: what it says, and whose
// it is only when its author chose to show their name.
#pragma once

#include <string>

namespace attune::app {

struct CareNote {
  std::string kind;  // "trigger" | "helps" | "reassurance"
  std::string text;
  std::string author_name;  // empty unless the author chose to show it
};

}  // namespace attune::app
