#include "app/together/reminder_records.h"

#include <nlohmann/json.hpp>

#include "base/corruption.h"

namespace attune::app {
namespace {

using nlohmann::json;

int minutes_of(const json& value) { return value.is_number_integer() ? value.get<int>() : 0; }

std::string settings_plaintext(const ReminderSettings& settings) {
  json kinds = json::array();
  for (auto kind : settings.kinds) kinds.push_back(core::reminder_kind_name(kind));
  json body{{"kinds", kinds}, {"email", settings.email}, {"quiet", nullptr}};
  if (settings.quiet) body["quiet"] = {settings.quiet->start, settings.quiet->end};
  return body.dump();
}

ReminderSettings settings_of(const std::string& plaintext) {
  auto body = json::parse(plaintext, nullptr, false);
  if (!body.is_object()) throw base::Corruption("reminder settings do not hold settings");
  ReminderSettings settings;
  for (const auto& kind : body.value("kinds", json::array())) {
    if (auto parsed = core::parse_reminder_kind(kind.get<std::string>())) {
      settings.kinds.push_back(*parsed);
    }
  }
  settings.email = body.value("email", false);
  if (body["quiet"].is_array() && body["quiet"].size() == 2) {
    settings.quiet = core::QuietHours{minutes_of(body["quiet"][0]), minutes_of(body["quiet"][1])};
  }
  return settings;
}

std::string reminder_plaintext(const ReminderRecord& reminder) {
  json body{{"kind", core::reminder_kind_name(reminder.kind)}, {"plan_id", reminder.plan_id}};
  if (reminder.starts_at) body["starts_at"] = *reminder.starts_at;
  return body.dump();
}

}  // namespace

std::optional<ReminderSettings> load_reminder_settings(const Context& context,
                                                       store::Transaction& tx,
                                                       const std::string& account_id) {
  auto row = tx.query_one("SELECT settings_sealed FROM reminder_settings WHERE account_id = ?",
                          {account_id});
  if (!row) return std::nullopt;
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  return settings_of(context.keyring.open(key, account_id, "reminder_settings", row->bytes(0)));
}

void save_reminder_settings(const Context& context, store::Transaction& tx,
                            const std::string& account_id, const ReminderSettings& settings,
                            std::int64_t at) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  const auto sealed =
      context.keyring.seal(key, account_id, "reminder_settings", settings_plaintext(settings));
  tx.execute(
      "INSERT INTO reminder_settings (account_id, settings_sealed, enabled, updated_at) VALUES "
      "(?,?,?,?) ON CONFLICT (account_id) DO UPDATE SET settings_sealed = "
      "excluded.settings_sealed, enabled = excluded.enabled, updated_at = excluded.updated_at",
      {account_id, store::blob(sealed), static_cast<std::int64_t>(settings.kinds.empty() ? 0 : 1),
       at});
}

std::vector<std::string> accounts_with_reminders(store::Transaction& tx) {
  std::vector<std::string> ids;
  for (const auto& row :
       tx.query("SELECT account_id FROM reminder_settings WHERE enabled = 1 ORDER BY account_id")) {
    ids.push_back(row.text(0));
  }
  return ids;
}

bool claim_reminder(const Context& context, store::Transaction& tx, const std::string& account_id,
                    const ReminderRecord& reminder) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  const auto sealed =
      context.keyring.seal(key, reminder.id, "reminder", reminder_plaintext(reminder));
  const store::Value relationship = reminder.relationship_id.empty()
                                        ? store::null_value()
                                        : store::Value(reminder.relationship_id);
  auto inserted = tx.execute_unique(
      "INSERT INTO reminders (id, account_id, day, relationship_id, reminder_sealed, created_at) "
      "VALUES (?,?,?,?,?,?)",
      {reminder.id, account_id, reminder.day, relationship, store::blob(sealed),
       reminder.created_at});
  return inserted.has_value() && *inserted > 0;
}

std::vector<ReminderRecord> reminders_since(const Context& context, store::Transaction& tx,
                                            const std::string& account_id, std::int64_t since) {
  std::vector<ReminderRecord> reminders;
  auto rows = tx.query(
      "SELECT id, day, relationship_id, reminder_sealed, created_at, dismissed_at FROM reminders "
      "WHERE account_id = ? AND created_at >= ? ORDER BY created_at DESC, id",
      {account_id, since});
  if (rows.empty()) return reminders;
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  for (const auto& row : rows) {
    ReminderRecord reminder;
    reminder.id = row.text(0);
    reminder.day = row.text(1);
    if (!row.is_null(2)) reminder.relationship_id = row.text(2);
    auto body = json::parse(context.keyring.open(key, reminder.id, "reminder", row.bytes(3)),
                            nullptr, false);
    if (!body.is_object()) throw base::Corruption("a reminder does not hold a reminder");
    reminder.kind =
        core::parse_reminder_kind(body.value("kind", "")).value_or(core::ReminderKind::kCheckin);
    reminder.plan_id = body.value("plan_id", "");
    if (body.contains("starts_at") && body["starts_at"].is_number_integer()) {
      reminder.starts_at = body["starts_at"].get<std::int64_t>();
    }
    reminder.created_at = row.integer(4);
    if (!row.is_null(5)) reminder.dismissed_at = row.integer(5);
    reminders.push_back(std::move(reminder));
  }
  return reminders;
}

void dismiss_reminder(store::Transaction& tx, const std::string& account_id,
                      const std::string& reminder_id, std::int64_t at) {
  tx.execute(
      "UPDATE reminders SET dismissed_at = ? WHERE id = ? AND account_id = ? AND dismissed_at IS "
      "NULL",
      {at, reminder_id, account_id});
}

void delete_own_reminders_in(store::Transaction& tx, const policy::MembershipAccess& access) {
  tx.execute("DELETE FROM reminders WHERE account_id = ? AND relationship_id = ?",
             {access.account_id(), access.relationship_id()});
}

void prune_reminders(store::Transaction& tx, std::int64_t before) {
  tx.execute("DELETE FROM reminders WHERE created_at < ?", {before});
}

}  // namespace attune::app
