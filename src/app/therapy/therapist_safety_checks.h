// The private safety checks as the linked therapist reads them (SPEC 13: "seen only by the
// linked therapist"): each partner's latest check, opened only after the policy granted an
// active link, and every read logged in that partner's own access log (I5).
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/safety_check/safety_check_records.h"
#include "base/error.h"
#include "core/safety_check.h"

namespace attune::app {

struct PartnerSafetyCheck {
  std::string partner_id;
  std::string partner_name;
  SafetyCheckRecord latest;
};

class TherapistSafetyChecks {
 public:
  explicit TherapistSafetyChecks(Context& context) : context_(context) {}

  const core::SafetyCheckForm& form() const { return context_.content.safety_check; }
  // Each active partner's latest check, by partner id; a partner who never answered is not
  // listed (and not logged, since nothing of theirs was read). not_found unless the caller
  // is the therapist of an active link.
  base::Result<std::vector<PartnerSafetyCheck>> latest(const Actor& actor, const std::string& rid);

 private:
  Context& context_;
};

}  // namespace attune::app
