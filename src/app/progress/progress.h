// Progress (SPEC 11): a person's own series over time (check-ins, measure scores, practices
// by stage) beside what partners shared with them, and milestones drawn from their own
// history only: no streaks, no missed days, no comparison between partners.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"
#include "content/measure_library.h"
#include "core/checkin.h"
#include "core/milestones.h"

namespace attune::app {

struct ProgressCheckin {
  bool mine = false;
  std::string author_name;
  core::CheckinKind kind = core::CheckinKind::kDaily;
  core::CheckinScores scores;
  std::int64_t at = 0;
};

struct ProgressScore {
  const core::Measure* measure = nullptr;
  int total = 0;
  bool mine = false;
  std::string author_name;
  std::int64_t at = 0;
};

struct ProgressPractice {
  int stage = 1;
  std::int64_t ended_at = 0;
};

struct ProgressView {
  std::vector<ProgressCheckin> checkins;    // oldest first
  std::vector<ProgressScore> scores;        // oldest first
  std::vector<ProgressPractice> practices;  // mine, oldest first
  std::vector<core::Milestone> milestones;  // mine, oldest first
};

class Progress {
 public:
  Progress(Context& context, const content::MeasureLibrary& library)
      : context_(context), library_(library) {}

  base::Result<ProgressView> get(const Actor& actor, const std::string& rid);

 private:
  Context& context_;
  const content::MeasureLibrary& library_;
};

}  // namespace attune::app
