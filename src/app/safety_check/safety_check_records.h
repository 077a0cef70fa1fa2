// Every read and write of the safety_checks table. A check's answers (with the form version
// and whether they signalled danger) are sealed under the person's own key with the check id
// as associated data, so deleting the account shreds them and nobody else's key opens them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"
#include "core/safety_check.h"

namespace attune::app {

struct SafetyCheckRecord {
  std::string id;
  int form_version = 0;
  core::SafetyAnswers answers;
  bool signals_danger = false;
  std::int64_t answered_at = 0;
};

// Stores the member's own check in their relationship, dated no earlier than a millisecond
// after their last one there, so the newest always reads back first.
void insert_safety_check(const Context& context, store::Transaction& tx,
                         const policy::MemberAccess& member, const SafetyCheckRecord& check);
// The member's own checks there, newest first.
std::vector<SafetyCheckRecord> own_safety_checks(const Context& context, store::Transaction& tx,
                                                 const policy::MemberAccess& member);
// One partner's checks in a relationship, newest first: for the linked therapist's view,
// with a partner's membership the policy handed out for that link (Policy::partners_of).
std::vector<SafetyCheckRecord> partner_safety_checks(const Context& context, store::Transaction& tx,
                                                     const policy::MembershipAccess& partner);
// Removes the member's own checks in the relationship (leaving it, deleting the account).
void delete_own_safety_checks(store::Transaction& tx, const policy::MembershipAccess& membership);

}  // namespace attune::app
