// The one authorization policy: who may read or write what. Every use case asks it
// before touching a relationship's data; a "no" is not_found so existence never leaks.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "core/error.h"
#include "store/database.h"

namespace attune::app::policy {

// The caller is an active member (a pending newcomer sees nothing).
core::Status require_member(store::Transaction& tx, const Actor& actor, const std::string& rid);

// Active partners of a relationship, sorted by id.
std::vector<std::string> active_partners(store::Transaction& tx, const std::string& rid);

// The relationship an agreement belongs to, when the caller is an active member of it and
// a participant of the agreement.
core::Result<std::string> require_agreement_participant(store::Transaction& tx, const Actor& actor,
                                                        const std::string& agreement_id);

// The agreement of a practice, when the caller is an active member and a participant.
core::Result<std::string> require_practice_participant(store::Transaction& tx, const Actor& actor,
                                                       const std::string& practice_id);

core::Error not_found();

}  // namespace attune::app::policy
