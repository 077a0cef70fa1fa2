// Milestones that celebrate small wins in a person's own history: firsts and gentle
// thresholds, each reached once and kept. Never streaks, never missed days, never a
// comparison between partners: the facts are one person's own, and nothing here counts
// what did not happen.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace attune::core {

// A practice the person took part in that ran for a while and has ended.
struct PracticeDone {
  int stage = 1;
  std::int64_t ended_at = 0;  // ms
};

// A revealed debrief of a practice the person took part in.
struct DebriefRound {
  std::int64_t at = 0;                     // ms, when the practice ended
  bool everyone_named_nourishing = false;  // no one skipped and every answer names something
};

struct MilestoneFacts {
  std::vector<PracticeDone> practices;
  std::vector<DebriefRound> debriefs;
  std::vector<std::int64_t> measures_answered_at;  // the person's own
  std::vector<std::int64_t> checkins_at;           // the person's own
};

struct Milestone {
  std::string id;  // stable, e.g. "first-practice-stage-2"
  std::string text;
  std::int64_t at = 0;  // when it was reached
};

// Every milestone the facts reach, oldest first. Order of the input does not matter.
std::vector<Milestone> milestones(MilestoneFacts facts);

}  // namespace attune::core
