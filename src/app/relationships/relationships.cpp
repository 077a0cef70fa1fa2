#include "app/relationships/relationships.h"

#include <algorithm>
#include <set>

#include "app/accounts/people.h"
#include "app/care/intention_records.h"
#include "app/consent/agreement_voiding.h"
#include "app/consent/boundary_records.h"
#include "app/consent/entry_records.h"
#include "app/consent/terms_cache.h"
#include "app/data_keys.h"
#include "app/debriefs/debrief_records.h"
#include "app/nudge_topics.h"
#include "app/policy/policy.h"
#include "app/programme/programme_records.h"
#include "app/relationships/relationship_records.h"
#include "app/safety_check/practice_hold.h"
#include "app/safety_check/safety_check_records.h"
#include "app/therapy/link_records.h"
#include "app/together/appreciation_records.h"
#include "app/together/plan_records.h"
#include "app/together/reminder_records.h"
#include "core/display_name.h"
#include "core/text.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxName = 80;

base::Error invite_invalid() {
  return {base::ErrorCode::invite_invalid, "This invite code is not valid any more."};
}

base::Error relationship_full() {
  return {base::ErrorCode::relationship_full, "A relationship has at most 8 partners."};
}

}  // namespace

base::Result<std::string> Relationships::create(const Actor& actor, const std::string& name) {
  ATTUNE_TRY(core::check_text("name", name, kMaxName, true));
  ATTUNE_TRY(core::check_visible_name("name", core::trim(name)));
  const std::string id = crypto::random_id();
  return context_.write(actor, [&](store::Transaction& tx) {
    insert_relationship(context_, tx, {id, core::trim(name), actor.account_id, context_.now_ms()});
    return base::Result<std::string>(id);
  });
}

std::vector<RelationshipSummary> Relationships::list(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  std::vector<RelationshipSummary> result;
  for (const auto& rid : active_relationship_ids(*tx, actor.account_id)) {
    auto member = context_.policy.member(*tx, actor, rid);
    if (!member) continue;  // cannot happen within the transaction: listed as active
    result.push_back({rid, relationship_name(context_, *tx, *member)});
  }
  return result;
}

std::vector<JoinRequest> Relationships::my_requests(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  std::vector<JoinRequest> requests;
  for (const auto& own : context_.policy.memberships_of(*tx, actor.account_id)) {
    if (auto waiting = own_pending_membership(*tx, own)) {
      requests.push_back({waiting->relationship_id, waiting->asked_at});
    }
  }
  std::ranges::stable_sort(requests, {}, &JoinRequest::asked_at);
  return requests;
}

base::Result<RelationshipDetail> Relationships::get(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  RelationshipDetail detail{rid, relationship_name(context_, *tx, *member), {}, {}, false};
  for (const auto& partner : context_.policy.active_partners(*tx, *member)) {
    detail.partners.push_back({partner, display_name_of(context_, *tx, partner)});
  }
  for (const auto& pending : pending_members(*tx, *member)) {
    detail.pending.push_back({pending.account_id,
                              display_name_of(context_, *tx, pending.account_id),
                              pending.approved_by_viewer});
  }
  detail.practice_hold = practice_held(*tx, rid);
  return detail;
}

base::Result<std::string> Relationships::invite(const Actor& actor, const std::string& rid) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    if (context_.policy.active_partners(tx, *member).size() >= kMaxPartners) {
      return std::unexpected(relationship_full());
    }
    std::string code = crypto::random_token();
    const auto ttl =
        std::chrono::duration_cast<std::chrono::milliseconds>(context_.config.invite_ttl);
    insert_invite(tx, *member, crypto::token_hash(code), context_.now_ms() + ttl.count());
    return code;
  });
}

base::Result<AcceptResult> Relationships::accept(const Actor& actor, const std::string& code) {
  if (code.empty() || code.size() > 128) return std::unexpected(invite_invalid());
  std::vector<std::string> members;
  auto accepted = context_.write(actor, [&](store::Transaction& tx) -> base::Result<AcceptResult> {
    auto invite = find_open_invite(tx, crypto::token_hash(code), context_.now_ms());
    if (!invite) return std::unexpected(invite_invalid());
    if (context_.policy.own_membership(tx, actor, invite->relationship_id)) {
      return base::fail(base::ErrorCode::already_member,
                        "You are already part of this relationship.");
    }
    if (count_active_members(tx, *invite) >= kMaxPartners) {
      return std::unexpected(relationship_full());
    }
    join_by_invite(tx, *invite, actor.account_id, context_.now_ms());
    auto joined = context_.policy.own_membership(tx, actor, invite->relationship_id);
    if (!joined) return base::error_of(joined);
    std::string status = "pending";
    if (approved_by_all(tx, *joined, actor.account_id)) {
      activate_member(tx, *joined, actor.account_id);
      status = "active";
    }
    // The members see a newcomer waiting for them (or a new member).
    members = context_.policy.active_partners(tx, *joined);
    return AcceptResult{invite->relationship_id, status};
  });
  if (accepted) {
    context_.nudge(others_than(actor, members),
                   nudge_topic::in(nudge_topic::kRelationships, accepted->relationship_id));
  }
  return accepted;
}

base::Result<std::string> Relationships::approve(const Actor& actor, const std::string& rid,
                                                 const std::string& candidate_id) {
  std::vector<std::string> told;
  auto approved = context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    auto status = membership_status(tx, *member, candidate_id);
    if (!status) return std::unexpected(policy::not_found());
    if (*status == "active") return std::string("active");
    if (context_.policy.active_partners(tx, *member).size() >= kMaxPartners) {
      return std::unexpected(relationship_full());
    }
    add_approval(tx, *member, candidate_id);
    const auto in = member->membership();
    // Nobody else sees an approval on its own (each member sees only their own), so only
    // the last one, which lets the newcomer in, is news: to the members and the newcomer.
    if (!approved_by_all(tx, in, candidate_id)) return std::string("pending");
    activate_member(tx, in, candidate_id);
    delete_approvals_of(tx, in, candidate_id);
    told = context_.policy.active_partners(tx, *member);
    return std::string("active");
  });
  if (approved) {
    context_.nudge(others_than(actor, told), nudge_topic::in(nudge_topic::kRelationships, rid));
  }
  return approved;
}

std::vector<std::string> Relationships::leave_in(store::Transaction& tx,
                                                 const policy::MembershipAccess& membership) {
  // Voiding comes first so it sees the leaver as a participant. Custom items leave with
  // their author, so an agreement with one in scope cannot stand once no participant can
  // see that item or say no to it any more, even if the author was not taking part in it.
  // Then everything the leaver had in this relationship goes: answers, history, custom
  // items, entries, shares and debriefs.
  auto touched = void_agreements_naming(context_, tx, membership);
  const auto proposed = own_proposed_custom_item_ids(tx, membership);
  auto over_items = void_agreements_over_items(
      context_, tx, membership, std::set<std::string>(proposed.begin(), proposed.end()));
  touched.insert(touched.end(), over_items.begin(), over_items.end());
  delete_own_boundary_rows(tx, membership);
  delete_own_entry_rows(tx, membership);
  delete_own_debriefs(tx, membership);
  delete_own_acceptances(tx, membership);
  delete_own_safety_checks(tx, membership);
  lift_own_practice_holds(context_, tx, membership);
  delete_own_intentions(tx, membership);
  delete_own_therapy_rows(tx, membership);
  delete_own_appreciation_rows(tx, membership);
  delete_own_plan_rows(tx, membership);
  delete_own_reminders_in(tx, membership);
  delete_membership(tx, membership);
  // Relationships are never deleted; a member leaving with their data is the nearest thing,
  // so what is kept in memory for the relationship goes at once.
  forget_data_key(KeyOwner::kRelationship, membership.relationship_id());
  forget_terms_of(membership.relationship_id());
  // Newcomers waiting only on the leaver's approval become members now.
  for (const auto& candidate : pending_member_ids(tx, membership)) {
    if (approved_by_all(tx, membership, candidate)) activate_member(tx, membership, candidate);
  }
  return touched;
}

base::Status Relationships::leave(const Actor& actor, const std::string& rid) {
  std::vector<std::string> touched;
  std::vector<std::string> told;
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto membership = context_.policy.own_membership(tx, actor, rid);
    if (!membership) return base::error_of(membership);
    const auto waiting = pending_member_ids(tx, *membership);
    touched = leave_in(tx, *membership);
    // The members who stay, and the newcomers the leaving let in (one still waiting
    // learns nothing).
    told = context_.policy.active_partners(tx, *membership);
    const auto still_waiting = pending_member_ids(tx, *membership);
    for (const auto& candidate : waiting) {
      if (std::ranges::find(still_waiting, candidate) == still_waiting.end()) {
        told.push_back(candidate);
      }
    }
    return {};
  });
  if (done) {
    context_.db.scrub_after_delete();
    context_.notify_practices(touched);
    context_.nudge(others_than(actor, told), nudge_topic::in(nudge_topic::kRelationships, rid));
  }
  return done;
}

std::vector<std::string> Relationships::leave_all_in(store::Transaction& tx,
                                                     const std::string& account_id) {
  std::vector<std::string> touched;
  for (const auto& membership : context_.policy.memberships_of(tx, account_id)) {
    auto some = leave_in(tx, membership);
    touched.insert(touched.end(), some.begin(), some.end());
  }
  return touched;
}

}  // namespace attune::app
