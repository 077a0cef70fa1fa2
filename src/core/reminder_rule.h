// Which gentle reminder, if any, a person gets now: at most one a day, never in their quiet
// hours, only of the kinds they asked for, and only ever about their own time and their own
// check-in — never about what someone else did or did not do. Pure: the caller gathers the
// person's plans, whether they checked in today and their local time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune::core {

enum class ReminderKind { kCheckin, kPractice, kPlan };

// "checkin", "practice", "plan"; anything else is nullopt.
std::optional<ReminderKind> parse_reminder_kind(std::string_view text);
std::string_view reminder_kind_name(ReminderKind kind);

// Minutes after local midnight; quiet from `start` up to `end`, across midnight when start is
// later than end. Equal means no quiet hours.
struct QuietHours {
  int start = 0;
  int end = 0;
};

bool is_quiet(const QuietHours& quiet, int local_minute);

// A plan the person is joining, with a start.
struct UpcomingPlan {
  std::string plan_id;
  std::string relationship_id;
  std::int64_t starts_at = 0;  // ms
  bool practice = false;
};

struct ReminderSituation {
  std::vector<ReminderKind> wanted;  // what the person asked for
  QuietHours quiet;
  int local_minute = 0;                        // now, in the person's time zone
  std::int64_t now = 0;                        // ms
  bool reminded_today = false;                 // a reminder already went out on this local day
  bool checked_in_today = false;               // the person's own check-in, any relationship
  std::vector<UpcomingPlan> plans;             // plans the person is joining
  std::vector<std::string> reminded_plan_ids;  // already reminded of, recently
};

struct ReminderChoice {
  ReminderKind kind = ReminderKind::kCheckin;
  std::optional<UpcomingPlan> plan;
};

// A plan starting within this much from now is worth a word the day before or the day of.
inline constexpr std::int64_t kPlanHorizonMs = 24LL * 60 * 60 * 1000;
// A check-in reminder waits for the afternoon: mornings belong to the person.
inline constexpr int kCheckinFromMinute = 12 * 60;

// The soonest plan (by its time, whoever else joins) comes first, then a check-in.
std::optional<ReminderChoice> choose_reminder(const ReminderSituation& situation);

}  // namespace attune::core
