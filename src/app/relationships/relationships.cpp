#include "app/relationships/relationships.h"

#include <algorithm>
#include <set>

#include "app/consent/agreement_records.h"
#include "app/consent/agreement_voiding.h"
#include "app/accounts/people.h"
#include "app/policy/policy.h"
#include "core/text.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxName = 80;

std::int64_t count_active(store::Transaction& tx, const std::string& rid) {
  return tx
      .query_one("SELECT COUNT(*) FROM memberships WHERE relationship_id = ? AND status = 'active'",
                 {rid})
      ->integer(0);
}

// A pending newcomer becomes active once every active member other than the inviter approved.
bool approved_by_all(store::Transaction& tx, const std::string& rid, const std::string& candidate) {
  auto row = tx.query_one(
      "SELECT COUNT(*) FROM memberships m WHERE m.relationship_id = ? AND m.status = 'active' AND "
      "m.account_id <> (SELECT COALESCE(invited_by, '') FROM memberships WHERE relationship_id = ? "
      "AND account_id = ?) AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.relationship_id = "
      "m.relationship_id AND a.candidate_id = ? AND a.approver_id = m.account_id)",
      {rid, rid, candidate, candidate});
  return row->integer(0) == 0;
}

// Custom items leave with their author. An agreement that has one in scope cannot stand once
// no participant can see that item or say no to it any more, even if the author was not
// taking part in it.
std::vector<std::string> void_agreements_over_items_of(const Context& context,
                                                       store::Transaction& tx,
                                                       const std::string& rid,
                                                       const std::string& author) {
  std::set<std::string> items;
  for (const auto& row :
       tx.query("SELECT id FROM custom_items WHERE relationship_id = ? AND author_id = ? AND "
                "proposed_at IS NOT NULL",
                {rid, author})) {
    items.insert(row.text(0));
  }
  std::vector<std::string> touched;
  if (items.empty()) return touched;
  for (const auto& row :
       tx.query("SELECT id FROM agreements WHERE relationship_id = ? AND is_void = 0", {rid})) {
    auto record = load_agreement(context, tx, row.text(0));
    if (!record || std::ranges::none_of(record->terms.items,
                                        [&](const auto& item) { return items.contains(item); })) {
      continue;
    }
    auto some = void_agreement(context, tx, record->id);
    touched.insert(touched.end(), some.begin(), some.end());
  }
  return touched;
}

base::Error invite_invalid() {
  return {base::ErrorCode::invite_invalid, "This invite code is not valid any more."};
}

}  // namespace

std::string Relationships::name_of(store::Transaction& tx, const std::string& rid) const {
  auto row = tx.query_one("SELECT name_sealed FROM relationships WHERE id = ?", {rid});
  auto key = context_.keyring.key_of(tx, KeyOwner::kRelationship, rid);
  return context_.keyring.open(key, rid, "name", row->bytes(0));
}

base::Result<std::string> Relationships::create(const Actor& actor, const std::string& name) {
  ATTUNE_TRY(core::check_text("name", name, kMaxName, true));
  const std::string id = crypto::random_id();
  return context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    crypto::SecretKey key;
    std::string wrapped = context_.keyring.new_wrapped_key(tx, KeyOwner::kRelationship, id, key);
    tx.execute(
        "INSERT INTO relationships (id, name_sealed, wrapped_key, created_at) VALUES (?,?,?,?)",
        {id, store::blob(context_.keyring.seal(key, id, "name", core::trim(name))),
         store::blob(wrapped), context_.now_ms()});
    tx.execute(
        "INSERT INTO memberships (relationship_id, account_id, status, invited_by, joined_at) "
        "VALUES (?,?,'active',NULL,?)",
        {id, actor.account_id, context_.now_ms()});
    return base::Result<std::string>(id);
  });
}

std::vector<RelationshipSummary> Relationships::list(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  std::vector<RelationshipSummary> result;
  for (const auto& row : tx->query(
           "SELECT relationship_id FROM memberships WHERE account_id = ? AND status = 'active' "
           "ORDER BY joined_at",
           {actor.account_id})) {
    result.push_back({row.text(0), name_of(*tx, row.text(0))});
  }
  return result;
}

base::Result<RelationshipDetail> Relationships::get(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  ATTUNE_TRY(policy::require_member(*tx, actor, rid));
  RelationshipDetail detail{rid, name_of(*tx, rid), {}, {}};
  for (const auto& partner : policy::active_partners(*tx, rid)) {
    detail.partners.push_back({partner, display_name_of(context_, *tx, partner)});
  }
  for (const auto& row :
       tx->query("SELECT m.account_id, EXISTS (SELECT 1 FROM approvals a WHERE a.relationship_id = "
                 "m.relationship_id AND a.candidate_id = m.account_id AND a.approver_id = ?) FROM "
                 "memberships m WHERE m.relationship_id = ? AND m.status = 'pending' ORDER BY "
                 "m.joined_at",
                 {actor.account_id, rid})) {
    detail.pending.push_back(
        {row.text(0), display_name_of(context_, *tx, row.text(0)), row.integer(1) != 0});
  }
  return detail;
}

base::Result<std::string> Relationships::invite(const Actor& actor, const std::string& rid) {
  return context_.db.transact(
      store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<std::string> {
        ATTUNE_TRY(policy::require_member(tx, actor, rid));
        if (count_active(tx, rid) >= kMaxPartners) {
          return base::fail(base::ErrorCode::relationship_full,
                            "A relationship has at most 8 partners.");
        }
        std::string code = crypto::random_token();
        const auto ttl =
            std::chrono::duration_cast<std::chrono::milliseconds>(context_.config.invite_ttl);
        tx.execute(
            "INSERT INTO invites (code_hash, relationship_id, created_by, expires_at, used_at) "
            "VALUES "
            "(?,?,?,?,NULL)",
            {crypto::token_hash(code), rid, actor.account_id, context_.now_ms() + ttl.count()});
        return code;
      });
}

base::Result<AcceptResult> Relationships::accept(const Actor& actor, const std::string& code) {
  if (code.empty() || code.size() > 128) return std::unexpected(invite_invalid());
  return context_.db.transact(
      store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<AcceptResult> {
        auto invite = tx.query_one(
            "SELECT relationship_id, created_by FROM invites WHERE code_hash = ? AND used_at IS "
            "NULL "
            "AND expires_at > ?",
            {crypto::token_hash(code), context_.now_ms()});
        if (!invite) return std::unexpected(invite_invalid());
        const std::string rid = invite->text(0);
        const std::string inviter = invite->text(1);
        if (tx.query_one("SELECT 1 FROM memberships WHERE relationship_id = ? AND account_id = ?",
                         {rid, actor.account_id})) {
          return base::fail(base::ErrorCode::already_member,
                            "You are already part of this relationship.");
        }
        if (count_active(tx, rid) >= kMaxPartners) {
          return base::fail(base::ErrorCode::relationship_full,
                            "A relationship has at most 8 partners.");
        }
        tx.execute("UPDATE invites SET used_at = ? WHERE code_hash = ?",
                   {context_.now_ms(), crypto::token_hash(code)});
        tx.execute(
            "INSERT INTO memberships (relationship_id, account_id, status, invited_by, joined_at) "
            "VALUES (?,?,'pending',?,?)",
            {rid, actor.account_id, inviter, context_.now_ms()});
        std::string status = "pending";
        if (approved_by_all(tx, rid, actor.account_id)) {
          tx.execute(
              "UPDATE memberships SET status = 'active' WHERE relationship_id = ? AND account_id = "
              "?",
              {rid, actor.account_id});
          status = "active";
        }
        return AcceptResult{rid, status};
      });
}

base::Result<std::string> Relationships::approve(const Actor& actor, const std::string& rid,
                                                 const std::string& candidate_id) {
  return context_.db.transact(
      store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<std::string> {
        ATTUNE_TRY(policy::require_member(tx, actor, rid));
        auto candidate = tx.query_one(
            "SELECT status FROM memberships WHERE relationship_id = ? AND account_id = ?",
            {rid, candidate_id});
        if (!candidate) return std::unexpected(policy::not_found());
        if (candidate->text(0) == "active") return std::string("active");
        if (count_active(tx, rid) >= kMaxPartners) {
          return base::fail(base::ErrorCode::relationship_full,
                            "A relationship has at most 8 partners.");
        }
        tx.execute(
            "INSERT INTO approvals (relationship_id, candidate_id, approver_id) VALUES (?,?,?) "
            "ON CONFLICT DO NOTHING",
            {rid, candidate_id, actor.account_id});
        if (!approved_by_all(tx, rid, candidate_id)) return std::string("pending");
        tx.execute(
            "UPDATE memberships SET status = 'active' WHERE relationship_id = ? AND account_id = ?",
            {rid, candidate_id});
        tx.execute("DELETE FROM approvals WHERE relationship_id = ? AND candidate_id = ?",
                   {rid, candidate_id});
        return std::string("active");
      });
}

std::vector<std::string> Relationships::leave_in(store::Transaction& tx, const std::string& rid,
                                                 const std::string& account_id) {
  // Voiding comes first so it sees the leaver as a participant; then everything the leaver
  // had in this relationship goes: answers, history, custom items, entries and shares.
  auto touched = void_agreements_naming(context_, tx, rid, account_id);
  auto over_items = void_agreements_over_items_of(context_, tx, rid, account_id);
  touched.insert(touched.end(), over_items.begin(), over_items.end());
  for (const char* sql : {
           "DELETE FROM boundary_answers WHERE relationship_id = ? AND account_id = ?",
           "DELETE FROM boundary_history WHERE relationship_id = ? AND account_id = ?",
           "DELETE FROM custom_items WHERE relationship_id = ? AND author_id = ?",
           "DELETE FROM entries WHERE relationship_id = ? AND author_id = ?",
           "DELETE FROM entry_audience WHERE account_id = ?2 AND entry_id IN (SELECT id FROM "
           "entries WHERE relationship_id = ?1)",
           "DELETE FROM approvals WHERE relationship_id = ? AND (candidate_id = ?2 OR approver_id "
           "= ?2)",
           "DELETE FROM memberships WHERE relationship_id = ? AND account_id = ?",
       }) {
    tx.execute(sql, {rid, account_id});
  }
  // Newcomers waiting only on the leaver's approval become members now.
  for (const auto& row : tx.query(
           "SELECT account_id FROM memberships WHERE relationship_id = ? AND status = 'pending'",
           {rid})) {
    if (approved_by_all(tx, rid, row.text(0))) {
      tx.execute(
          "UPDATE memberships SET status = 'active' WHERE relationship_id = ? AND account_id = ?",
          {rid, row.text(0)});
    }
  }
  return touched;
}

base::Status Relationships::leave(const Actor& actor, const std::string& rid) {
  std::vector<std::string> touched;
  auto done =
      context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Status {
        if (!tx.query_one("SELECT 1 FROM memberships WHERE relationship_id = ? AND account_id = ?",
                          {rid, actor.account_id})) {
          return std::unexpected(policy::not_found());
        }
        touched = leave_in(tx, rid, actor.account_id);
        return {};
      });
  if (done) {
    context_.db.scrub_after_delete();
    context_.notify_practices(touched);
  }
  return done;
}

std::vector<std::string> Relationships::leave_all_in(store::Transaction& tx,
                                                     const std::string& account_id) {
  std::vector<std::string> touched;
  for (const auto& row :
       tx.query("SELECT relationship_id FROM memberships WHERE account_id = ?", {account_id})) {
    auto some = leave_in(tx, row.text(0), account_id);
    touched.insert(touched.end(), some.begin(), some.end());
  }
  return touched;
}

}  // namespace attune::app
