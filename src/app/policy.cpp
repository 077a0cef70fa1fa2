#include "app/policy.h"

namespace attune::app::policy {

core::Error not_found() {
  return {core::ErrorCode::not_found, "Nothing was found here."};
}

core::Status require_member(store::Transaction& tx, const Actor& actor, const std::string& rid) {
  auto row = tx.query_one(
      "SELECT 1 FROM memberships WHERE relationship_id = ? AND account_id = ? AND status = 'active'",
      {rid, actor.account_id});
  if (!row) return std::unexpected(not_found());
  return {};
}

std::vector<std::string> active_partners(store::Transaction& tx, const std::string& rid) {
  std::vector<std::string> partners;
  for (const auto& row : tx.query(
           "SELECT account_id FROM memberships WHERE relationship_id = ? AND status = 'active' "
           "ORDER BY account_id",
           {rid})) {
    partners.push_back(row.text(0));
  }
  return partners;
}

core::Result<std::string> require_agreement_participant(store::Transaction& tx, const Actor& actor,
                                                        const std::string& agreement_id) {
  auto row = tx.query_one(
      "SELECT a.relationship_id FROM agreements a "
      "JOIN agreement_participants p ON p.agreement_id = a.id AND p.account_id = ? "
      "JOIN memberships m ON m.relationship_id = a.relationship_id AND m.account_id = p.account_id "
      "AND m.status = 'active' WHERE a.id = ?",
      {actor.account_id, agreement_id});
  if (!row) return std::unexpected(not_found());
  return row->text(0);
}

core::Result<std::string> require_practice_participant(store::Transaction& tx, const Actor& actor,
                                                       const std::string& practice_id) {
  auto row = tx.query_one("SELECT agreement_id FROM practices WHERE id = ?", {practice_id});
  if (!row) return std::unexpected(not_found());
  std::string agreement_id = row->text(0);
  if (auto ok = require_agreement_participant(tx, actor, agreement_id); !ok) {
    return std::unexpected(ok.error());
  }
  return agreement_id;
}

}  // namespace attune::app::policy
