// The private safety check (SPEC 13): each partner answers alone, and only they (later, a
// therapist they linked) ever see the answers. An answer that signals danger holds the whole
// relationship's practice exactly as any other cause does; a later check without danger
// lifts that person's cause. Submitting answers the same whatever they are.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/safety_check/safety_check_records.h"
#include "base/error.h"
#include "core/safety_check.h"

namespace attune::app {

class SafetyChecks {
 public:
  explicit SafetyChecks(Context& context) : context_(context) {}

  const core::SafetyCheckForm& form() const { return context_.content.safety_check; }
  // Stores the caller's answers and places or lifts their safety cause; the id.
  base::Result<std::string> submit(const Actor& actor, const std::string& rid,
                                   const core::SafetyAnswers& answers);
  // The caller's own checks there, newest first.
  base::Result<std::vector<SafetyCheckRecord>> mine(const Actor& actor, const std::string& rid);

 private:
  Context& context_;
};

}  // namespace attune::app
