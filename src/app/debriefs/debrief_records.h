// Every read and write of the debriefs table. An answer (the three texts, or a skip) is
// sealed under its author's own key with the practice and author as associated data, so a
// deleted account's answers can never be opened again. Each function takes the access value
// the policy granted (app/policy/access.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"
#include "core/debrief_reveal.h"

namespace attune::app {

// One of a member's own debriefs (their data export).
struct OwnDebrief {
  std::string practice_id;
  core::DebriefAnswer answer;
  std::int64_t given_at = 0;
  bool shared_with_therapist = false;
};

// An answer its author shared with the relationship's therapist (the therapist's view).
struct SharedDebrief {
  std::string practice_id;
  core::DebriefAnswer answer;  // `author` is the author's account id
  std::int64_t given_at = 0;
};

// Whether the holder of `access` has answered or skipped this practice's debrief.
bool has_given_debrief(store::Transaction& tx, const policy::PracticeAccess& access);
// Stores the holder's answer; `answer.author` is ignored (the holder is the author).
void insert_debrief(const Context& context, store::Transaction& tx,
                    const policy::PracticeAccess& access, const core::DebriefAnswer& answer,
                    std::int64_t at);
// Every answer given on the practice, opened: only the reveal rule decides what is shown.
std::vector<core::DebriefAnswer> practice_debriefs(const Context& context, store::Transaction& tx,
                                                   const policy::PracticeAccess& access);
// The member's own debriefs on their relationship's practices, oldest first.
std::vector<OwnDebrief> own_debriefs(const Context& context, store::Transaction& tx,
                                     const policy::MemberAccess& member);
// The holder's own answer or skip on the practice, if given.
std::optional<core::DebriefAnswer> own_debrief(const Context& context, store::Transaction& tx,
                                               const policy::PracticeAccess& access);
// Whether the holder shares their answer on the practice with the relationship's therapist.
bool debrief_shared_with_therapist(store::Transaction& tx, const policy::PracticeAccess& access);
// Shares or stops sharing the holder's given answer (idempotent both ways).
void set_debrief_shared_with_therapist(store::Transaction& tx, const policy::PracticeAccess& access,
                                       bool shared, std::int64_t at);
// Every answer an active partner of the linked relationship shared with the therapist,
// newest first.
std::vector<SharedDebrief> debriefs_shared_with_therapist(const Context& context,
                                                          store::Transaction& tx,
                                                          const policy::TherapistAccess& link);
// Removes the member's own debriefs in the relationship (leaving it, deleting the account).
void delete_own_debriefs(store::Transaction& tx, const policy::MembershipAccess& membership);

}  // namespace attune::app
