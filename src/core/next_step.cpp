#include "core/next_step.h"

#include <algorithm>
#include <tuple>

#include "core/debrief_reveal.h"

namespace attune::core {
namespace {

std::optional<NextStep> waiting_debrief(const std::vector<MyRelationship>& relationships,
                                        base::TimePoint now) {
  std::optional<NextStep> best;
  base::TimePoint best_end{};
  for (const auto& relationship : relationships) {
    for (const auto& practice : relationship.practices) {
      if (practice.my_debrief_given) continue;
      if (debrief_opening(practice.ended_at, now) != DebriefOpening::kOpen) continue;
      // The most recently ended first; on a tie the one met first (earlier relationship).
      const bool better = !best || *practice.ended_at > best_end;
      if (!better) continue;
      best = NextStep{NextStepKind::kDebrief, relationship.id, practice.id, {}};
      best_end = *practice.ended_at;
    }
  }
  return best;
}

std::optional<NextStep> due_checkin(const std::vector<MyRelationship>& relationships,
                                    base::TimePoint now) {
  for (const auto& relationship : relationships) {
    const auto& last = relationship.my_last_checkin;
    if (!last || now - *last >= kCheckinGap) {
      return NextStep{NextStepKind::kCheckin, relationship.id, {}, {}};
    }
  }
  return std::nullopt;
}

std::optional<NextStep> untried_exercise(const std::vector<MyRelationship>& relationships,
                                         const std::vector<ExerciseChoice>& library) {
  std::vector<ExerciseChoice> sorted = library;
  std::ranges::sort(sorted, [](const ExerciseChoice& a, const ExerciseChoice& b) {
    return std::tie(a.stage, a.id) < std::tie(b.stage, b.id);
  });
  for (const auto& relationship : relationships) {
    for (const auto& exercise : sorted) {
      if (!relationship.open_stages.contains(exercise.stage)) continue;
      if (relationship.exercises_used.contains(exercise.id)) continue;
      return NextStep{NextStepKind::kExercise, relationship.id, {}, exercise.id};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view next_step_kind_name(NextStepKind kind) {
  switch (kind) {
    case NextStepKind::kDebrief:
      return "debrief";
    case NextStepKind::kCheckin:
      return "checkin";
    case NextStepKind::kExercise:
      return "exercise";
  }
  return "checkin";
}

std::optional<NextStep> next_step(const std::vector<MyRelationship>& relationships,
                                  const std::vector<ExerciseChoice>& library, base::TimePoint now) {
  if (auto debrief = waiting_debrief(relationships, now)) return debrief;
  if (auto checkin = due_checkin(relationships, now)) return checkin;
  return untried_exercise(relationships, library);
}

}  // namespace attune::core
