// Measures (SPEC 11): validated questionnaires scored by their published rules, and our own
// weekly pulse. Each person answers privately; a result is an entry of the one sharing
// mechanism, so it reaches partners and/or the therapist only when its author shares it.
// A person may choose a rhythm per measure; what is due is shown to them alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"
#include "content/measure_library.h"
#include "core/measure.h"
#include "core/visibility.h"

namespace attune::app {

struct MeasureItemView {
  std::string id;
  std::vector<int> points;
  std::string text;
  std::string low_label;
  std::string high_label;
  bool placeholder = false;  // the wording is not installed: a neutral placeholder
};

struct MeasureView {
  const core::Measure* measure = nullptr;
  bool texts_installed = false;  // our own words, or every item's wording imported
  std::vector<MeasureItemView> items;
};

struct AnsweredOutcome {
  std::string id;
  core::MeasureScore score;
};

struct MeasureResultView {
  std::string id;
  const core::Measure* measure = nullptr;
  int total = 0;
  std::optional<std::string> band;
  bool mine = false;
  std::string author_name;
  core::Visibility visibility = core::Visibility::kPrivate;  // shown to the author only
  std::int64_t created_at = 0;
};

struct MeasureScheduleView {
  std::string measure_id;
  int every_days = 0;  // 0 = no rhythm chosen
  std::optional<std::int64_t> last_answered_at;
  bool due = false;
};

inline constexpr int kMaxEveryDays = 365;

// The neutral text shown for an item whose wording the operator has not installed.
std::string placeholder_text(std::size_t position, std::size_t count);

class Measures {
 public:
  Measures(Context& context, const content::MeasureLibrary& library)
      : context_(context), library_(library) {}

  std::vector<MeasureView> list();
  base::Result<MeasureView> get(const std::string& measure_id);

  base::Result<AnsweredOutcome> answer(const Actor& actor, const std::string& rid,
                                       const std::string& measure_id,
                                       const core::MeasureAnswers& answers,
                                       core::Visibility visibility);
  // Mine and those shared with me, newest first.
  base::Result<std::vector<MeasureResultView>> results(const Actor& actor, const std::string& rid);
  base::Status set_visibility(const Actor& actor, const std::string& result_id,
                              core::Visibility visibility);

  // Every measure with my rhythm (if any) and whether it is due now.
  base::Result<std::vector<MeasureScheduleView>> schedules(const Actor& actor,
                                                           const std::string& rid);
  // every_days 1..365, or 0 to stop.
  base::Status set_schedule(const Actor& actor, const std::string& rid,
                            const std::string& measure_id, int every_days);

  // FHIR R4: the Questionnaire, and a collection Bundle of the results readable by me that
  // were shared (mine I shared and others' shared with me; never a private one).
  base::Result<nlohmann::json> questionnaire_fhir(const std::string& measure_id);
  base::Result<nlohmann::json> shared_results_fhir(const Actor& actor, const std::string& rid);

  // The operator's import of item wording; returns how many items were stored.
  std::size_t import_texts(const std::vector<content::ItemText>& texts);

 private:
  MeasureView view_of(const core::Measure& measure, store::Transaction& tx) const;

  Context& context_;
  const content::MeasureLibrary& library_;
};

}  // namespace attune::app
