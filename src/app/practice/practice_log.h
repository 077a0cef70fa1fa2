// What other capabilities may do to a practice's act log: consent/ stops the practices on an
// agreement it voids. Implemented with the rest of the practice records (practice_records.cpp).
#pragma once

#include <string>

#include "app/context.h"
#include "core/practice_act.h"

namespace attune::app {

// Appends an unattributed act unless the practice has already ended. True when appended.
bool append_system_act(const Context& context, store::Transaction& tx,
                       const std::string& practice_id, core::ActKind kind);

}  // namespace attune::app
