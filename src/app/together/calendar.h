// The calendar download (GET …/calendar.ics): every plan the caller is joining in one
// relationship, planned practices included, as iCalendar. Each event is private and called
// only "attune": no title, note, kind or partner name ever reaches a calendar or lock screen.
#pragma once

#include <string>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

class Calendar {
 public:
  explicit Calendar(Context& context) : context_(context) {}

  base::Result<std::string> ics(const Actor& actor, const std::string& rid);

 private:
  Context& context_;
};

}  // namespace attune::app
