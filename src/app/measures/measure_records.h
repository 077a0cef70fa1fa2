// Measures' storage. An answered measure is an entry of the one sharing mechanism
// (app/consent/entry_records.h) with the feature "measure": its body (measure, answers,
// total) is sealed under the author's key, private until shared with partners and/or the
// therapist. A person's rhythm for a measure is a private entry of the feature
// "measure_schedule", so export and deletion cover both. The imported item wording is
// operator content in measure_item_texts, the only table this module owns.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/consent/entry_records.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "content/measure_library.h"
#include "core/measure.h"
#include "core/visibility.h"

namespace attune::app {

inline constexpr const char* kMeasureFeature = "measure";
inline constexpr const char* kMeasureScheduleFeature = "measure_schedule";

struct MeasureResponseRecord {
  std::string id;
  std::string author_id;
  std::string measure_id;
  core::MeasureAnswers answers;
  int total = 0;
  core::Visibility visibility = core::Visibility::kPrivate;
  std::int64_t created_at = 0;
};

// The answered measure an entry of the feature "measure" holds (for any reader of shared
// entries, such as the therapist's view).
MeasureResponseRecord measure_response_from_entry(const EntryRecord& entry);

std::string measure_response_body(const std::string& measure_id,
                                  const core::MeasureAnswers& answers, int total);

// Answered measures the member may read (their own, plus those shared with them), newest
// first.
std::vector<MeasureResponseRecord> measure_responses_readable_by(
    const Context& context, store::Transaction& tx, const policy::MemberAccess& viewer);

// The holder's own answered measures in the relationship that reach the therapist.
std::vector<MeasureResponseRecord> measure_responses_for_therapist(
    const Context& context, store::Transaction& tx, const policy::MembershipAccess& author);

struct MeasureScheduleRecord {
  std::string entry_id;
  std::string measure_id;
  int every_days = 0;
};

std::string measure_schedule_body(const std::string& measure_id, int every_days);
// The member's own rhythms in the relationship.
std::vector<MeasureScheduleRecord> own_measure_schedules(const Context& context,
                                                         store::Transaction& tx,
                                                         const policy::MemberAccess& member);

// Imported item wording: measure id -> item id -> text.
using ImportedTexts = std::map<std::string, std::map<std::string, content::ItemText>>;
ImportedTexts imported_item_texts(store::Transaction& tx);
// Replaces the texts of every (measure, item) given; others stay as they were.
void save_item_texts(store::Transaction& tx, const std::vector<content::ItemText>& texts,
                     std::int64_t at);

// The active members of a relationship, for the operator's report (`attune report`), which
// acts for no member: the operator names the relationship on the command line.
std::vector<std::string> relationship_member_ids_for_operator(store::Transaction& tx,
                                                              const std::string& relationship_id);

}  // namespace attune::app
