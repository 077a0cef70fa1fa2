#include "core/measure.h"

#include <algorithm>

namespace attune::core {

const MeasureItem* Measure::find_item(const std::string& item_id) const {
  const auto it = std::ranges::find(items, item_id, &MeasureItem::id);
  return it == items.end() ? nullptr : &*it;
}

std::pair<int, int> sum_range(const std::vector<MeasureItem>& items) {
  int low = 0;
  int high = 0;
  for (const auto& item : items) {
    if (item.points.empty()) continue;
    low += item.points.front();
    high += item.points.back();
  }
  return {low, high};
}

int scored_value(const MeasureItem& item, int answer) {
  return item.reverse ? item.points.front() + item.points.back() - answer : answer;
}

base::Result<MeasureScore> score_measure(const Measure& measure, const MeasureAnswers& answers) {
  for (const auto& [item_id, value] : answers) {
    const auto* item = measure.find_item(item_id);
    if (!item) return base::fail(base::ErrorCode::invalid_answer, "An answer names no item.");
    if (std::ranges::find(item->points, value) == item->points.end()) {
      return base::fail(base::ErrorCode::invalid_answer,
                        "Answer to item " + item_id + " is outside its scale.");
    }
  }
  MeasureScore score;
  for (const auto& item : measure.items) {
    const auto it = answers.find(item.id);
    if (it == answers.end()) {
      return base::fail(base::ErrorCode::missing_field, "Item " + item.id + " is not answered.");
    }
    score.total += scored_value(item, it->second);
  }
  for (const auto& cutoff : measure.cutoffs) {
    if (score.total < cutoff.below) {
      score.band = cutoff.meaning;
      break;
    }
  }
  return score;
}

bool measure_due(std::optional<std::int64_t> last_at, int every_days, std::int64_t now) {
  if (every_days <= 0) return false;
  if (!last_at) return true;
  constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
  return now >= *last_at + every_days * kDayMs;
}

}  // namespace attune::core
