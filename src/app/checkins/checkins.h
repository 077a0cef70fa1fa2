// Check-ins (SPEC 5): before and after a practice, and any day, five scores from 0 to 10
// and an optional note, private by default and shared through the one sharing mechanism.
// Listing them also tells the caller, and only the caller, of a shift in their own series.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/checkins/shift_notice.h"
#include "app/context.h"
#include "base/error.h"
#include "core/checkin.h"
#include "core/visibility.h"

namespace attune::app {

struct NewCheckin {
  std::string relationship_id;
  core::CheckinKind kind = core::CheckinKind::kDaily;
  std::optional<std::string> practice_id;
  core::CheckinScores scores;
  std::string note;
  core::Visibility visibility = core::Visibility::kPrivate;
};

struct CheckinView {
  std::string id;
  core::CheckinKind kind = core::CheckinKind::kDaily;
  std::string practice_id;
  core::CheckinScores scores;
  std::string note;
  core::Visibility visibility = core::Visibility::kPrivate;
  bool mine = false;
  std::string author_name;
  std::int64_t created_at = 0;
};

struct CheckinList {
  std::vector<CheckinView> checkins;  // newest first
  std::vector<ShiftNotice> shifts;    // the caller's own, from their daily series
};

class Checkins {
 public:
  explicit Checkins(Context& context) : context_(context) {}

  base::Result<std::string> create(const Actor& actor, const NewCheckin& checkin);
  base::Result<CheckinList> list(const Actor& actor, const std::string& rid);
  base::Status set_visibility(const Actor& actor, const std::string& checkin_id,
                              core::Visibility visibility);

 private:
  // Refuses a practice that does not fit the kind, or that the caller did not take part in
  // within this relationship.
  base::Status check_practice(store::Transaction& tx, const Actor& actor,
                              const NewCheckin& checkin) const;

  Context& context_;
};

}  // namespace attune::app
