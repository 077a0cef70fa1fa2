// Auto-void (I2): an agreement is voided, and every open practice on it paused for good,
// inside the same transaction as the change that broke it.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"
#include "core/answer.h"

namespace attune::app {

// Stops every open practice on the agreement for good (its terms changed or it is void);
// returns the practices that changed (to push after commit).
std::vector<std::string> stop_practices_on(const Context& context, store::Transaction& tx,
                                           const policy::MembershipAccess& in,
                                           const std::string& agreement_id);

// Voids one agreement (withdrawal); returns the practices that changed.
std::vector<std::string> void_agreement(const Context& context, store::Transaction& tx,
                                        const policy::AgreementAccess& access);

// Voids every live agreement in the relationship naming the holder (leave, withdrawal of
// everything, "I feel pressured").
std::vector<std::string> void_agreements_naming(const Context& context, store::Transaction& tx,
                                                const policy::MembershipAccess& access);

// Voids the agreements whose scope the member's boundary change breaks.
std::vector<std::string> void_agreements_broken_by(const Context& context, store::Transaction& tx,
                                                   const policy::MemberAccess& access,
                                                   const std::string& item_id, core::Answer answer);

// Voids every live agreement in the relationship with one of these custom items in scope.
std::vector<std::string> void_agreements_over_items(const Context& context, store::Transaction& tx,
                                                    const policy::MembershipAccess& in,
                                                    const std::set<std::string>& items);

}  // namespace attune::app
