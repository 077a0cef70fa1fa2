// Removing a person, in the caller's one write transaction: every relationship is left
// (agreements naming them voided, their answers, entries and shares gone), then the
// account row goes with its wrapped data key — which makes every copy of their sealed
// fields unreadable — and the deletion is logged so a restore can re-apply it (I8).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/context.h"
#include "store/database.h"

namespace attune::app {

// Returns the practices whose agreements were voided, for the caller to announce after
// the commit.
std::vector<std::string> erase_account(Context& context, store::Transaction& tx,
                                       const std::string& account_id,
                                       const std::string& deletion_id, std::int64_t deleted_at);

}  // namespace attune::app
