// Gentle reminders: the caller's own settings, what is due for them, and dismissing it.
#include <algorithm>
#include <cstdio>

#include "base/rfc3339.h"
#include "http/routes.h"

namespace attune::http {
namespace {

// "HH:MM" → minutes after midnight; 400 otherwise.
int minutes_from(const nlohmann::json& value, const char* field) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    unsigned hours = 0, minutes = 0;
    char extra = 0;
    if (text.size() == 5 && std::sscanf(text.c_str(), "%2u:%2u%c", &hours, &minutes, &extra) == 2 &&
        text[2] == ':' && hours < 24 && minutes < 60) {
      return static_cast<int>(hours * 60 + minutes);
    }
  }
  reject(base::ErrorCode::invalid_field, std::string("quiet_hours.") + field + " must be HH:MM.");
}

std::string clock_text(int minutes) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  return text;
}

app::ReminderSettings settings_from(ApiCall& call) {
  const auto& body = call.body();
  app::ReminderSettings settings;
  auto kinds = body.find("kinds");
  if (kinds == body.end() || !kinds->is_array() || kinds->size() > 3) {
    reject(base::ErrorCode::invalid_field, "kinds must be a list of checkin, practice, plan.");
  }
  for (const auto& kind : *kinds) {
    auto parsed =
        kind.is_string() ? core::parse_reminder_kind(kind.get<std::string>()) : std::nullopt;
    if (!parsed) {
      reject(base::ErrorCode::invalid_field, "kinds must be a list of checkin, practice, plan.");
    }
    if (std::ranges::find(settings.kinds, *parsed) == settings.kinds.end()) {
      settings.kinds.push_back(*parsed);
    }
  }
  settings.email = call.boolean("email", false);
  auto quiet = body.find("quiet_hours");
  if (quiet != body.end() && !quiet->is_null()) {
    if (!quiet->is_object() || !quiet->contains("start") || !quiet->contains("end")) {
      reject(base::ErrorCode::invalid_field, "quiet_hours must be {start, end} or null.");
    }
    settings.quiet = core::QuietHours{minutes_from((*quiet)["start"], "start"),
                                      minutes_from((*quiet)["end"], "end")};
  }
  return settings;
}

nlohmann::json settings_json(const app::ReminderSettings& settings) {
  nlohmann::json kinds = nlohmann::json::array();
  for (auto kind : settings.kinds) kinds.push_back(core::reminder_kind_name(kind));
  nlohmann::json quiet = nullptr;
  if (settings.quiet) {
    quiet = {{"start", clock_text(settings.quiet->start)},
             {"end", clock_text(settings.quiet->end)}};
  }
  return {{"kinds", kinds}, {"email", settings.email}, {"quiet_hours", quiet}};
}

nlohmann::json reminder_json(const app::ReminderView& reminder) {
  auto or_null = [](const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
  };
  return {
      {"id", reminder.id},
      {"kind", core::reminder_kind_name(reminder.kind)},
      {"text", reminder.text},
      {"relationship_id", or_null(reminder.relationship_id)},
      {"plan_id", or_null(reminder.plan_id)},
      {"starts_at", reminder.starts_at ? nlohmann::json(base::to_rfc3339_ms(*reminder.starts_at))
                                       : nlohmann::json(nullptr)},
      {"created_at", base::to_rfc3339_ms(reminder.created_at)}};
}

}  // namespace

void add_reminder_routes(Router& router, app::Reminders& reminders) {
  router.add("GET", "/api/v1/me/reminders", [&](ApiCall& call) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& reminder : unwrap(reminders.due(call.me()))) {
      list.push_back(reminder_json(reminder));
    }
    return ok_json({{"reminders", list}});
  });

  router.add("POST", "/api/v1/me/reminders/{}/dismiss", [&](ApiCall& call) {
    unwrap(reminders.dismiss(call.me(), call.param(0)));
    return Response::no_content();
  });

  router.add("GET", "/api/v1/me/reminders/settings", [&](ApiCall& call) {
    return ok_json(settings_json(unwrap(reminders.settings(call.me()))));
  });

  router.add("PUT", "/api/v1/me/reminders/settings", [&](ApiCall& call) {
    return ok_json(settings_json(unwrap(reminders.set_settings(call.me(), settings_from(call)))));
  });
}

}  // namespace attune::http
