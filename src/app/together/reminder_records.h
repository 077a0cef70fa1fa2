// Every read and write of a person's reminder settings and reminders. Settings and what a
// reminder is about are sealed under the person's own key. These rows are the person's own,
// found by their account id; the relationship a reminder is about is only used to remove it
// when they leave.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"
#include "core/reminder_rule.h"

namespace attune::app {

struct ReminderSettings {
  std::vector<core::ReminderKind> kinds;  // none: no reminders at all
  bool email = false;
  std::optional<core::QuietHours> quiet;
};

struct ReminderRecord {
  std::string id;
  std::string day;              // the person's local date, YYYY-MM-DD
  std::string relationship_id;  // "" for a check-in reminder
  core::ReminderKind kind = core::ReminderKind::kCheckin;
  std::string plan_id;
  std::optional<std::int64_t> starts_at;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> dismissed_at;
};

std::optional<ReminderSettings> load_reminder_settings(const Context& context,
                                                       store::Transaction& tx,
                                                       const std::string& account_id);
void save_reminder_settings(const Context& context, store::Transaction& tx,
                            const std::string& account_id, const ReminderSettings& settings,
                            std::int64_t at);
// Everyone with at least one kind of reminder on.
std::vector<std::string> accounts_with_reminders(store::Transaction& tx);
// Stores the person's reminder for its day; false when that day already has one (the claim).
bool claim_reminder(const Context& context, store::Transaction& tx, const std::string& account_id,
                    const ReminderRecord& reminder);
// The person's reminders made since `since` (ms), newest first.
std::vector<ReminderRecord> reminders_since(const Context& context, store::Transaction& tx,
                                            const std::string& account_id, std::int64_t since);
// Changes nothing when the person has no such reminder.
void dismiss_reminder(store::Transaction& tx, const std::string& account_id,
                      const std::string& reminder_id, std::int64_t at);
// Leaving: the holder's reminders about that relationship go.
void delete_own_reminders_in(store::Transaction& tx, const policy::MembershipAccess& access);
// Reminders older than `before` (ms) have done their work.
void prune_reminders(store::Transaction& tx, std::int64_t before);

}  // namespace attune::app
