#include "app/next_step/next_steps.h"

#include "app/checkins/checkin_records.h"
#include "app/consent/entry_records.h"
#include "app/debriefs/debrief_records.h"
#include "app/policy/policy.h"
#include "app/practice/practice_records.h"
#include "app/programme/programme_facts.h"
#include "app/relationships/relationship_records.h"

namespace attune::app {
namespace {

core::MyRelationship my_relationship(const Context& context, store::Transaction& tx,
                                     const Actor& actor, const policy::MemberAccess& member) {
  core::MyRelationship mine;
  mine.id = member.relationship_id();
  const auto now = context.clock.now();
  for (const auto& practice : practices_of(context, tx, member)) {  // those naming me
    mine.exercises_used.insert(practice.setup.exercise.id);
    core::MyPractice my_practice{practice.id, practice.state_at(now).ended_at, false};
    auto access = context.policy.practice_participant(tx, actor, practice.id);
    if (!access) continue;  // no longer a participant: nothing of it is offered
    my_practice.my_debrief_given = has_given_debrief(tx, *access);
    mine.practices.push_back(std::move(my_practice));
  }
  if (auto at = latest_own_entry_at(tx, member, kCheckinFeature)) {
    mine.my_last_checkin = base::TimePoint{std::chrono::milliseconds{*at}};
  }
  const auto facts = programme_facts(context, tx, member);
  for (const auto& stage : context.content.programme.stages) {
    if (core::stage_is_open(facts, stage.stage)) mine.open_stages.insert(stage.stage);
  }
  return mine;
}

}  // namespace

std::optional<core::NextStep> NextSteps::next(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  std::vector<core::MyRelationship> relationships;
  for (const auto& rid : active_relationship_ids(*tx, actor.account_id)) {  // joined first
    auto member = context_.policy.member(*tx, actor, rid);
    if (!member) continue;
    relationships.push_back(my_relationship(context_, *tx, actor, *member));
  }
  std::vector<core::ExerciseChoice> library;
  for (const auto& exercise : context_.content.exercises) {
    library.push_back({exercise.id, exercise.stage});
  }
  return core::next_step(relationships, library, context_.clock.now());
}

}  // namespace attune::app
