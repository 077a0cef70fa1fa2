// The linked therapist's own hold on a relationship's practice (SPEC 12): one more cause of
// the relationship-wide practice hold (app/safety_check/practice_hold.h). The partners see
// exactly the state any other cause makes, "practice is paused for now", and nothing says
// who placed it. Only the therapist lifts it, or it goes when the link is revoked or the
// therapist's account is deleted.
#pragma once

#include <string>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

// What the therapist sees: the same one bit the partners see, and whether their own hold is
// in place.
struct TherapistHoldView {
  bool practice_hold = false;
  bool you_held = false;
};

class TherapistHold {
 public:
  explicit TherapistHold(Context& context) : context_(context) {}

  // not_found unless the caller is the therapist of an active link.
  base::Result<TherapistHoldView> view(const Actor& actor, const std::string& rid);
  // Idempotent both ways; placing pauses every waiting or running practice there.
  base::Result<TherapistHoldView> place(const Actor& actor, const std::string& rid);
  base::Result<TherapistHoldView> lift(const Actor& actor, const std::string& rid);

 private:
  base::Result<TherapistHoldView> set(const Actor& actor, const std::string& rid, bool held);

  Context& context_;
};

}  // namespace attune::app
