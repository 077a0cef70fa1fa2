#include "live/bus_router.h"

namespace attune::live {

void BusRouter::deliver(const std::string& message) {
  const bool nudge = message.starts_with(kNudgePrefix);
  const bool both = message.starts_with(kSessionEndedPrefix);
  if (auto practices = practices_.lock(); practices && (both || !nudge))
    practices->deliver(message);
  if (auto nudges = nudges_.lock(); nudges && (both || nudge)) nudges->deliver(message);
}

void BusRouter::resync() {
  if (auto practices = practices_.lock()) practices->resync();
  if (auto nudges = nudges_.lock()) nudges->resync();
}

}  // namespace attune::live
