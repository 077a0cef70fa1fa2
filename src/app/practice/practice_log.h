// What other capabilities may do to a practice's act log: consent/ stops the practices on an
// agreement it voids. Implemented with the rest of the practice records (practice_records.cpp).
#pragma once

#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"
#include "core/practice_act.h"

namespace attune::app {

// The practices run on an agreement of the relationship.
std::vector<std::string> practices_on(store::Transaction& tx, const policy::MembershipAccess& in,
                                      const std::string& agreement_id);
// Appends an unattributed act to a practice of the relationship unless it has already
// ended. True when appended.
bool append_system_act(const Context& context, store::Transaction& tx,
                       const policy::MembershipAccess& in, const std::string& practice_id,
                       core::ActKind kind);
// Pauses every waiting or running practice of the relationship with an unattributed pause:
// the very act a participant's lost device appends, so nothing in it says who or why (a
// practice hold). Returns the practices paused.
std::vector<std::string> pause_live_practices(const Context& context, store::Transaction& tx,
                                              const policy::MembershipAccess& in);

}  // namespace attune::app
