// Relationships of 2..8 partners: create, single-use invites, approval of a newcomer by
// every current member, and leaving (which withdraws what the leaver had there).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "base/error.h"

namespace attune::app {

inline constexpr int kMaxPartners = 8;

struct PartnerSummary {
  std::string id;
  std::string display_name;
};

struct PendingPartner {
  std::string id;
  std::string display_name;
  bool you_approved = false;
};

struct RelationshipSummary {
  std::string id;
  std::string name;
};

struct RelationshipDetail {
  std::string id;
  std::string name;
  std::vector<PartnerSummary> partners;
  std::vector<PendingPartner> pending;
  bool practice_hold = false;  // the same for every member, whatever holds it
};

// A relationship I asked to join and still wait for: since when, and nothing else.
struct JoinRequest {
  std::string relationship_id;
  std::int64_t asked_at = 0;  // ms since the epoch
};

struct AcceptResult {
  std::string relationship_id;
  std::string status;  // "active" | "pending"
};

class Relationships {
 public:
  explicit Relationships(Context& context) : context_(context) {}

  base::Result<std::string> create(const Actor& actor, const std::string& name);
  std::vector<RelationshipSummary> list(const Actor& actor);
  // The relationships the actor asked to join and still waits for, oldest request first:
  // only that a request waits and since when, nothing of what is inside.
  std::vector<JoinRequest> my_requests(const Actor& actor);
  base::Result<RelationshipDetail> get(const Actor& actor, const std::string& rid);
  base::Result<std::string> invite(const Actor& actor, const std::string& rid);
  base::Result<AcceptResult> accept(const Actor& actor, const std::string& code);
  base::Result<std::string> approve(const Actor& actor, const std::string& rid,
                                    const std::string& candidate_id);
  base::Status leave(const Actor& actor, const std::string& rid);
  // Leaves every relationship, active or pending, inside the caller's transaction
  // (account deletion); returns the practices whose agreements were voided.
  std::vector<std::string> leave_all_in(store::Transaction& tx, const std::string& account_id);

 private:
  std::vector<std::string> leave_in(store::Transaction& tx,
                                    const policy::MembershipAccess& membership);

  Context& context_;
};

}  // namespace attune::app
