// A participant's choice to share their own debrief answer with the relationship's therapist
// (SPEC 12: "debriefs a participant chose to share"). Per person and per practice, off until
// they turn it on, and only after the explicit "I understand" to the limits of
// confidentiality. Nobody else's answer is ever shared by it, and no partner is told.
#pragma once

#include <string>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

class DebriefShares {
 public:
  explicit DebriefShares(Context& context) : context_(context) {}

  // Whether the caller shares their own answer on the practice; not_found for anyone but a
  // participant still in the relationship.
  base::Result<bool> get(const Actor& actor, const std::string& practice_id);
  // Turning it on needs an answer given (a skip holds nothing to share: conflict) and the
  // "I understand", now or before (acknowledgement_required). Turning it off always works.
  base::Result<bool> set(const Actor& actor, const std::string& practice_id, bool shared,
                         bool understood);

 private:
  Context& context_;
};

}  // namespace attune::app
