// The only code that reads and writes relationships, membership changes, approvals and
// invites in the store. Names are sealed under the relationship's own key. Deciding who
// may do what from memberships is the policy's job (app/policy/policy.h), never this
// module's: it writes memberships and lists them for display and for approval rules only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"

namespace attune::app {

struct NewRelationship {
  std::string id;
  std::string name;
  std::string creator_id;
  std::int64_t created_at = 0;
};

struct PendingMember {
  std::string account_id;
  bool approved_by_viewer = false;
};

// An unused, unexpired invite: the newcomer's only proof before they hold a membership.
// A relationship the holder asked to join and still waits to be approved for.
struct OwnPendingMembership {
  std::string relationship_id;
  std::int64_t asked_at = 0;
};

struct OpenInvite {
  std::string code_hash;
  std::string relationship_id;
  std::string inviter_id;
};

// Stores a relationship under a fresh key with its creator as the first active member.
void insert_relationship(const Context& context, store::Transaction& tx,
                         const NewRelationship& relationship);
std::string relationship_name(const Context& context, store::Transaction& tx,
                              const policy::MemberAccess& access);
// The relationships the account is an active member of, oldest membership first.
std::vector<std::string> active_relationship_ids(store::Transaction& tx,
                                                 const std::string& account_id);
// Newcomers waiting for approval, first asked first, and whether the viewer approved each.
std::vector<PendingMember> pending_members(store::Transaction& tx,
                                           const policy::MemberAccess& viewer);
// "active", "pending", or nothing when the account has no membership there.
std::optional<std::string> membership_status(store::Transaction& tx,
                                             const policy::MemberAccess& access,
                                             const std::string& account_id);

// Whether the holder's own membership still waits for approval, and since when.
std::optional<OwnPendingMembership> own_pending_membership(store::Transaction& tx,
                                                           const policy::MembershipAccess& own);

void insert_invite(store::Transaction& tx, const policy::MemberAccess& inviter,
                   const std::string& code_hash, std::int64_t expires_at);
std::optional<OpenInvite> find_open_invite(store::Transaction& tx, const std::string& code_hash,
                                           std::int64_t now);
std::int64_t count_active_members(store::Transaction& tx, const OpenInvite& invite);
// Uses up the invite and adds the account as a pending member invited by its creator.
void join_by_invite(store::Transaction& tx, const OpenInvite& invite, const std::string& account_id,
                    std::int64_t at);

void add_approval(store::Transaction& tx, const policy::MemberAccess& approver,
                  const std::string& candidate_id);
// Whether every active member other than the candidate's inviter approved the candidate.
bool approved_by_all(store::Transaction& tx, const policy::MembershipAccess& in,
                     const std::string& candidate_id);
void activate_member(store::Transaction& tx, const policy::MembershipAccess& in,
                     const std::string& candidate_id);
void delete_approvals_of(store::Transaction& tx, const policy::MembershipAccess& in,
                         const std::string& candidate_id);
std::vector<std::string> pending_member_ids(store::Transaction& tx,
                                            const policy::MembershipAccess& in);
// Removes the holder's membership and the approvals given to or by them.
void delete_membership(store::Transaction& tx, const policy::MembershipAccess& access);

}  // namespace attune::app
