#include "app/relationships/relationship_records.h"

namespace attune::app {

void insert_relationship(const Context& context, store::Transaction& tx,
                         const NewRelationship& relationship) {
  crypto::SecretKey key;
  std::string wrapped =
      context.keyring.new_wrapped_key(tx, KeyOwner::kRelationship, relationship.id, key);
  tx.execute(
      "INSERT INTO relationships (id, name_sealed, wrapped_key, created_at) VALUES (?,?,?,?)",
      {relationship.id,
       store::blob(context.keyring.seal(key, relationship.id, "name", relationship.name)),
       store::blob(wrapped), relationship.created_at});
  tx.execute(
      "INSERT INTO memberships (relationship_id, account_id, status, invited_by, joined_at) "
      "VALUES (?,?,'active',NULL,?)",
      {relationship.id, relationship.creator_id, relationship.created_at});
}

std::string relationship_name(const Context& context, store::Transaction& tx,
                              const policy::MemberAccess& access) {
  const std::string& rid = access.relationship_id();
  auto row = tx.query_one("SELECT name_sealed FROM relationships WHERE id = ?", {rid});
  auto key = context.keyring.key_of(tx, KeyOwner::kRelationship, rid);
  return context.keyring.open(key, rid, "name", row->bytes(0));
}

std::vector<std::string> active_relationship_ids(store::Transaction& tx,
                                                 const std::string& account_id) {
  std::vector<std::string> ids;
  for (const auto& row : tx.query(
           "SELECT relationship_id FROM memberships WHERE account_id = ? AND status = 'active' "
           "ORDER BY joined_at",
           {account_id})) {
    ids.push_back(row.text(0));
  }
  return ids;
}

std::vector<PendingMember> pending_members(store::Transaction& tx,
                                           const policy::MemberAccess& viewer) {
  std::vector<PendingMember> pending;
  for (const auto& row :
       tx.query("SELECT m.account_id, EXISTS (SELECT 1 FROM approvals a WHERE a.relationship_id = "
                "m.relationship_id AND a.candidate_id = m.account_id AND a.approver_id = ?) FROM "
                "memberships m WHERE m.relationship_id = ? AND m.status = 'pending' ORDER BY "
                "m.joined_at",
                {viewer.account_id(), viewer.relationship_id()})) {
    pending.push_back({row.text(0), row.integer(1) != 0});
  }
  return pending;
}

std::optional<std::string> membership_status(store::Transaction& tx,
                                             const policy::MemberAccess& access,
                                             const std::string& account_id) {
  auto row =
      tx.query_one("SELECT status FROM memberships WHERE relationship_id = ? AND account_id = ?",
                   {access.relationship_id(), account_id});
  if (!row) return std::nullopt;
  return row->text(0);
}

std::optional<OwnPendingMembership> own_pending_membership(store::Transaction& tx,
                                                           const policy::MembershipAccess& own) {
  auto row = tx.query_one(
      "SELECT joined_at FROM memberships WHERE relationship_id = ? AND account_id = ? AND "
      "status = 'pending'",
      {own.relationship_id(), own.account_id()});
  if (!row) return std::nullopt;
  return OwnPendingMembership{own.relationship_id(), row->integer(0)};
}

void insert_invite(store::Transaction& tx, const policy::MemberAccess& inviter,
                   const std::string& code_hash, std::int64_t expires_at) {
  tx.execute(
      "INSERT INTO invites (code_hash, relationship_id, created_by, expires_at, used_at) VALUES "
      "(?,?,?,?,NULL)",
      {code_hash, inviter.relationship_id(), inviter.account_id(), expires_at});
}

std::optional<OpenInvite> find_open_invite(store::Transaction& tx, const std::string& code_hash,
                                           std::int64_t now) {
  auto row = tx.query_one(
      "SELECT relationship_id, created_by FROM invites WHERE code_hash = ? AND used_at IS NULL "
      "AND expires_at > ?",
      {code_hash, now});
  if (!row) return std::nullopt;
  return OpenInvite{code_hash, row->text(0), row->text(1)};
}

std::int64_t count_active_members(store::Transaction& tx, const OpenInvite& invite) {
  return tx
      .query_one("SELECT COUNT(*) FROM memberships WHERE relationship_id = ? AND status = 'active'",
                 {invite.relationship_id})
      ->integer(0);
}

void join_by_invite(store::Transaction& tx, const OpenInvite& invite, const std::string& account_id,
                    std::int64_t at) {
  tx.execute("UPDATE invites SET used_at = ? WHERE code_hash = ?", {at, invite.code_hash});
  tx.execute(
      "INSERT INTO memberships (relationship_id, account_id, status, invited_by, joined_at) "
      "VALUES (?,?,'pending',?,?)",
      {invite.relationship_id, account_id, invite.inviter_id, at});
}

void add_approval(store::Transaction& tx, const policy::MemberAccess& approver,
                  const std::string& candidate_id) {
  tx.execute(
      "INSERT INTO approvals (relationship_id, candidate_id, approver_id) VALUES (?,?,?) "
      "ON CONFLICT DO NOTHING",
      {approver.relationship_id(), candidate_id, approver.account_id()});
}

bool approved_by_all(store::Transaction& tx, const policy::MembershipAccess& in,
                     const std::string& candidate_id) {
  const std::string& rid = in.relationship_id();
  auto row = tx.query_one(
      "SELECT COUNT(*) FROM memberships m WHERE m.relationship_id = ? AND m.status = 'active' AND "
      "m.account_id <> (SELECT COALESCE(invited_by, '') FROM memberships WHERE relationship_id = ? "
      "AND account_id = ?) AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.relationship_id = "
      "m.relationship_id AND a.candidate_id = ? AND a.approver_id = m.account_id)",
      {rid, rid, candidate_id, candidate_id});
  return row->integer(0) == 0;
}

void activate_member(store::Transaction& tx, const policy::MembershipAccess& in,
                     const std::string& candidate_id) {
  tx.execute(
      "UPDATE memberships SET status = 'active' WHERE relationship_id = ? AND account_id = ?",
      {in.relationship_id(), candidate_id});
}

void delete_approvals_of(store::Transaction& tx, const policy::MembershipAccess& in,
                         const std::string& candidate_id) {
  tx.execute("DELETE FROM approvals WHERE relationship_id = ? AND candidate_id = ?",
             {in.relationship_id(), candidate_id});
}

std::vector<std::string> pending_member_ids(store::Transaction& tx,
                                            const policy::MembershipAccess& in) {
  std::vector<std::string> ids;
  for (const auto& row : tx.query(
           "SELECT account_id FROM memberships WHERE relationship_id = ? AND status = 'pending'",
           {in.relationship_id()})) {
    ids.push_back(row.text(0));
  }
  return ids;
}

void delete_membership(store::Transaction& tx, const policy::MembershipAccess& access) {
  for (const char* sql : {
           "DELETE FROM approvals WHERE relationship_id = ? AND (candidate_id = ?2 OR approver_id "
           "= ?2)",
           "DELETE FROM memberships WHERE relationship_id = ? AND account_id = ?",
       }) {
    tx.execute(sql, {access.relationship_id(), access.account_id()});
  }
}

}  // namespace attune::app
