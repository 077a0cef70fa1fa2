#include "app/therapy/therapist_links.h"

#include "app/accounts/people.h"
#include "app/safety_check/practice_hold.h"
#include "app/therapy/access_log_records.h"
#include "app/therapy/confidentiality.h"
#include "app/therapy/link_records.h"
#include "crypto/tokens.h"

namespace attune::app {

std::string_view link_state_name(LinkState state) {
  switch (state) {
    case LinkState::kNone:
      return "none";
    case LinkState::kPending:
      return "pending";
    case LinkState::kActive:
      return "active";
  }
  return "none";
}

base::Result<std::string> TherapistLinks::create_code(const Actor& actor) {
  auto role = context_.policy.therapist(actor);
  if (!role) return base::error_of(role);
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    std::string code = crypto::random_token();
    insert_link_code(tx, *role, crypto::token_hash(code), context_.now_ms() + kLinkCodeTtlMs);
    return code;
  });
}

base::Status TherapistLinks::acknowledge(store::Transaction& tx, const policy::MemberAccess& member,
                                         bool understood) const {
  if (understood) {
    record_acknowledgement(tx, member, context_.now_ms());
    return {};
  }
  if (has_acknowledged(tx, member)) return {};
  return base::fail(base::ErrorCode::acknowledgement_required,
                    "Please read the limits of confidentiality and confirm you understand.");
}

// Active once every active partner consents; each consenting partner's channel opens then.
LinkState TherapistLinks::settle(store::Transaction& tx, const policy::MemberAccess& member,
                                 const std::string& therapist_id) const {
  const auto partners =
      static_cast<std::int64_t>(context_.policy.active_partners(tx, member).size());
  if (consent_count(tx, member) < partners) return LinkState::kPending;
  open_channels(tx, member, therapist_id, context_.now_ms());
  return LinkState::kActive;
}

base::Result<LinkState> TherapistLinks::request(const Actor& actor, const std::string& rid,
                                                const std::string& code, bool understood) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<LinkState> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    const auto now = context_.now_ms();
    auto open = code.empty() || code.size() > 128
                    ? std::nullopt
                    : find_open_link_code(tx, crypto::token_hash(code), now);
    if (!open) {
      return base::fail(base::ErrorCode::link_code_invalid,
                        "This link code is not valid any more. Ask your therapist for a new one.");
    }
    if (linked_therapist_id(tx, *member)) {
      return base::fail(base::ErrorCode::already_linked,
                        "This relationship already has a therapist link.");
    }
    ATTUNE_TRY(acknowledge(tx, *member, understood));
    use_link_code(tx, *open, now);
    insert_link(tx, *member, *open, now);
    insert_consent(tx, *member, now);
    return settle(tx, *member, open->therapist_id);
  });
}

base::Result<LinkState> TherapistLinks::consent(const Actor& actor, const std::string& rid,
                                                bool understood) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<LinkState> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    auto therapist = linked_therapist_id(tx, *member);
    if (!therapist) return std::unexpected(policy::not_found());
    ATTUNE_TRY(acknowledge(tx, *member, understood));
    insert_consent(tx, *member, context_.now_ms());
    return settle(tx, *member, *therapist);
  });
}

base::Status TherapistLinks::revoke(const Actor& actor, const std::string& rid) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    // The therapist's hold goes with the link: nobody else could lift it.
    if (auto therapist = linked_therapist_id(tx, *member)) {
      set_practice_hold(context_, tx, member->membership(), {HoldCause::kTherapist, *therapist},
                        false);
    }
    delete_link(tx, *member);
    close_own_channel(tx, *member);
    return {};
  });
}

base::Result<LinkStatus> TherapistLinks::status(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  LinkStatus status;
  status.confidentiality = confidentiality_text(context_);
  status.you_acknowledged = has_acknowledged(*tx, *member);
  status.channel_open = context_.policy.own_channel(*tx, actor, rid).has_value();
  status.partner_count =
      static_cast<std::int64_t>(context_.policy.active_partners(*tx, *member).size());
  auto therapist = linked_therapist_id(*tx, *member);
  if (!therapist) return status;
  status.therapist_name = display_name_of(context_, *tx, *therapist);
  status.consent_count = consent_count(*tx, *member);
  status.you_consented = has_consented(*tx, *member);
  status.state =
      status.consent_count < status.partner_count ? LinkState::kPending : LinkState::kActive;
  return status;
}

base::Result<std::vector<CaseloadEntry>> TherapistLinks::caseload(const Actor& actor) {
  auto role = context_.policy.therapist(actor);
  if (!role) return base::error_of(role);
  return context_.write(actor, [&](store::Transaction& tx) {
    std::vector<CaseloadEntry> entries;
    const std::string me = display_name_of(context_, tx, actor.account_id);
    for (const auto& link : context_.policy.caseload(tx, *role)) {
      CaseloadEntry entry{link.relationship_id(), relationship_name_for(context_, tx, link), {}};
      for (const auto& partner : partners_for(tx, link)) {
        entry.partners.push_back({partner, display_name_of(context_, tx, partner)});
        log_therapist_read(context_, tx, link, partner,
                           {actor.account_id, me, "caseload", context_.now_ms()});
      }
      entries.push_back(std::move(entry));
    }
    return base::Result<std::vector<CaseloadEntry>>(std::move(entries));
  });
}

}  // namespace attune::app
