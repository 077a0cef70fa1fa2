#include "app/programme/programme_records.h"

#include <algorithm>

namespace attune::app {

ProgrammeRows load_programme_rows(store::Transaction& tx, const policy::MemberAccess& member) {
  ProgrammeRows rows;
  const store::Params rid{member.relationship_id()};
  for (const auto& row :
       tx.query("SELECT stage FROM programme_open_stages WHERE relationship_id = ?", rid)) {
    rows.opened.insert(static_cast<int>(row.integer(0)));
  }
  for (const auto& row :
       tx.query("SELECT stage FROM programme_offers WHERE relationship_id = ?", rid)) {
    rows.therapist_offers.insert(static_cast<int>(row.integer(0)));
  }
  for (const auto& row : tx.query(
           "SELECT stage, account_id FROM programme_acceptances WHERE relationship_id = ?", rid)) {
    rows.accepted_by[static_cast<int>(row.integer(0))].insert(row.text(1));
  }
  return rows;
}

void insert_open_stage(store::Transaction& tx, const policy::MemberAccess& member, int stage,
                       std::int64_t at) {
  tx.execute(
      "INSERT INTO programme_open_stages (relationship_id, stage, opened_at) VALUES (?,?,?) "
      "ON CONFLICT DO NOTHING",
      {member.relationship_id(), std::int64_t{stage}, at});
}

int highest_open_stage(store::Transaction& tx, const policy::TherapistAccess& link) {
  auto row = tx.query_one("SELECT MAX(stage) FROM programme_open_stages WHERE relationship_id = ?",
                          {link.relationship_id()});
  if (!row || row->is_null(0)) return 1;
  return std::max(1, static_cast<int>(row->integer(0)));
}

void insert_offer(store::Transaction& tx, const policy::TherapistAccess& link, int stage,
                  std::int64_t at) {
  tx.execute(
      "INSERT INTO programme_offers (relationship_id, stage, offered_at) VALUES (?,?,?) "
      "ON CONFLICT DO NOTHING",
      {link.relationship_id(), std::int64_t{stage}, at});
}

void insert_offer(store::Transaction& tx, const policy::MemberAccess& member, int stage,
                  std::int64_t at) {
  tx.execute(
      "INSERT INTO programme_offers (relationship_id, stage, offered_at) VALUES (?,?,?) "
      "ON CONFLICT DO NOTHING",
      {member.relationship_id(), std::int64_t{stage}, at});
}

void insert_acceptance(store::Transaction& tx, const policy::MemberAccess& member, int stage,
                       std::int64_t at) {
  tx.execute(
      "INSERT INTO programme_acceptances (relationship_id, stage, account_id, accepted_at) "
      "VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
      {member.relationship_id(), std::int64_t{stage}, member.account_id(), at});
}

void delete_offer_and_acceptances(store::Transaction& tx, const policy::MemberAccess& member,
                                  int stage) {
  for (const char* sql : {"DELETE FROM programme_offers WHERE relationship_id = ? AND stage = ?",
                          "DELETE FROM programme_acceptances WHERE relationship_id = ? AND "
                          "stage = ?"}) {
    tx.execute(sql, {member.relationship_id(), std::int64_t{stage}});
  }
}

std::map<int, std::int64_t> own_acceptances(store::Transaction& tx,
                                            const policy::MembershipAccess& access) {
  std::map<int, std::int64_t> accepted;
  for (const auto& row : tx.query(
           "SELECT stage, accepted_at FROM programme_acceptances WHERE relationship_id = ? AND "
           "account_id = ?",
           {access.relationship_id(), access.account_id()})) {
    accepted[static_cast<int>(row.integer(0))] = row.integer(1);
  }
  return accepted;
}

void delete_own_acceptances(store::Transaction& tx, const policy::MembershipAccess& access) {
  tx.execute("DELETE FROM programme_acceptances WHERE relationship_id = ? AND account_id = ?",
             {access.relationship_id(), access.account_id()});
}

}  // namespace attune::app
