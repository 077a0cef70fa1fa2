// A questionnaire as a rule sees it: its items, each with the response points in the order
// they are presented, reverse keying, a sum score and published cut-offs. The facts come
// from content/measures/; the published item wording never ships (a clinic imports it).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"

namespace attune::core {

struct MeasureItem {
  std::string id;           // the FHIR linkId too
  std::vector<int> points;  // the response values in presented order, ascending, contiguous
  // Reverse keyed: the presented order runs from the high-scoring pole to the low one, so
  // the scored value is min + max - answer.
  bool reverse = false;
  std::string text;  // only for measures in our own words (validated = false)
};

struct MeasureCutoff {
  double below = 0;     // a total below this value
  std::string meaning;  // what the source says it indicates, in our words
};

struct Measure {
  std::string id;
  std::string name;
  std::string short_name;
  bool validated = false;  // a published instrument; false for our own pulse
  std::string citation;    // empty only when !validated
  std::string scoring_note;
  std::vector<MeasureItem> items;
  int min_total = 0;
  int max_total = 0;
  std::vector<MeasureCutoff> cutoffs;
  int suggested_every_days = 0;  // 0 = no suggestion

  const MeasureItem* find_item(const std::string& item_id) const;
};

// The range a sum over these items can take: (sum of minima, sum of maxima).
std::pair<int, int> sum_range(const std::vector<MeasureItem>& items);

// Item id -> the chosen point value.
using MeasureAnswers = std::map<std::string, int>;

struct MeasureScore {
  int total = 0;
  // The meaning of the first cut-off the total is below, if any.
  std::optional<std::string> band;
};

// The item's contribution: the answer, or min + max - answer when reverse keyed.
int scored_value(const MeasureItem& item, int answer);

// missing_field unless every item is answered; invalid_answer for an unknown item or a
// value that is not one of the item's points.
base::Result<MeasureScore> score_measure(const Measure& measure, const MeasureAnswers& answers);

// Whether a measure answered last at `last_at` (ms; none if never) is due at `now` (ms)
// on a rhythm of every `every_days` days.
bool measure_due(std::optional<std::int64_t> last_at, int every_days, std::int64_t now);

}  // namespace attune::core
