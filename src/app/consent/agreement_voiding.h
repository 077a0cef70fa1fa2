// Auto-void (I2): an agreement is voided, and every open practice on it paused for good,
// inside the same transaction as the change that broke it.
#pragma once

#include <string>
#include <vector>

#include "app/context.h"
#include "core/answer.h"

namespace attune::app {

// Voids one agreement; returns the practices that changed (to push after commit).
std::vector<std::string> void_agreement(const Context& context, store::Transaction& tx,
                                        const std::string& agreement_id);

// Voids every live agreement in the relationship naming the person (leave, withdrawal of
// everything, "I feel pressured").
std::vector<std::string> void_agreements_naming(const Context& context, store::Transaction& tx,
                                                const std::string& relationship_id,
                                                const std::string& account_id);

// Voids the agreements whose scope a boundary change breaks.
std::vector<std::string> void_agreements_broken_by(const Context& context, store::Transaction& tx,
                                                   const std::string& relationship_id,
                                                   const std::string& account_id,
                                                   const std::string& item_id, core::Answer answer);

}  // namespace attune::app
