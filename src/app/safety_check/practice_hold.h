// The relationship-wide practice hold. Any number of causes may hold a relationship's
// practice (a safety answer that signals danger, a partner's own "pause the programme", a
// therapist's hold); while any remains, practice is held, and every member sees the same one
// bit, "practice is paused for now", whatever the causes and however many. Each cause is
// lifted only by whoever placed it.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "app/safety_check/practice_hold_records.h"
#include "base/error.h"

namespace attune::app {

// Places (held) or lifts the placer's own cause, inside the caller's write transaction, once
// the policy has granted the placer its right to the relationship (a therapist's use case
// calls this with HoldCause::kTherapist). Placing pauses every waiting or running practice
// there with the unattributed pause a lost device makes, whatever the cause. Returns the
// practices paused: tell the live layer after the commit.
std::vector<std::string> set_practice_hold(const Context& context, store::Transaction& tx,
                                           const policy::MembershipAccess& in,
                                           const HoldPlacer& placer, bool held);

// Lifts every cause the member placed in the relationship (leaving it, deleting the account).
void lift_own_practice_holds(const Context& context, store::Transaction& tx,
                             const policy::MembershipAccess& membership);

// What a member sees: the same `practice_hold` for everyone, and whether they themself have
// paused the programme (their own act, never anyone else's).
struct PracticeHoldView {
  bool practice_hold = false;
  bool you_paused = false;
};

class PracticeHolds {
 public:
  explicit PracticeHolds(Context& context) : context_(context) {}

  base::Result<PracticeHoldView> view(const Actor& actor, const std::string& rid);
  // The member's own "pause the programme", no reason asked; idempotent.
  base::Result<PracticeHoldView> pause_programme(const Actor& actor, const std::string& rid);
  // Lifts the member's own pause (and nothing else); idempotent.
  base::Result<PracticeHoldView> resume_programme(const Actor& actor, const std::string& rid);

 private:
  base::Result<PracticeHoldView> set_own(const Actor& actor, const std::string& rid, bool held);

  Context& context_;
};

}  // namespace attune::app
