#include "app/consent/agreements.h"

#include "app/consent/agreement_voiding.h"
#include "app/consent/boundaries.h"
#include "app/nudge_topics.h"
#include "app/policy/policy.h"
#include "app/programme/programme_facts.h"
#include "crypto/tokens.h"

namespace attune::app {

base::Status Agreements::validate(store::Transaction& tx, const Actor& actor,
                                  const policy::MemberAccess& member, core::AgreementTerms& terms) {
  auto partners = context_.policy.active_partners(tx, member);
  if (terms.participants.empty()) terms.participants = partners;
  if (terms.role_order.empty()) terms.role_order = terms.participants;
  std::unordered_map<std::string, core::AnswerSheet> sheets;
  for (const auto& participant : terms.participants) {
    if (std::find(partners.begin(), partners.end(), participant) == partners.end()) continue;
    sheets.emplace(participant, answer_sheet(context_, tx, member, participant));
  }
  ATTUNE_TRY(core::validate_agreement_terms(terms, actor.account_id, partners, sheets,
                                            context_.content.find_exercise(terms.exercise_id)));
  // Custom items must be ones every participant can see (proposed ones).
  for (const auto& item : terms.items) {
    for (const auto& participant : terms.participants) {
      if (!item_visible_to(context_, tx, member, participant, item)) {
        return base::fail(base::ErrorCode::item_not_mutual,
                          "An item is not shared by every participant.");
      }
    }
  }
  return {};
}

AgreementView Agreements::view_of(store::Transaction& tx, const policy::AgreementAccess& access) {
  auto record = load_agreement(context_, tx, access);
  AgreementView view;
  view.id = record.id;
  view.relationship_id = record.relationship_id;
  view.version = record.version;
  view.status =
      core::agreement_status(record.is_void, record.terms.participants, record.signed_current);
  view.signatures =
      core::signature_view(record.terms.participants, record.signed_current, access.account_id());
  view.terms = std::move(record.terms);
  return view;
}

base::Result<AgreementView> Agreements::create(const Actor& actor, const std::string& rid,
                                               core::AgreementTerms terms) {
  const std::string id = crypto::random_id();
  auto created = context_.write(actor, [&](store::Transaction& tx) -> base::Result<AgreementView> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    ATTUNE_TRY(validate(tx, actor, *member, terms));
    ATTUNE_TRY(check_stage_open(context_, tx, *member, terms.exercise_id));
    create_agreement(context_, tx, *member, id, terms);
    // The creator is a participant: validation requires it.
    auto access = context_.policy.agreement_participant(tx, actor, id);
    if (!access) return base::error_of(access);
    return view_of(tx, *access);
  });
  nudge_participants(actor, created);
  return created;
}

base::Result<AgreementView> Agreements::update(const Actor& actor, const std::string& agreement_id,
                                               core::AgreementTerms terms) {
  std::vector<std::string> touched;
  auto result = context_.write(actor, [&](store::Transaction& tx) -> base::Result<AgreementView> {
    auto access = context_.policy.agreement_participant(tx, actor, agreement_id);
    if (!access) return base::error_of(access);
    auto record = load_agreement(context_, tx, *access);
    if (record.is_void) {
      return base::fail(base::ErrorCode::agreement_void,
                        "This agreement was withdrawn; please start a new one.");
    }
    ATTUNE_TRY(validate(tx, actor, access->member(), terms));
    ATTUNE_TRY(check_stage_open(context_, tx, access->member(), terms.exercise_id));
    // Practices on the earlier version were consented to under other terms: they stop.
    touched = stop_practices_on(context_, tx, access->member().membership(), agreement_id);
    save_version(context_, tx, *access, record.version + 1, terms);
    return view_of(tx, *access);
  });
  if (result) context_.notify_practices(touched);
  nudge_participants(actor, result);
  return result;
}

base::Result<AgreementView> Agreements::sign(const Actor& actor, const std::string& agreement_id,
                                             std::int64_t version) {
  auto signed_view =
      context_.write(actor, [&](store::Transaction& tx) -> base::Result<AgreementView> {
        auto access = context_.policy.agreement_participant(tx, actor, agreement_id);
        if (!access) return base::error_of(access);
        auto record = load_agreement(context_, tx, *access);
        if (record.is_void) {
          return base::fail(base::ErrorCode::agreement_void, "This agreement was withdrawn.");
        }
        if (record.version != version) {
          return base::fail(
              base::ErrorCode::stale_version,
              "The agreement has changed since you read it; please review the new version.");
        }
        // Consent is checked again at signing: the terms must still be mutual right now.
        ATTUNE_TRY(validate(tx, actor, access->member(), record.terms));
        add_signature(tx, *access, version, context_.now_ms());
        return view_of(tx, *access);
      });
  nudge_participants(actor, signed_view);
  return signed_view;
}

base::Result<AgreementView> Agreements::withdraw(const Actor& actor,
                                                 const std::string& agreement_id) {
  std::vector<std::string> touched;
  auto result = context_.write(actor, [&](store::Transaction& tx) -> base::Result<AgreementView> {
    auto access = context_.policy.agreement_participant(tx, actor, agreement_id);
    if (!access) return base::error_of(access);
    touched = void_agreement(context_, tx, *access);
    return view_of(tx, *access);
  });
  if (result) context_.notify_practices(touched);
  nudge_participants(actor, result);
  return result;
}

// Only the agreement's participants see it: the others in the relationship are not nudged.
void Agreements::nudge_participants(const Actor& actor,
                                    const base::Result<AgreementView>& changed) {
  if (!changed) return;
  context_.nudge(others_than(actor, changed->terms.participants),
                 nudge_topic::in(nudge_topic::kAgreements, changed->relationship_id));
}

base::Result<AgreementView> Agreements::get(const Actor& actor, const std::string& agreement_id) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto access = context_.policy.agreement_participant(*tx, actor, agreement_id);
  if (!access) return base::error_of(access);
  return view_of(*tx, *access);
}

base::Result<std::vector<AgreementView>> Agreements::list(const Actor& actor,
                                                          const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  std::vector<AgreementView> views;
  for (const auto& access : context_.policy.agreements_taken_part_in(*tx, *member)) {
    views.push_back(view_of(*tx, access));
  }
  return views;
}

base::Result<std::vector<AgreementVersion>> Agreements::versions(const Actor& actor,
                                                                 const std::string& agreement_id) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto access = context_.policy.agreement_participant(*tx, actor, agreement_id);
  if (!access) return base::error_of(access);
  return agreement_versions(context_, *tx, *access);
}

}  // namespace attune::app
