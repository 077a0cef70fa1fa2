#include "app/together/reminders.h"

#include <chrono>
#include <cstdio>

#include "app/accounts/account_records.h"
#include "app/checkins/checkin_records.h"
#include "app/consent/entry_records.h"
#include "app/relationships/relationship_records.h"
#include "app/together/plan_records.h"
#include "app/together/reminder_mail.h"
#include "app/together/zone_offset.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 24 * 60 * kMinuteMs;
constexpr std::int64_t kShownForMs = 2 * kDayMs;
constexpr std::int64_t kKeptForMs = 14 * kDayMs;

// The person's local clock: the date (the claim's day), the minute of the day, and when
// their local day began, in UTC ms.
struct LocalNow {
  std::string day;
  int minute = 0;
  std::int64_t midnight = 0;
};

LocalNow local_now(std::int64_t now, const std::string& time_zone) {
  using namespace std::chrono;
  const std::int64_t offset_ms = std::int64_t{utc_offset_of(time_zone, now)} * 1000;
  const std::int64_t local = now + offset_ms;
  const std::int64_t into_day = ((local % kDayMs) + kDayMs) % kDayMs;
  const year_month_day date{floor<days>(sys_time<milliseconds>(milliseconds(local)))};
  char day[16];
  std::snprintf(day, sizeof day, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()),
                unsigned(date.day()));
  return {day, static_cast<int>(into_day / kMinuteMs), local - into_day - offset_ms};
}

std::string text_of(core::ReminderKind kind) {
  switch (kind) {
    case core::ReminderKind::kCheckin:
      return "A moment to check in with yourself, if you would like one.";
    case core::ReminderKind::kPractice:
      return "A practice you planned is coming up. It is still yours to change or let go.";
    case core::ReminderKind::kPlan:
      return "A plan you are joining is coming up.";
  }
  return {};
}

base::Status check_settings(const ReminderSettings& settings) {
  if (settings.quiet && (settings.quiet->start < 0 || settings.quiet->start >= 24 * 60 ||
                         settings.quiet->end < 0 || settings.quiet->end >= 24 * 60)) {
    return base::fail(base::ErrorCode::invalid_field, "Quiet hours are times of day.");
  }
  return {};
}

}  // namespace

base::Result<ReminderSettings> Reminders::settings(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  return load_reminder_settings(context_, *tx, actor.account_id).value_or(ReminderSettings{});
}

base::Result<ReminderSettings> Reminders::set_settings(const Actor& actor,
                                                       const ReminderSettings& settings) {
  ATTUNE_TRY(check_settings(settings));
  if (settings.email && !context_.mailer) {
    return base::fail(base::ErrorCode::mail_not_configured,
                      "This server does not send e-mail, so reminders can only show in the app.");
  }
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<ReminderSettings> {
    save_reminder_settings(context_, tx, actor.account_id, settings, context_.now_ms());
    return settings;
  });
}

base::Result<std::vector<ReminderView>> Reminders::due(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  std::vector<ReminderView> views;
  for (auto& reminder :
       reminders_since(context_, *tx, actor.account_id, context_.now_ms() - kShownForMs)) {
    if (reminder.dismissed_at) continue;
    views.push_back({reminder.id, reminder.kind, text_of(reminder.kind),
                     std::move(reminder.relationship_id), std::move(reminder.plan_id),
                     reminder.starts_at, reminder.created_at});
  }
  return views;
}

base::Status Reminders::dismiss(const Actor& actor, const std::string& reminder_id) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    dismiss_reminder(tx, actor.account_id, reminder_id, context_.now_ms());
    return {};
  });
}

ExportedReminders Reminders::export_of(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  return {load_reminder_settings(context_, *tx, actor.account_id),
          reminders_since(context_, *tx, actor.account_id, 0)};
}

std::optional<std::string> Reminders::remind(const std::string& account_id, bool& made) {
  made = false;
  std::optional<std::string> mail_to;
  const Actor actor{account_id, {}, false, {}};
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    made = false;  // afresh when the write runs again (store::Database::transact)
    mail_to.reset();
    auto settings = load_reminder_settings(context_, tx, account_id);
    auto account = load_settings(tx, account_id);
    if (!settings || settings->kinds.empty() || !account) return {};
    const std::int64_t now = context_.now_ms();
    const auto local = local_now(now, account->time_zone);
    core::ReminderSituation situation;
    situation.wanted = settings->kinds;
    situation.quiet = settings->quiet.value_or(core::QuietHours{});
    situation.local_minute = local.minute;
    situation.now = now;
    for (const auto& earlier : reminders_since(context_, tx, account_id, now - 2 * kDayMs)) {
      if (earlier.day == local.day) situation.reminded_today = true;
      if (!earlier.plan_id.empty()) situation.reminded_plan_ids.push_back(earlier.plan_id);
    }
    for (const auto& rid : active_relationship_ids(tx, account_id)) {
      auto member = context_.policy.member(tx, actor, rid);
      if (!member) continue;
      auto last = latest_own_entry_at(tx, *member, kCheckinFeature);
      if (last && *last >= local.midnight) situation.checked_in_today = true;
      for (const auto& plan : plans_seen_by(context_, tx, *member)) {
        if (!plan.starts_at) continue;
        for (const auto& answer : plan_answers(context_, tx, *member, plan)) {
          if (answer.account_id == account_id && answer.response == core::PlanResponse::kJoining) {
            situation.plans.push_back(
                {plan.id, rid, *plan.starts_at, plan.kind == core::PlanKind::kPractice});
          }
        }
      }
    }
    auto choice = core::choose_reminder(situation);
    if (!choice) return {};
    ReminderRecord reminder;
    reminder.id = crypto::random_id();
    reminder.day = local.day;
    reminder.kind = choice->kind;
    if (choice->plan) {
      reminder.relationship_id = choice->plan->relationship_id;
      reminder.plan_id = choice->plan->plan_id;
      reminder.starts_at = choice->plan->starts_at;
    }
    reminder.created_at = now;
    made = claim_reminder(context_, tx, account_id, reminder);
    if (made && settings->email && context_.mailer) {
      if (auto profile = load_account(context_, tx, account_id)) mail_to = profile->email;
    }
    return {};
  });
  if (!done) made = false;
  return made ? mail_to : std::nullopt;
}

int Reminders::run_due() {
  std::vector<std::string> accounts;
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    prune_reminders(tx, context_.now_ms() - kKeptForMs);
    accounts = accounts_with_reminders(tx);
    return true;
  });
  int made_count = 0;
  for (const auto& account_id : accounts) {
    bool made = false;
    auto mail_to = remind(account_id, made);
    if (made) ++made_count;
    // After the commit: the claim is ours, so no other replica sends this one.
    if (mail_to && context_.mailer) {
      context_.mailer->send(reminder_mail(*mail_to, context_.config.public_url));
    }
  }
  return made_count;
}

}  // namespace attune::app
