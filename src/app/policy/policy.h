// The one authorization policy: who may read or write what. It is the only code that
// reads memberships and agreement participation for an access decision, and the only
// code that can hand out the access values (app/policy/access.h) that every records
// function touching a relationship's data requires. A "no" is not_found, so existence
// never leaks.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/policy/access.h"
#include "base/error.h"
#include "store/database.h"

namespace attune::app::policy {

class Policy {
 public:
  // The caller is an active member of the relationship.
  base::Result<MemberAccess> member(store::Transaction& tx, const Actor& actor,
                                    const std::string& relationship_id) const;
  // The caller belongs to the relationship, active or still waiting for approval.
  base::Result<MembershipAccess> own_membership(store::Transaction& tx, const Actor& actor,
                                                const std::string& relationship_id) const;
  // Every membership of an account, active or pending (leaving them all when the account
  // is deleted: the caller has already proved it is that account, or is the restore).
  std::vector<MembershipAccess> memberships_of(store::Transaction& tx,
                                               const std::string& account_id) const;
  // The caller is an active member and a participant of the agreement.
  base::Result<AgreementAccess> agreement_participant(store::Transaction& tx, const Actor& actor,
                                                      const std::string& agreement_id) const;
  // The agreements of the member's relationship they take part in, newest first.
  std::vector<AgreementAccess> agreements_taken_part_in(store::Transaction& tx,
                                                        const MemberAccess& member) const;
  // The caller is an active member and a participant of the practice's agreement.
  base::Result<PracticeAccess> practice_participant(store::Transaction& tx, const Actor& actor,
                                                    const std::string& practice_id) const;

  // The active partners of the relationship, sorted by id.
  std::vector<std::string> active_partners(store::Transaction& tx,
                                           const MembershipAccess& membership) const;
  std::vector<std::string> active_partners(store::Transaction& tx,
                                           const MemberAccess& member) const {
    return active_partners(tx, member.membership());
  }

  // The caller signed in as a therapist.
  base::Result<TherapistRole> therapist(const Actor& actor) const;
  // The caller is the therapist linked to the relationship, and every active partner
  // consents now.
  base::Result<TherapistAccess> linked_therapist(store::Transaction& tx, const Actor& actor,
                                                 const std::string& relationship_id) const;
  // The therapist's active links (its caseload), by relationship id.
  std::vector<TherapistAccess> caseload(store::Transaction& tx, const TherapistRole& role) const;
  // The active partners' memberships of a relationship the therapist is linked to now, sorted
  // by account id: what the therapist's use cases hand to records functions that take a
  // membership (placing their own practice hold, gathering the progress report).
  std::vector<MembershipAccess> partners_of(store::Transaction& tx,
                                            const TherapistAccess& link) const;
  // One active partner's membership of each relationship linked to the therapist account in
  // any state: for lifting the therapist's own practice holds when the account is deleted
  // (the caller has already proved it is that account).
  std::vector<MembershipAccess> linked_memberships_of(store::Transaction& tx,
                                                      const std::string& therapist_id) const;
  // The caller's own channel to their therapist in the relationship (an active member who
  // consented while the link was active, and has not revoked it since).
  base::Result<ChannelAccess> own_channel(store::Transaction& tx, const Actor& actor,
                                          const std::string& relationship_id) const;
  // Every channel open to the therapist, with partners still active members.
  std::vector<ChannelAccess> channels_of(store::Transaction& tx, const TherapistRole& role) const;
  base::Result<ChannelAccess> channel_of(store::Transaction& tx, const TherapistRole& role,
                                         const std::string& relationship_id,
                                         const std::string& partner_id) const;
};

base::Error not_found();

}  // namespace attune::app::policy
