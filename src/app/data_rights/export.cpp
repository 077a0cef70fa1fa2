#include "app/data_rights/export.h"

#include <algorithm>
#include <map>

#include "app/consent/agreement_records.h"
#include "app/consent/boundary_records.h"
#include "app/consent/entry_records.h"
#include "app/debriefs/debrief_records.h"
#include "app/practice/practice_records.h"
#include "app/programme/programme_records.h"
#include "app/relationships/relationship_records.h"
#include "app/safety_check/safety_checks.h"
#include "core/practice_act.h"
#include "core/visibility.h"

namespace attune::app {
namespace {

template <class T>
T value_or_throw(base::Result<T> result) {
  // The caller is an active member (checked just before): a failure here is the store's.
  if (!result) throw store::Unavailable("export: " + result.error().message);
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
  document.therapy = therapy_export(context_, actor);
  document.reminders = Reminders(context_).export_of(actor);
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
  one.my_debriefs = debriefs(actor, rid);
  one.my_safety_checks = safety_checks(actor, rid);
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
    auto own = context_.policy.own_membership(tx, actor, relationship.id);
    if (!own) return false;  // left meanwhile: nothing of theirs is there any more
    for (auto& item : own_custom_items(context_, tx, *own)) {
      relationship.my_custom_items.push_back({item.id, std::move(item.category),
                                              std::move(item.label), item.proposed,
                                              item.created_at});
    }
    for (auto& entry : own_entries(context_, tx, *own)) {
      relationship.my_entries.push_back({entry.id, std::move(entry.feature), std::move(entry.body),
                                         std::string(core::visibility_name(entry.visibility)),
                                         entry.created_at, entry.updated_at});
    }
    relationship.my_programme_acceptances = own_acceptances(tx, *own);
    relationship.my_worksheet_history = own_worksheet_versions(context_, tx, *own);
    relationship.my_intentions = own_intention_versions(context_, tx, *own);
    relationship.together = together_export(context_, tx, *own);
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
      auto access = context_.policy.agreement_participant(tx, actor, view.id);
      if (!access) return false;
      for (const auto& signature : own_signatures(tx, *access)) {
        agreement.my_signatures.push_back({signature.version, signature.signed_at});
      }
      return true;
    });
    result.push_back(std::move(agreement));
  }
  return result;
}

std::vector<ExportedPractice> DataExport::practices(const Actor& actor, const std::string& rid) {
  std::map<std::string, std::vector<ExportedAct>> acts_by_practice;
  context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return false;
    for (const auto& act : own_acts(tx, *member)) {
      acts_by_practice[act.practice_id].push_back(
          {act.seq, std::string(core::act_kind_name(act.kind)), act.at.time_since_epoch().count()});
    }
    return true;
  });
  std::vector<ExportedPractice> result;
  for (const auto& summary : value_or_throw(Practices(context_).list(actor, rid))) {
    result.push_back({summary.id, summary.agreement_id, summary.status,
                      std::move(acts_by_practice[summary.id])});
  }
  return result;
}

std::vector<ExportedDebrief> DataExport::debriefs(const Actor& actor, const std::string& rid) {
  std::vector<ExportedDebrief> result;
  context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return false;
    for (auto& own : own_debriefs(context_, tx, *member)) {
      result.push_back({std::move(own.practice_id), std::move(own.answer), own.given_at,
                        own.shared_with_therapist});
    }
    return true;
  });
  return result;
}

// A newcomer waiting for approval sees nothing of the relationship, not even its name.
std::vector<ExportedPendingMembership> DataExport::pending(const Actor& actor) {
  std::vector<ExportedPendingMembership> pending;
  context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
    for (const auto& own : context_.policy.memberships_of(tx, actor.account_id)) {
      if (auto waiting = own_pending_membership(tx, own)) {
        pending.push_back({waiting->relationship_id, waiting->asked_at});
      }
    }
    return true;
  });
  // Oldest request first, as asked.
  std::ranges::stable_sort(pending, {}, &ExportedPendingMembership::asked_at);
  return pending;
}

// The person's own safety checks, opened with their own key: never anyone else's.
std::vector<SafetyCheckRecord> DataExport::safety_checks(const Actor& actor,
                                                         const std::string& rid) {
  auto mine = SafetyChecks(context_).mine(actor, rid);
  // Left meanwhile: nothing of theirs is there any more.
  return mine ? std::move(*mine) : std::vector<SafetyCheckRecord>{};
}

}  // namespace attune::app
