#include "app/together/reminders_export.h"

#include "base/rfc3339.h"

namespace attune::app {

nlohmann::json reminders_json(const ExportedReminders& reminders) {
  using nlohmann::json;
  json settings = nullptr;
  if (reminders.settings) {
    json kinds = json::array();
    for (auto kind : reminders.settings->kinds) kinds.push_back(core::reminder_kind_name(kind));
    json quiet = nullptr;
    if (reminders.settings->quiet) {
      quiet = {{"start_minute", reminders.settings->quiet->start},
               {"end_minute", reminders.settings->quiet->end}};
    }
    settings = {{"kinds", kinds}, {"email", reminders.settings->email}, {"quiet_hours", quiet}};
  }
  json recent = json::array();
  for (const auto& reminder : reminders.recent) {
    recent.push_back(
        {{"id", reminder.id},
         {"day", reminder.day},
         {"kind", core::reminder_kind_name(reminder.kind)},
         {"plan_id", reminder.plan_id.empty() ? json(nullptr) : json(reminder.plan_id)},
         {"created_at", base::to_rfc3339_ms(reminder.created_at)},
         {"dismissed_at", reminder.dismissed_at ? json(base::to_rfc3339_ms(*reminder.dismissed_at))
                                                : json(nullptr)}});
  }
  return {{"settings", settings}, {"recent", recent}};
}

}  // namespace attune::app
