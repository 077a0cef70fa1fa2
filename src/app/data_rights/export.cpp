#include "app/data_rights/export.h"

namespace attune::app {
namespace {

template <class T>
T value_or_throw(base::Result<T> result) {
  // The caller is an active member (checked just before): a failure here is the store's.
  if (!result) throw store::StoreFailure("export: " + result.error().message);
  return std::move(*result);
}

}  // namespace

base::Result<ExportDocument> DataExport::of(const Actor& actor) {
  ExportDocument document;
  document.exported_at = context_.clock.now();
  auto profile = context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
    return load_account(context_, tx, actor.account_id);
  });
  if (!profile) return base::fail(base::ErrorCode::unauthenticated, "Please log in again.");
  document.profile = std::move(*profile);
  for (const auto& summary : Relationships(context_).list(actor)) {
    auto one = relationship(actor, summary.id, summary.name);
    // Left between listing and reading: it is no longer theirs to export.
    if (!one) continue;
    document.relationships.push_back(std::move(*one));
  }
  document.pending_relationships = pending(actor);
  return document;
}

base::Result<ExportedRelationship> DataExport::relationship(const Actor& actor,
                                                            const std::string& rid,
                                                            const std::string& name) {
  auto detail = Relationships(context_).get(actor, rid);
  if (!detail) return base::error_of(detail);
  ExportedRelationship one;
  one.id = rid;
  one.name = name;
  for (const auto& partner : detail->partners) {
    if (partner.id != actor.account_id) one.partners.push_back(partner);
  }
  add_boundaries(actor, one);
  add_own_rows(actor, one);
  one.agreements = agreements(actor, rid);
  one.practices = practices(actor, rid);
  return one;
}

void DataExport::add_boundaries(const Actor& actor, ExportedRelationship& relationship) {
  Boundaries boundaries(context_);
  relationship.my_answers = value_or_throw(boundaries.mine(actor, relationship.id));
  relationship.my_history = value_or_throw(boundaries.history(actor, relationship.id));
  relationship.shared_with_everyone = value_or_throw(boundaries.shared(actor, relationship.id, {}));
}

// What the person authored in the relationship, opened with their own key only: custom
// items and entries (intake and any later feature), whatever their visibility.
void DataExport::add_own_rows(const Actor& actor, ExportedRelationship& relationship) {
  context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
    auto key = context_.keyring.key_of(tx, KeyOwner::kPerson, actor.account_id);
    for (const auto& row :
         tx.query("SELECT id, item_sealed, proposed_at, created_at FROM custom_items WHERE "
                  "relationship_id = ? AND author_id = ? ORDER BY created_at, id",
                  {relationship.id, actor.account_id})) {
      relationship.my_custom_items.push_back(
          {row.text(0), context_.keyring.open(key, row.text(0), "item", row.bytes(1)),
           !row.is_null(2), row.integer(3)});
    }
    for (const auto& row : tx.query(
             "SELECT id, feature, body_sealed, visibility, created_at, updated_at FROM entries "
             "WHERE relationship_id = ? AND author_id = ? ORDER BY created_at, id",
             {relationship.id, actor.account_id})) {
      relationship.my_entries.push_back(
          {row.text(0), row.text(1), context_.keyring.open(key, row.text(0), "body", row.bytes(2)),
           row.text(3), row.integer(4), row.integer(5)});
    }
    return true;
  });
}

std::vector<ExportedAgreement> DataExport::agreements(const Actor& actor, const std::string& rid) {
  Agreements agreements(context_);
  std::vector<ExportedAgreement> result;
  for (const auto& view : value_or_throw(agreements.list(actor, rid))) {
    ExportedAgreement agreement{view.id,
                                view.version,
                                view.status,
                                value_or_throw(agreements.versions(actor, view.id)),
                                {}};
    context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
      for (const auto& row :
           tx.query("SELECT version, signed_at FROM signatures WHERE agreement_id = ? AND "
                    "account_id = ? ORDER BY version",
                    {view.id, actor.account_id})) {
        agreement.my_signatures.push_back({row.integer(0), row.integer(1)});
      }
      return true;
    });
    result.push_back(std::move(agreement));
  }
  return result;
}

std::vector<ExportedPractice> DataExport::practices(const Actor& actor, const std::string& rid) {
  std::vector<ExportedPractice> result;
  for (const auto& summary : value_or_throw(Practices(context_).list(actor, rid))) {
    ExportedPractice practice{summary.id, summary.agreement_id, summary.status, {}};
    context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
      for (const auto& row : tx.query(
               "SELECT seq, kind, at FROM practice_acts WHERE practice_id = ? AND actor_id = ? "
               "ORDER BY seq",
               {summary.id, actor.account_id})) {
        practice.my_acts.push_back({row.integer(0), row.text(1), row.integer(2)});
      }
      return true;
    });
    result.push_back(std::move(practice));
  }
  return result;
}

// A newcomer waiting for approval sees nothing of the relationship, not even its name.
// TRANSITIONAL: memberships are relationships' table; this query moves into its records
// module once that has a function for an account's pending memberships.
std::vector<ExportedPendingMembership> DataExport::pending(const Actor& actor) {
  std::vector<ExportedPendingMembership> pending;
  context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
    for (const auto& row :
         tx.query("SELECT relationship_id, joined_at FROM memberships WHERE account_id = ? AND "
                  "status = 'pending' ORDER BY joined_at",
                  {actor.account_id})) {
      pending.push_back({row.text(0), row.integer(1)});
    }
    return true;
  });
  return pending;
}

}  // namespace attune::app
