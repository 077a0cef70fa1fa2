#include "app/programme/programme_facts.h"

#include <algorithm>

#include "app/checkins/checkin_records.h"
#include "app/practice/practice_records.h"
#include "app/programme/programme_records.h"

namespace attune::app {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::ranges::find(list, value) != list.end();
}

// Ended practices, newest first, each with the latest post check-in of every participant
// who is still a partner.
std::vector<core::EndedPractice> ended_practices(const Context& context, store::Transaction& tx,
                                                 const policy::MemberAccess& member,
                                                 const std::vector<std::string>& partners) {
  const auto checkins = post_checkins_for_rules(context, tx, member);  // newest first
  std::vector<core::EndedPractice> ended;
  const auto now = context.clock.now();
  for (const auto& practice : relationship_practices(context, tx, member)) {
    if (practice.state_at(now).status != core::PracticeStatus::kEnded) continue;
    core::EndedPractice one;
    one.stage = practice.setup.exercise.stage;
    for (const auto& participant : practice.setup.participants) {
      if (!contains(partners, participant)) continue;
      one.participants.push_back(participant);
      const auto latest = std::ranges::find_if(checkins, [&](const CheckinRecord& c) {
        return c.practice_id == practice.id && c.author_id == participant;
      });
      if (latest == checkins.end()) continue;
      one.ratings.push_back({participant, latest->scores.of(core::Score::kSafety),
                             latest->scores.of(core::Score::kStress)});
    }
    ended.push_back(std::move(one));
  }
  return ended;
}

}  // namespace

core::ProgrammeFacts programme_facts(const Context& context, store::Transaction& tx,
                                     const policy::MemberAccess& member) {
  auto rows = load_programme_rows(tx, member);
  core::ProgrammeFacts facts;
  facts.opened = std::move(rows.opened);
  facts.therapist_offers = std::move(rows.therapist_offers);
  facts.partners = context.policy.active_partners(tx, member);
  facts.practices = ended_practices(context, tx, member, facts.partners);
  // Everyone there now has accepted the next stage (someone who had not answered yet left):
  // it is open. A departed partner never holds a stage back, and acceptances were only ever
  // given while the stage was on offer, so this holds even if the offer has lapsed since.
  const int next = core::highest_open(facts) + 1;
  auto& accepted = rows.accepted_by[next];
  const bool everyone =
      !facts.partners.empty() && std::ranges::all_of(facts.partners, [&](const std::string& p) {
        return accepted.contains(p);
      });
  if (everyone) {
    facts.opened.insert(next);
  } else if (core::stage_on_offer(context.content.programme, facts) == next) {
    facts.accepted = std::move(accepted);
  }
  return facts;
}

base::Status check_stage_open(const Context& context, store::Transaction& tx,
                              const policy::MemberAccess& member, const std::string& exercise_id) {
  const auto* exercise = context.content.find_exercise(exercise_id);
  if (exercise == nullptr || exercise->stage == 1) return {};  // unknown ids fail elsewhere
  if (core::stage_is_open(programme_facts(context, tx, member), exercise->stage)) return {};
  return base::fail(base::ErrorCode::stage_not_open,
                    "This exercise belongs to a stage that is not open for you yet.");
}

}  // namespace attune::app
