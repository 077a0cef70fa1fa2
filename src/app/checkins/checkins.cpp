#include "app/checkins/checkins.h"

#include "app/accounts/people.h"
#include "app/checkins/checkin_records.h"
#include "app/consent/sharing.h"
#include "app/nudge_topics.h"
#include "app/practice/practice_records.h"
#include "core/shift_detection.h"
#include "core/text.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxNote = 4000;

}  // namespace

base::Status Checkins::check_practice(store::Transaction& tx, const Actor& actor,
                                      const NewCheckin& checkin) const {
  if (checkin.kind == core::CheckinKind::kDaily && checkin.practice_id) {
    return base::fail(base::ErrorCode::invalid_field,
                      "A daily check-in is not tied to a practice.");
  }
  if (checkin.kind == core::CheckinKind::kPost && !checkin.practice_id) {
    return base::fail(base::ErrorCode::missing_field,
                      "practice_id is required for a check-in after a practice.");
  }
  if (!checkin.practice_id) return {};
  auto access = context_.policy.practice_participant(tx, actor, *checkin.practice_id);
  if (!access || access->relationship_id() != checkin.relationship_id) {
    return std::unexpected(policy::not_found());
  }
  if (!load_practice(context_, tx, *access).names(actor.account_id)) {
    return std::unexpected(policy::not_found());
  }
  return {};
}

base::Result<std::string> Checkins::create(const Actor& actor, const NewCheckin& checkin) {
  ATTUNE_TRY(core::check_scores(checkin.scores));
  ATTUNE_TRY(core::check_text("note", checkin.note, kMaxNote, false));
  Sharing sharing(context_);
  auto id = context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto member = context_.policy.member(tx, actor, checkin.relationship_id);
    if (!member) return base::error_of(member);
    ATTUNE_TRY(check_practice(tx, actor, checkin));
    CheckinRecord record;
    record.kind = checkin.kind;
    record.practice_id = checkin.practice_id.value_or("");
    record.scores = checkin.scores;
    record.note = checkin.note;
    return sharing.create(tx, *member, kCheckinFeature, checkin_body(record), checkin.visibility);
  });
  if (id) sharing.nudge(nudge_topic::kCheckins);
  return id;
}

base::Result<CheckinList> Checkins::list(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  CheckinList result;
  for (auto& checkin : checkins_readable_by(context_, *tx, *member)) {
    const bool mine = checkin.author_id == actor.account_id;
    result.checkins.push_back({checkin.id, checkin.kind, std::move(checkin.practice_id),
                               checkin.scores, std::move(checkin.note), checkin.visibility, mine,
                               display_name_of(context_, *tx, checkin.author_id),
                               checkin.created_at});
  }
  // Only the caller's own series, and only to the caller.
  const auto series = own_daily_series(context_, *tx, *member);
  std::vector<core::CheckinScores> scores;
  for (const auto& checkin : series) scores.push_back(checkin.scores);
  for (const auto& shift : core::detect_shifts(scores)) {
    result.shifts.push_back(notice_of(shift, series[shift.since].created_at));
  }
  return result;
}

base::Status Checkins::set_visibility(const Actor& actor, const std::string& checkin_id,
                                      core::Visibility visibility) {
  Sharing sharing(context_);
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto rid = own_entry_relationship(tx, actor.account_id, checkin_id, kCheckinFeature);
    if (!rid) return std::unexpected(policy::not_found());
    auto author = context_.policy.member(tx, actor, *rid);
    if (!author) return base::error_of(author);
    auto entry = load_own_entry(context_, tx, *author, checkin_id);
    if (!entry) return std::unexpected(policy::not_found());
    sharing.set_visibility(tx, *author, *entry, visibility);
    return {};
  });
  if (done) sharing.nudge(nudge_topic::kCheckins);
  return done;
}

}  // namespace attune::app
