#include "app/progress/progress.h"

#include <algorithm>

#include "app/accounts/people.h"
#include "app/checkins/checkin_records.h"
#include "app/debriefs/debriefs.h"
#include "app/measures/measure_records.h"
#include "app/practice/practice_records.h"
#include "core/text.h"

namespace attune::app {
namespace {

// A practice that ran for a while and has ended; nullopt for one that never started.
std::optional<core::PracticeDone> done_of(const PracticeRecord& practice, base::TimePoint now) {
  const auto state = practice.state_at(now);
  if (state.status != core::PracticeStatus::kEnded || !state.ended_at || state.running_ms <= 0) {
    return std::nullopt;
  }
  return core::PracticeDone{practice.setup.exercise.stage,
                            state.ended_at->time_since_epoch().count()};
}

bool everyone_named_nourishing(const DebriefsView& view) {
  if (view.status != core::DebriefStatus::kRevealed || view.debriefs.empty()) return false;
  return std::ranges::all_of(view.debriefs, [](const ShownDebrief& shown) {
    return !shown.answer.skipped && !core::is_blank(shown.answer.nourishing);
  });
}

}  // namespace

base::Result<ProgressView> Progress::get(const Actor& actor, const std::string& rid) {
  ProgressView view;
  core::MilestoneFacts facts;
  std::vector<std::pair<std::string, std::int64_t>> ended;  // practice id, ended at
  {
    auto tx = context_.db.begin(store::TxMode::kRead);
    auto member = context_.policy.member(*tx, actor, rid);
    if (!member) return base::error_of(member);
    for (const auto& checkin : checkins_readable_by(context_, *tx, *member)) {
      const bool mine = checkin.author_id == actor.account_id;
      view.checkins.push_back({mine, display_name_of(context_, *tx, checkin.author_id),
                               checkin.kind, checkin.scores, checkin.created_at});
      if (mine) facts.checkins_at.push_back(checkin.created_at);
    }
    for (const auto& response : measure_responses_readable_by(context_, *tx, *member)) {
      const auto* measure = library_.find(response.measure_id);
      if (!measure) continue;
      const bool mine = response.author_id == actor.account_id;
      view.scores.push_back({measure, response.total, mine,
                             display_name_of(context_, *tx, response.author_id),
                             response.created_at});
      if (mine) facts.measures_answered_at.push_back(response.created_at);
    }
    const auto now = context_.clock.now();
    for (const auto& practice : practices_of(context_, *tx, *member)) {
      const auto done = done_of(practice, now);
      if (!done) continue;
      view.practices.push_back({done->stage, done->ended_at});
      facts.practices.push_back(*done);
      ended.emplace_back(practice.id, done->ended_at);
    }
  }
  // Debriefs are read as each participant would read them: only revealed ones count.
  Debriefs debriefs(context_);
  for (const auto& [practice_id, ended_at] : ended) {
    auto shown = debriefs.get(actor, practice_id);
    if (!shown || shown->status != core::DebriefStatus::kRevealed) continue;
    facts.debriefs.push_back({ended_at, everyone_named_nourishing(*shown)});
  }
  std::ranges::reverse(view.checkins);
  std::ranges::reverse(view.scores);
  std::ranges::sort(view.practices, {}, &ProgressPractice::ended_at);
  view.milestones = core::milestones(std::move(facts));
  return view;
}

}  // namespace attune::app
