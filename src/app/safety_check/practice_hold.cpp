#include "app/safety_check/practice_hold.h"

#include <algorithm>

#include "app/practice/practice_log.h"

namespace attune::app {
namespace {

PracticeHoldView view_in(const Context& context, store::Transaction& tx,
                         const policy::MemberAccess& member) {
  const HoldPlacer own{HoldCause::kProgrammePause, member.account_id()};
  PracticeHoldView view;
  view.practice_hold = practice_held(tx, member.relationship_id());
  // Only opened when held, and then only to find the caller's own cause.
  if (view.practice_hold) {
    const auto holds = practice_holds(context, tx, member.membership());
    view.you_paused = std::ranges::any_of(holds, [&](const auto& h) { return h.placer == own; });
  }
  return view;
}

}  // namespace

std::vector<std::string> set_practice_hold(const Context& context, store::Transaction& tx,
                                           const policy::MembershipAccess& in,
                                           const HoldPlacer& placer, bool held) {
  const auto holds = practice_holds(context, tx, in);
  const auto own = std::ranges::find(holds, placer, &HoldRecord::placer);
  if (!held) {
    if (own != holds.end()) delete_practice_hold(tx, in, own->id);
    return {};
  }
  if (own == holds.end()) insert_practice_hold(context, tx, in, placer);
  return pause_live_practices(context, tx, in);
}

void lift_own_practice_holds(const Context& context, store::Transaction& tx,
                             const policy::MembershipAccess& membership) {
  for (const auto& hold : practice_holds(context, tx, membership)) {
    if (hold.placer.holder_id == membership.account_id()) {
      delete_practice_hold(tx, membership, hold.id);
    }
  }
}

base::Result<PracticeHoldView> PracticeHolds::view(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  return view_in(context_, *tx, *member);
}

base::Result<PracticeHoldView> PracticeHolds::pause_programme(const Actor& actor,
                                                              const std::string& rid) {
  return set_own(actor, rid, true);
}

base::Result<PracticeHoldView> PracticeHolds::resume_programme(const Actor& actor,
                                                               const std::string& rid) {
  return set_own(actor, rid, false);
}

base::Result<PracticeHoldView> PracticeHolds::set_own(const Actor& actor, const std::string& rid,
                                                      bool held) {
  std::vector<std::string> paused;
  auto result =
      context_.write(actor, [&](store::Transaction& tx) -> base::Result<PracticeHoldView> {
        auto member = context_.policy.member(tx, actor, rid);
        if (!member) return base::error_of(member);
        paused = set_practice_hold(context_, tx, member->membership(),
                                   {HoldCause::kProgrammePause, actor.account_id}, held);
        return view_in(context_, tx, *member);
      });
  if (result) context_.notify_practices(paused);
  return result;
}

}  // namespace attune::app
