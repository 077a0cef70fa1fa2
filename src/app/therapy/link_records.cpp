#include "app/therapy/link_records.h"

#include "app/keyring.h"

namespace attune::app {

void insert_link_code(store::Transaction& tx, const policy::TherapistRole& therapist,
                      const std::string& code_hash, std::int64_t expires_at) {
  tx.execute(
      "INSERT INTO therapist_link_codes (code_hash, therapist_id, expires_at) VALUES (?,?,?)",
      {code_hash, therapist.therapist_id(), expires_at});
}

std::optional<OpenLinkCode> find_open_link_code(store::Transaction& tx,
                                                const std::string& code_hash, std::int64_t now) {
  auto row = tx.query_one(
      "SELECT therapist_id FROM therapist_link_codes WHERE code_hash = ? AND used_at IS NULL AND "
      "expires_at > ?",
      {code_hash, now});
  if (!row) return std::nullopt;
  return OpenLinkCode{code_hash, row->text(0)};
}

void use_link_code(store::Transaction& tx, const OpenLinkCode& code, std::int64_t now) {
  tx.execute("UPDATE therapist_link_codes SET used_at = ? WHERE code_hash = ?",
             {now, code.code_hash});
}

std::optional<std::string> linked_therapist_id(store::Transaction& tx,
                                               const policy::MemberAccess& member) {
  auto row = tx.query_one("SELECT therapist_id FROM therapist_links WHERE relationship_id = ?",
                          {member.relationship_id()});
  if (!row) return std::nullopt;
  return row->text(0);
}

void insert_link(store::Transaction& tx, const policy::MemberAccess& requester,
                 const OpenLinkCode& code, std::int64_t now) {
  tx.execute(
      "INSERT INTO therapist_links (relationship_id, therapist_id, created_at) VALUES (?,?,?)",
      {requester.relationship_id(), code.therapist_id, now});
}

void delete_link(store::Transaction& tx, const policy::MemberAccess& member) {
  // Consents go with it (ON DELETE CASCADE).
  tx.execute("DELETE FROM therapist_links WHERE relationship_id = ?", {member.relationship_id()});
}

void insert_consent(store::Transaction& tx, const policy::MemberAccess& member, std::int64_t now) {
  tx.execute(
      "INSERT INTO therapist_consents (relationship_id, account_id, consented_at) VALUES (?,?,?) "
      "ON CONFLICT DO NOTHING",
      {member.relationship_id(), member.account_id(), now});
}

bool has_consented(store::Transaction& tx, const policy::MemberAccess& member) {
  return tx
      .query_one("SELECT 1 FROM therapist_consents WHERE relationship_id = ? AND account_id = ?",
                 {member.relationship_id(), member.account_id()})
      .has_value();
}

std::int64_t consent_count(store::Transaction& tx, const policy::MemberAccess& member) {
  auto row = tx.query_one(
      "SELECT COUNT(*) FROM therapist_consents c JOIN memberships m ON m.relationship_id = "
      "c.relationship_id AND m.account_id = c.account_id AND m.status = 'active' WHERE "
      "c.relationship_id = ?",
      {member.relationship_id()});
  return row ? row->integer(0) : 0;
}

bool has_acknowledged(store::Transaction& tx, const policy::MemberAccess& member) {
  return tx
      .query_one("SELECT 1 FROM confidentiality_acknowledgements WHERE account_id = ?",
                 {member.account_id()})
      .has_value();
}

void record_acknowledgement(store::Transaction& tx, const policy::MemberAccess& member,
                            std::int64_t now) {
  tx.execute(
      "INSERT INTO confidentiality_acknowledgements (account_id, acknowledged_at) VALUES (?,?) "
      "ON CONFLICT DO NOTHING",
      {member.account_id(), now});
}

void open_channels(store::Transaction& tx, const policy::MemberAccess& member,
                   const std::string& therapist_id, std::int64_t now) {
  tx.execute(
      "INSERT INTO therapist_channels (relationship_id, account_id, therapist_id, opened_at) "
      "SELECT c.relationship_id, c.account_id, ?, ? FROM therapist_consents c JOIN memberships "
      "m ON m.relationship_id = c.relationship_id AND m.account_id = c.account_id AND m.status = "
      "'active' WHERE c.relationship_id = ? ON CONFLICT DO NOTHING",
      {therapist_id, now, member.relationship_id()});
}

void close_own_channel(store::Transaction& tx, const policy::MemberAccess& member) {
  tx.execute("DELETE FROM therapist_channels WHERE relationship_id = ? AND account_id = ?",
             {member.relationship_id(), member.account_id()});
}

void delete_own_therapy_rows(store::Transaction& tx, const policy::MembershipAccess& access) {
  for (const char* sql : {
           "DELETE FROM therapist_consents WHERE relationship_id = ? AND account_id = ?",
           "DELETE FROM therapist_channels WHERE relationship_id = ? AND account_id = ?",
           "DELETE FROM access_log WHERE relationship_id = ? AND subject_id = ?",
       }) {
    tx.execute(sql, {access.relationship_id(), access.account_id()});
  }
}

std::string relationship_name_for(const Context& context, store::Transaction& tx,
                                  const policy::TherapistAccess& link) {
  const auto& rid = link.relationship_id();
  auto row = tx.query_one("SELECT name_sealed FROM relationships WHERE id = ?", {rid});
  if (!row) return {};
  auto key = context.keyring.key_of(tx, KeyOwner::kRelationship, rid);
  return context.keyring.open(key, rid, "name", row->bytes(0));
}

std::vector<std::string> partners_for(store::Transaction& tx, const policy::TherapistAccess& link) {
  std::vector<std::string> partners;
  for (const auto& row : tx.query(
           "SELECT account_id FROM memberships WHERE relationship_id = ? AND status = 'active' "
           "ORDER BY account_id",
           {link.relationship_id()})) {
    partners.push_back(row.text(0));
  }
  return partners;
}

}  // namespace attune::app
