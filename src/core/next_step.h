// The one gentle next step the home screen offers (SPEC 6), pure: a debrief still waiting
// for my own words, else a daily check-in, else an exercise of an open stage not yet
// tried. It is decided only from my own state; it never counts days, never keeps streaks,
// and never depends on what anyone else did or did not do.
#pragma once

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/clock.h"

namespace attune::core {

// A check-in is offered again once this long has passed since my last one there.
inline constexpr std::chrono::hours kCheckinGap{20};

enum class NextStepKind { kDebrief, kCheckin, kExercise };
std::string_view next_step_kind_name(NextStepKind kind);  // "debrief", "checkin", "exercise"

struct NextStep {
  NextStepKind kind = NextStepKind::kCheckin;
  std::string relationship_id;
  std::string practice_id;  // a debrief's practice
  std::string exercise_id;  // an exercise's id
};

// A practice I took part in, with only my own part of its debrief.
struct MyPractice {
  std::string id;
  std::optional<base::TimePoint> ended_at;  // none while it has not ended
  bool my_debrief_given = false;            // I answered or skipped
};

struct ExerciseChoice {
  std::string id;
  int stage = 1;
};

// What I know of one of my relationships.
struct MyRelationship {
  std::string id;
  std::vector<MyPractice> practices;
  std::optional<base::TimePoint> my_last_checkin;  // any kind
  std::set<int> open_stages;
  std::set<std::string> exercises_used;  // by the practices I took part in
};

// `relationships` in the order I joined them (the first is preferred on a tie), `library`
// every exercise of the content. A debrief anywhere comes first (the most recently ended
// practice), then a check-in, then an exercise (lowest stage, then id).
std::optional<NextStep> next_step(const std::vector<MyRelationship>& relationships,
                                  const std::vector<ExerciseChoice>& library, base::TimePoint now);

}  // namespace attune::core
