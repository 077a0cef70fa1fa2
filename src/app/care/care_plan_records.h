// Care-plan entries are entries of the one sharing mechanism (app/consent/entry_records.h)
// with the feature "care_plan": this module is their body's shape (kind, text, whether the
// author shows their name — sealed together under the author's key) and the reads the care
// plan and the live practice need.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/care/care_note.h"
#include "app/consent/entry_records.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "core/visibility.h"

namespace attune::app {

inline constexpr const char* kCarePlanFeature = "care_plan";

struct CarePlanRecord {
  std::string id;
  std::string author_id;
  std::string kind;  // "trigger" | "helps" | "reassurance"
  std::string text;
  bool show_name = false;
  core::Visibility visibility = core::Visibility::kPrivate;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

bool is_care_plan_kind(const std::string& kind);

// The sealed body of a care-plan entry.
std::string care_plan_body(const std::string& kind, const std::string& text, bool show_name);
CarePlanRecord care_plan_of(const EntryRecord& entry);

// The member's own entries plus those shared with them, newest first.
std::vector<CarePlanRecord> care_plan_readable_by(const Context& context, store::Transaction& tx,
                                                  const policy::MemberAccess& viewer);

// The entries every participant may read (written by one of them, shared with all the
// others), as the paused practice shows them: the author's name only where they chose so.
std::vector<CareNote> care_notes_among(const Context& context, store::Transaction& tx,
                                       const policy::MemberAccess& member,
                                       const std::vector<std::string>& participants);

}  // namespace attune::app
