#include "core/reminder_rule.h"

#include <algorithm>

namespace attune::core {
namespace {

bool wants(const ReminderSituation& s, ReminderKind kind) {
  return std::ranges::find(s.wanted, kind) != s.wanted.end();
}

}  // namespace

std::optional<ReminderKind> parse_reminder_kind(std::string_view text) {
  if (text == "checkin") return ReminderKind::kCheckin;
  if (text == "practice") return ReminderKind::kPractice;
  if (text == "plan") return ReminderKind::kPlan;
  return std::nullopt;
}

std::string_view reminder_kind_name(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::kCheckin:
      return "checkin";
    case ReminderKind::kPractice:
      return "practice";
    case ReminderKind::kPlan:
      return "plan";
  }
  return "checkin";
}

bool is_quiet(const QuietHours& quiet, int local_minute) {
  if (quiet.start == quiet.end) return false;
  if (quiet.start < quiet.end) return local_minute >= quiet.start && local_minute < quiet.end;
  return local_minute >= quiet.start || local_minute < quiet.end;
}

std::optional<ReminderChoice> choose_reminder(const ReminderSituation& s) {
  if (s.reminded_today || is_quiet(s.quiet, s.local_minute)) return std::nullopt;
  std::optional<UpcomingPlan> soonest;
  for (const auto& plan : s.plans) {
    const auto kind = plan.practice ? ReminderKind::kPractice : ReminderKind::kPlan;
    if (!wants(s, kind) || plan.starts_at <= s.now || plan.starts_at > s.now + kPlanHorizonMs) {
      continue;
    }
    if (std::ranges::find(s.reminded_plan_ids, plan.plan_id) != s.reminded_plan_ids.end()) {
      continue;
    }
    if (!soonest || plan.starts_at < soonest->starts_at) soonest = plan;
  }
  if (soonest) {
    return ReminderChoice{soonest->practice ? ReminderKind::kPractice : ReminderKind::kPlan,
                          soonest};
  }
  if (wants(s, ReminderKind::kCheckin) && !s.checked_in_today &&
      s.local_minute >= kCheckinFromMinute) {
    return ReminderChoice{ReminderKind::kCheckin, std::nullopt};
  }
  return std::nullopt;
}

}  // namespace attune::core
