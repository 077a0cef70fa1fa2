// Every read and write of the programme tables (open stages, therapist offers, acceptances).
// Each function takes the access value the policy granted for the relationship.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "app/policy/access.h"
#include "store/database.h"

namespace attune::app {

struct ProgrammeRows {
  std::set<int> opened;
  std::set<int> therapist_offers;
  std::map<int, std::set<std::string>> accepted_by;  // stage → accounts
};

ProgrammeRows load_programme_rows(store::Transaction& tx, const policy::MemberAccess& member);

void insert_open_stage(store::Transaction& tx, const policy::MemberAccess& member, int stage,
                       std::int64_t at);
// The highest open stage of the linked therapist's relationship (1 when none was opened).
int highest_open_stage(store::Transaction& tx, const policy::TherapistAccess& link);
// A stage the linked therapist offers.
void insert_offer(store::Transaction& tx, const policy::TherapistAccess& link, int stage,
                  std::int64_t at);
void insert_offer(store::Transaction& tx, const policy::MemberAccess& member, int stage,
                  std::int64_t at);
// The holder's own acceptance of a stage's offer (a second one changes nothing).
void insert_acceptance(store::Transaction& tx, const policy::MemberAccess& member, int stage,
                       std::int64_t at);
// Once a stage is open its offer and acceptances are spent.
void delete_offer_and_acceptances(store::Transaction& tx, const policy::MemberAccess& member,
                                  int stage);

// The holder's own acceptances in the relationship (their export): stage → accepted_at.
std::map<int, std::int64_t> own_acceptances(store::Transaction& tx,
                                            const policy::MembershipAccess& access);
// Removes the holder's acceptances in the relationship (leaving, deletion).
void delete_own_acceptances(store::Transaction& tx, const policy::MembershipAccess& access);

}  // namespace attune::app
