// Gentle reminders (SPEC 10), opted into per person and per kind: a check-in, a planned
// practice, a plan. At most one a day per person, never in their quiet hours, and only ever
// about their own time or their own check-in (core/reminder_rule.h). Shown in the app until
// dismissed, and e-mailed with neutral words when the person asked for e-mail and the
// operator configured a mail server. run_due() is what the server's ticker calls.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/together/reminder_records.h"
#include "base/error.h"

namespace attune::app {

struct ReminderView {
  std::string id;
  core::ReminderKind kind = core::ReminderKind::kCheckin;
  std::string text;
  std::string relationship_id;  // "" for a check-in
  std::string plan_id;          // "" for a check-in
  std::optional<std::int64_t> starts_at;
  std::int64_t created_at = 0;
};

// The person's own reminder data, for GET /me/export.
struct ExportedReminders {
  std::optional<ReminderSettings> settings;
  std::vector<ReminderRecord> recent;
};

class Reminders {
 public:
  explicit Reminders(Context& context) : context_(context) {}

  // Nothing on until the person says so.
  base::Result<ReminderSettings> settings(const Actor& actor);
  // 422 mail_not_configured when e-mail is asked for and the server has no mail server.
  base::Result<ReminderSettings> set_settings(const Actor& actor, const ReminderSettings& settings);
  // Undismissed reminders of the last two days, newest first.
  base::Result<std::vector<ReminderView>> due(const Actor& actor);
  // Only ever the caller's own; an id that is not theirs (or is gone) changes nothing, so a
  // dismissal can be repeated and says nothing about anyone else's reminders.
  base::Status dismiss(const Actor& actor, const std::string& reminder_id);
  ExportedReminders export_of(const Actor& actor);

  // Makes today's reminder for everyone who is due one, and e-mails it after the commit;
  // returns how many were made. Safe on every replica at once: the day's claim is unique.
  int run_due();

 private:
  // The reminder made for one person now, with their e-mail when it is to be sent.
  std::optional<std::string> remind(const std::string& account_id, bool& made);

  Context& context_;
};

}  // namespace attune::app
