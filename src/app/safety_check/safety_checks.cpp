#include "app/safety_check/safety_checks.h"

#include "app/safety_check/practice_hold.h"
#include "crypto/tokens.h"

namespace attune::app {

base::Result<std::string> SafetyChecks::submit(const Actor& actor, const std::string& rid,
                                               const core::SafetyAnswers& answers) {
  ATTUNE_TRY(core::check_safety_answers(form(), answers));
  SafetyCheckRecord check{crypto::random_id(), form().version, answers,
                          core::signals_danger(form(), answers), context_.now_ms()};
  std::vector<std::string> paused;
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    insert_safety_check(context_, tx, *member, check);
    paused = set_practice_hold(context_, tx, member->membership(),
                               {HoldCause::kSafetyCheck, actor.account_id}, check.signals_danger);
    return {};
  });
  if (!done) return base::error_of(done);
  context_.notify_practices(paused);
  return check.id;
}

base::Result<std::vector<SafetyCheckRecord>> SafetyChecks::mine(const Actor& actor,
                                                                const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  return own_safety_checks(context_, *tx, *member);
}

}  // namespace attune::app
