#include "core/programme.h"

#include <algorithm>

namespace attune::core {
namespace {

const PostRating* rating_of(const EndedPractice& practice, const std::string& participant) {
  const auto it = std::ranges::find(practice.ratings, participant, &PostRating::author_id);
  return it == practice.ratings.end() ? nullptr : &*it;
}

bool everyone_comfortable(const RatingThresholds& thresholds, const EndedPractice& practice) {
  if (practice.participants.empty()) return false;
  return std::ranges::all_of(practice.participants, [&](const std::string& participant) {
    const auto* rating = rating_of(practice, participant);
    return rating != nullptr && is_comfortable(thresholds, *rating);
  });
}

bool anyone_hard(const RatingThresholds& thresholds, const EndedPractice& practice) {
  return std::ranges::any_of(practice.ratings,
                             [&](const PostRating& r) { return is_hard(thresholds, r); });
}

}  // namespace

const ProgrammeStage* Programme::find(int stage) const {
  const auto it = std::ranges::find(stages, stage, &ProgrammeStage::stage);
  return it == stages.end() ? nullptr : &*it;
}

bool is_comfortable(const RatingThresholds& thresholds, const PostRating& rating) {
  return rating.safety >= thresholds.comfortable_safety &&
         rating.stress <= thresholds.comfortable_stress;
}

bool is_hard(const RatingThresholds& thresholds, const PostRating& rating) {
  return rating.safety <= thresholds.hard_safety || rating.stress >= thresholds.hard_stress;
}

bool next_stage_earned(const Programme& programme, int stage,
                       const std::vector<EndedPractice>& newest_first) {
  const auto* rule = programme.find(stage);
  if (rule == nullptr || rule->comfortable_practices_to_offer_next <= 0) return false;
  const auto needed = static_cast<std::size_t>(rule->comfortable_practices_to_offer_next);
  std::size_t seen = 0;
  for (const auto& practice : newest_first) {
    if (practice.stage != stage) continue;
    if (anyone_hard(programme.thresholds, practice) ||
        !everyone_comfortable(programme.thresholds, practice)) {
      return false;
    }
    if (++seen == needed) return true;
  }
  return false;
}

int highest_open(const ProgrammeFacts& facts) {
  return facts.opened.empty() ? 1 : std::max(1, *facts.opened.rbegin());
}

std::optional<int> stage_on_offer(const Programme& programme, const ProgrammeFacts& facts) {
  const int highest = highest_open(facts);
  const int next = highest + 1;
  if (next > programme.last_stage()) return std::nullopt;
  if (facts.therapist_offers.contains(next) ||
      next_stage_earned(programme, highest, facts.practices)) {
    return next;
  }
  return std::nullopt;
}

bool stage_is_open(const ProgrammeFacts& facts, int stage) {
  return stage == 1 || facts.opened.contains(stage) || stage < highest_open(facts);
}

ProgrammeView programme_view(const Programme& programme, const ProgrammeFacts& facts) {
  ProgrammeView view;
  const auto offered = stage_on_offer(programme, facts);
  for (const auto& stage : programme.stages) {
    auto status = StageStatus::kClosed;
    if (stage_is_open(facts, stage.stage)) status = StageStatus::kOpen;
    if (offered && stage.stage == *offered) status = StageStatus::kOffered;
    view.stages.emplace_back(stage.stage, status);
  }
  if (offered) {
    const auto accepted = std::ranges::count_if(
        facts.partners, [&](const std::string& p) { return facts.accepted.contains(p); });
    view.offer =
        ProgrammeOffer{*offered, static_cast<std::size_t>(accepted), facts.partners.size()};
  }
  if (!facts.practices.empty() && anyone_hard(programme.thresholds, facts.practices.front())) {
    view.step_back_to = std::max(1, facts.practices.front().stage - 1);
  }
  return view;
}

}  // namespace attune::core
