// What the programme's rules (core/programme.h) are evaluated on, read for one relationship:
// its open stages, offers and acceptances, its current partners, and its ended practices
// with their participants' post-practice check-ins. Shared by the programme use cases and
// the agreement gate (an exercise's stage must be open).
#pragma once

#include "app/context.h"
#include "app/policy/access.h"
#include "base/error.h"
#include "core/programme.h"

namespace attune::app {

core::ProgrammeFacts programme_facts(const Context& context, store::Transaction& tx,
                                     const policy::MemberAccess& member);

// stage_not_open unless the exercise's stage is open in the member's relationship.
base::Status check_stage_open(const Context& context, store::Transaction& tx,
                              const policy::MemberAccess& member, const std::string& exercise_id);

}  // namespace attune::app
