#include "core/milestones.h"

#include <algorithm>
#include <map>

namespace attune::core {
namespace {

// Debriefs where everyone named something nourishing, at these counts.
constexpr int kNourishingCounts[] = {1, 3, 10};

std::string nourishing_text(int count) {
  if (count == 1) return "A debrief where everyone named something nourishing.";
  return count == 3 ? "Three debriefs where everyone named something nourishing."
                    : "Ten debriefs where everyone named something nourishing.";
}

void add_firsts(std::vector<Milestone>& out, std::vector<PracticeDone> practices) {
  std::ranges::sort(practices, {}, &PracticeDone::ended_at);
  if (practices.empty()) return;
  out.push_back({"first-practice", "Your first practice together.", practices.front().ended_at});
  std::map<int, std::int64_t> first_at_stage;
  for (const auto& practice : practices)
    first_at_stage.try_emplace(practice.stage, practice.ended_at);
  for (const auto& [stage, at] : first_at_stage) {
    if (stage < 2) continue;
    out.push_back({"first-practice-stage-" + std::to_string(stage),
                   "Your first practice at stage " + std::to_string(stage) + ".", at});
  }
}

void add_nourishing(std::vector<Milestone>& out, std::vector<DebriefRound> debriefs) {
  std::ranges::sort(debriefs, {}, &DebriefRound::at);
  int count = 0;
  for (const auto& round : debriefs) {
    if (!round.everyone_named_nourishing) continue;
    ++count;
    if (std::ranges::find(kNourishingCounts, count) == std::end(kNourishingCounts)) continue;
    out.push_back(
        {"nourishing-debriefs-" + std::to_string(count), nourishing_text(count), round.at});
  }
}

void add_first(std::vector<Milestone>& out, const std::vector<std::int64_t>& times, const char* id,
               const char* text) {
  if (times.empty()) return;
  out.push_back({id, text, *std::ranges::min_element(times)});
}

}  // namespace

std::vector<Milestone> milestones(MilestoneFacts facts) {
  std::vector<Milestone> out;
  add_first(out, facts.checkins_at, "first-checkin", "Your first check-in.");
  add_first(out, facts.measures_answered_at, "first-measure",
            "You took a first look at how things are, with a questionnaire.");
  add_firsts(out, std::move(facts.practices));
  add_nourishing(out, std::move(facts.debriefs));
  std::ranges::stable_sort(out, {}, &Milestone::at);
  return out;
}

}  // namespace attune::core
