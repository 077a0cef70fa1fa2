#include "app/consent/agreements.h"

#include "app/consent/agreement_records.h"
#include "app/consent/agreement_voiding.h"
#include "app/practice/practice_log.h"
#include "app/consent/boundaries.h"
#include "app/policy/policy.h"
#include "crypto/tokens.h"

namespace attune::app {

base::Status Agreements::validate(store::Transaction& tx, const Actor& actor, const std::string& rid,
                                  core::AgreementTerms& terms) {
  auto partners = policy::active_partners(tx, rid);
  if (terms.participants.empty()) terms.participants = partners;
  if (terms.role_order.empty()) terms.role_order = terms.participants;
  std::unordered_map<std::string, core::AnswerSheet> sheets;
  for (const auto& participant : terms.participants) {
    if (std::find(partners.begin(), partners.end(), participant) == partners.end()) continue;
    sheets.emplace(participant, load_answer_sheet(context_, tx, rid, participant));
  }
  auto ok = core::validate_agreement_terms(terms, actor.account_id, partners, sheets,
                                           context_.content.find_exercise(terms.exercise_id));
  if (!ok) return ok;
  // Custom items must be ones every participant can see (proposed ones).
  for (const auto& item : terms.items) {
    for (const auto& participant : terms.participants) {
      if (!item_visible_to(context_, tx, rid, participant, item)) {
        return base::fail(base::ErrorCode::item_not_mutual, "An item is not shared by every participant.");
      }
    }
  }
  return {};
}

AgreementView Agreements::view_of(store::Transaction& tx, const Actor& actor,
                                  const std::string& agreement_id) {
  auto record = load_agreement(context_, tx, agreement_id);
  AgreementView view;
  view.id = record->id;
  view.relationship_id = record->relationship_id;
  view.version = record->version;
  view.status = core::agreement_status(record->is_void, record->terms.participants, record->signed_current);
  view.signatures = core::signature_view(record->terms.participants, record->signed_current, actor.account_id);
  view.terms = std::move(record->terms);
  return view;
}

base::Result<AgreementView> Agreements::create(const Actor& actor, const std::string& rid,
                                               core::AgreementTerms terms) {
  const std::string id = crypto::random_id();
  return context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<AgreementView> {
    ATTUNE_TRY(policy::require_member(tx, actor, rid));
    ATTUNE_TRY(validate(tx, actor, rid, terms));
    tx.execute(
        "INSERT INTO agreements (id, relationship_id, current_version, is_void, created_at) VALUES "
        "(?,?,1,0,?)",
        {id, rid, context_.now_ms()});
    save_version(context_, tx, rid, id, 1, terms);
    return view_of(tx, actor, id);
  });
}

base::Result<AgreementView> Agreements::update(const Actor& actor, const std::string& agreement_id,
                                               core::AgreementTerms terms) {
  std::vector<std::string> touched;
  auto result = context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<AgreementView> {
    auto rid = policy::require_agreement_participant(tx, actor, agreement_id);
    if (!rid) return base::error_of(rid);
    auto record = load_agreement(context_, tx, agreement_id);
    if (record->is_void) {
      return base::fail(base::ErrorCode::agreement_void, "This agreement was withdrawn; please start a new one.");
    }
    ATTUNE_TRY(validate(tx, actor, *rid, terms));
    // Practices on the earlier version were consented to under other terms: they stop.
    for (const auto& row : tx.query("SELECT id FROM practices WHERE agreement_id = ?", {agreement_id})) {
      if (append_system_act(context_, tx, row.text(0), core::ActKind::kAgreementVoided)) {
        touched.push_back(row.text(0));
      }
    }
    save_version(context_, tx, *rid, agreement_id, record->version + 1, terms);
    return view_of(tx, actor, agreement_id);
  });
  if (result) context_.notify_practices(touched);
  return result;
}

base::Result<AgreementView> Agreements::sign(const Actor& actor, const std::string& agreement_id,
                                             std::int64_t version) {
  return context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<AgreementView> {
    auto rid = policy::require_agreement_participant(tx, actor, agreement_id);
    if (!rid) return base::error_of(rid);
    auto record = load_agreement(context_, tx, agreement_id);
    if (record->is_void) return base::fail(base::ErrorCode::agreement_void, "This agreement was withdrawn.");
    if (record->version != version) {
      return base::fail(base::ErrorCode::stale_version,
                        "The agreement has changed since you read it; please review the new version.");
    }
    // Consent is checked again at signing: the terms must still be mutual right now.
    ATTUNE_TRY(validate(tx, actor, *rid, record->terms));
    tx.execute(
        "INSERT INTO signatures (agreement_id, version, account_id, signed_at) VALUES (?,?,?,?) "
        "ON CONFLICT DO NOTHING",
        {agreement_id, version, actor.account_id, context_.now_ms()});
    return view_of(tx, actor, agreement_id);
  });
}

base::Result<AgreementView> Agreements::withdraw(const Actor& actor, const std::string& agreement_id) {
  std::vector<std::string> touched;
  auto result = context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<AgreementView> {
    auto rid = policy::require_agreement_participant(tx, actor, agreement_id);
    if (!rid) return base::error_of(rid);
    touched = void_agreement(context_, tx, agreement_id);
    return view_of(tx, actor, agreement_id);
  });
  if (result) context_.notify_practices(touched);
  return result;
}

base::Result<AgreementView> Agreements::get(const Actor& actor, const std::string& agreement_id) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto rid = policy::require_agreement_participant(*tx, actor, agreement_id);
  if (!rid) return base::error_of(rid);
  return view_of(*tx, actor, agreement_id);
}

base::Result<std::vector<AgreementView>> Agreements::list(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  ATTUNE_TRY(policy::require_member(*tx, actor, rid));
  std::vector<AgreementView> views;
  for (const auto& row : tx->query(
           "SELECT a.id FROM agreements a JOIN agreement_participants p ON p.agreement_id = a.id "
           "WHERE a.relationship_id = ? AND p.account_id = ? ORDER BY a.created_at DESC",
           {rid, actor.account_id})) {
    views.push_back(view_of(*tx, actor, row.text(0)));
  }
  return views;
}

base::Result<std::vector<AgreementVersion>> Agreements::versions(const Actor& actor,
                                                                 const std::string& agreement_id) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto rid = policy::require_agreement_participant(*tx, actor, agreement_id);
  if (!rid) return base::error_of(rid);
  std::vector<AgreementVersion> versions;
  for (const auto& row : tx->query(
           "SELECT version, created_at FROM agreement_versions WHERE agreement_id = ? ORDER BY version",
           {agreement_id})) {
    versions.push_back({row.integer(0), row.integer(1),
                        load_terms(context_, *tx, *rid, agreement_id, row.integer(0))});
  }
  return versions;
}

}  // namespace attune::app
