#include "app/therapy/therapist_hold.h"

#include <algorithm>

#include "app/safety_check/practice_hold.h"

namespace attune::app {
namespace {

TherapistHoldView view_in(const Context& context, store::Transaction& tx,
                          const policy::MembershipAccess& in, const std::string& therapist_id) {
  TherapistHoldView view;
  view.practice_hold = practice_held(tx, in.relationship_id());
  if (view.practice_hold) {
    const HoldPlacer own{HoldCause::kTherapist, therapist_id};
    const auto holds = practice_holds(context, tx, in);
    view.you_held = std::ranges::any_of(holds, [&](const auto& h) { return h.placer == own; });
  }
  return view;
}

}  // namespace

base::Result<TherapistHoldView> TherapistHold::view(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto link = context_.policy.linked_therapist(*tx, actor, rid);
  if (!link) return base::error_of(link);
  const auto partners = context_.policy.partners_of(*tx, *link);
  if (partners.empty()) return std::unexpected(policy::not_found());
  return view_in(context_, *tx, partners.front(), link->therapist_id());
}

base::Result<TherapistHoldView> TherapistHold::place(const Actor& actor, const std::string& rid) {
  return set(actor, rid, true);
}

base::Result<TherapistHoldView> TherapistHold::lift(const Actor& actor, const std::string& rid) {
  return set(actor, rid, false);
}

base::Result<TherapistHoldView> TherapistHold::set(const Actor& actor, const std::string& rid,
                                                   bool held) {
  std::vector<std::string> paused;
  auto result =
      context_.write(actor, [&](store::Transaction& tx) -> base::Result<TherapistHoldView> {
        auto link = context_.policy.linked_therapist(tx, actor, rid);
        if (!link) return base::error_of(link);
        // An active link has a consenting active partner; a relationship without one is
        // nobody's to hold.
        const auto partners = context_.policy.partners_of(tx, *link);
        if (partners.empty()) return std::unexpected(policy::not_found());
        paused = set_practice_hold(context_, tx, partners.front(),
                                   {HoldCause::kTherapist, link->therapist_id()}, held);
        return view_in(context_, tx, partners.front(), link->therapist_id());
      });
  if (result) context_.notify_practices(paused);
  return result;
}

}  // namespace attune::app
