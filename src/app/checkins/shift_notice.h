// How a detected shift is told to the one person whose series it is: a gentle sentence and
// what they might do with it. Nobody else ever sees it.
#pragma once

#include <string>
#include <vector>

#include "core/shift_detection.h"

namespace attune::app {

struct ShiftOffer {
  std::string kind;  // "note" | "conversation" | "resources"
  std::string text;
};

struct ShiftNotice {
  core::Score score = core::Score::kMood;
  std::string direction;   // "down" | "up"
  std::int64_t since = 0;  // when the first check-in of the change was made
  std::string message;
  std::vector<ShiftOffer> offers;
};

ShiftNotice notice_of(const core::Shift& shift, std::int64_t since);

}  // namespace attune::app
