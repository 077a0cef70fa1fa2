// The reminder part of GET /me/export: {settings, recent:[{day, kind, plan_id, …}]}.
#pragma once

#include <nlohmann/json.hpp>

#include "app/together/reminders.h"

namespace attune::app {

nlohmann::json reminders_json(const ExportedReminders& reminders);

}  // namespace attune::app
