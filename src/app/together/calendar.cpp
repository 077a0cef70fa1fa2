#include "app/together/calendar.h"

#include <algorithm>

#include "app/together/plan_records.h"
#include "core/icalendar.h"
#include "core/plan.h"

namespace attune::app {

base::Result<std::string> Calendar::ics(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  std::vector<core::CalendarEvent> events;
  for (const auto& plan : plans_seen_by(context_, *tx, *member)) {
    for (const auto& answer : plan_answers(context_, *tx, *member, plan)) {
      if (answer.account_id != actor.account_id ||
          answer.response != core::PlanResponse::kJoining) {
        continue;
      }
      // The stamp moves when the plan or the caller's answer changes, so a calendar that
      // subscribes sees the newer copy.
      events.push_back({plan.id + "@attune", std::max(plan.updated_at, answer.answered_at),
                        plan.starts_at, std::string(core::kNeutralTitle)});
    }
  }
  return core::icalendar("-//attune//plans//EN", events);
}

}  // namespace attune::app
