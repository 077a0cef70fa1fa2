// Check-ins are entries of the one sharing mechanism (app/consent/entry_records.h) with the
// feature "checkin": this module is their body's shape (kind, practice, scores, note — all
// sealed together under the author's key) and the reads check-ins need.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/consent/entry_records.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "core/checkin.h"
#include "core/visibility.h"

namespace attune::app {

inline constexpr const char* kCheckinFeature = "checkin";

struct CheckinRecord {
  std::string id;
  std::string author_id;
  core::CheckinKind kind = core::CheckinKind::kDaily;
  std::string practice_id;  // empty when not tied to a practice
  core::CheckinScores scores;
  std::string note;
  core::Visibility visibility = core::Visibility::kPrivate;
  std::int64_t created_at = 0;
};

// The check-in an entry of the feature "checkin" holds.
CheckinRecord checkin_from_entry(const EntryRecord& entry);

// The sealed body of a check-in entry.
std::string checkin_body(const CheckinRecord& checkin);

// Check-ins the member may read (their own, plus those shared with them), newest first.
std::vector<CheckinRecord> checkins_readable_by(const Context& context, store::Transaction& tx,
                                                const policy::MemberAccess& viewer);

// The member's own daily check-ins, oldest first: the series shift detection reads.
std::vector<CheckinRecord> own_daily_series(const Context& context, store::Transaction& tx,
                                            const policy::MemberAccess& member);

// Every participant's post-practice check-ins in the member's relationship, newest first,
// whatever their visibility: only for the programme's rule, which shows counts, never
// scores or names.
std::vector<CheckinRecord> post_checkins_for_rules(const Context& context, store::Transaction& tx,
                                                   const policy::MemberAccess& member);

}  // namespace attune::app
