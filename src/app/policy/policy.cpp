#include "app/policy/policy.h"

namespace attune::app::policy {

base::Error not_found() { return {base::ErrorCode::not_found, "Nothing was found here."}; }

base::Result<MemberAccess> Policy::member(store::Transaction& tx, const Actor& actor,
                                          const std::string& relationship_id) const {
  // A therapist is never a partner, whatever the rows say.
  if (actor.is_therapist) return std::unexpected(not_found());
  auto row = tx.query_one(
      "SELECT 1 FROM memberships WHERE relationship_id = ? AND account_id = ? AND status = "
      "'active'",
      {relationship_id, actor.account_id});
  if (!row) return std::unexpected(not_found());
  return MemberAccess(relationship_id, actor.account_id);
}

base::Result<MembershipAccess> Policy::own_membership(store::Transaction& tx, const Actor& actor,
                                                      const std::string& relationship_id) const {
  if (actor.is_therapist) return std::unexpected(not_found());
  auto row = tx.query_one("SELECT 1 FROM memberships WHERE relationship_id = ? AND account_id = ?",
                          {relationship_id, actor.account_id});
  if (!row) return std::unexpected(not_found());
  return MembershipAccess(relationship_id, actor.account_id);
}

std::vector<MembershipAccess> Policy::memberships_of(store::Transaction& tx,
                                                     const std::string& account_id) const {
  std::vector<MembershipAccess> memberships;
  for (const auto& row :
       tx.query("SELECT relationship_id FROM memberships WHERE account_id = ?", {account_id})) {
    memberships.push_back(MembershipAccess(row.text(0), account_id));
  }
  return memberships;
}

base::Result<AgreementAccess> Policy::agreement_participant(store::Transaction& tx,
                                                            const Actor& actor,
                                                            const std::string& agreement_id) const {
  auto row = tx.query_one(
      "SELECT a.relationship_id FROM agreements a "
      "JOIN agreement_participants p ON p.agreement_id = a.id AND p.account_id = ? "
      "JOIN memberships m ON m.relationship_id = a.relationship_id AND m.account_id = p.account_id "
      "AND m.status = 'active' WHERE a.id = ?",
      {actor.account_id, agreement_id});
  if (!row) return std::unexpected(not_found());
  return AgreementAccess(MemberAccess(row->text(0), actor.account_id), agreement_id);
}

std::vector<AgreementAccess> Policy::agreements_taken_part_in(store::Transaction& tx,
                                                              const MemberAccess& member) const {
  std::vector<AgreementAccess> agreements;
  for (const auto& row : tx.query(
           "SELECT a.id FROM agreements a JOIN agreement_participants p ON p.agreement_id = a.id "
           "WHERE a.relationship_id = ? AND p.account_id = ? ORDER BY a.created_at DESC",
           {member.relationship_id(), member.account_id()})) {
    agreements.push_back(AgreementAccess(member, row.text(0)));
  }
  return agreements;
}

base::Result<PracticeAccess> Policy::practice_participant(store::Transaction& tx,
                                                          const Actor& actor,
                                                          const std::string& practice_id) const {
  auto row = tx.query_one("SELECT agreement_id FROM practices WHERE id = ?", {practice_id});
  if (!row) return std::unexpected(not_found());
  auto agreement = agreement_participant(tx, actor, row->text(0));
  if (!agreement) return base::error_of(agreement);
  return PracticeAccess(std::move(*agreement), practice_id);
}

std::vector<std::string> Policy::active_partners(store::Transaction& tx,
                                                 const MembershipAccess& membership) const {
  std::vector<std::string> partners;
  for (const auto& row : tx.query(
           "SELECT account_id FROM memberships WHERE relationship_id = ? AND status = 'active' "
           "ORDER BY account_id",
           {membership.relationship_id()})) {
    partners.push_back(row.text(0));
  }
  return partners;
}

namespace {

// A link whose every active partner has a consent row (and which has at least one).
constexpr const char* kActiveLink =
    "SELECT l.relationship_id FROM therapist_links l WHERE l.therapist_id = ? AND EXISTS "
    "(SELECT 1 FROM therapist_consents c WHERE c.relationship_id = l.relationship_id) AND NOT "
    "EXISTS (SELECT 1 FROM memberships m WHERE m.relationship_id = l.relationship_id AND "
    "m.status = 'active' AND NOT EXISTS (SELECT 1 FROM therapist_consents c WHERE "
    "c.relationship_id = m.relationship_id AND c.account_id = m.account_id)) ";

// A channel whose partner is still an active member of the relationship.
constexpr const char* kOpenChannel =
    "SELECT ch.relationship_id, ch.account_id, ch.therapist_id FROM therapist_channels ch "
    "JOIN memberships m ON m.relationship_id = ch.relationship_id AND m.account_id = "
    "ch.account_id AND m.status = 'active' ";

}  // namespace

base::Result<TherapistRole> Policy::therapist(const Actor& actor) const {
  if (!actor.is_therapist) return std::unexpected(not_found());
  return TherapistRole(actor.account_id);
}

base::Result<TherapistAccess> Policy::linked_therapist(store::Transaction& tx, const Actor& actor,
                                                       const std::string& relationship_id) const {
  if (!actor.is_therapist) return std::unexpected(not_found());
  auto row = tx.query_one(std::string(kActiveLink) + "AND l.relationship_id = ?",
                          {actor.account_id, relationship_id});
  if (!row) return std::unexpected(not_found());
  return TherapistAccess(relationship_id, actor.account_id);
}

std::vector<TherapistAccess> Policy::caseload(store::Transaction& tx,
                                              const TherapistRole& role) const {
  std::vector<TherapistAccess> links;
  for (const auto& row :
       tx.query(std::string(kActiveLink) + "ORDER BY l.created_at, l.relationship_id",
                {role.therapist_id()})) {
    links.push_back(TherapistAccess(row.text(0), role.therapist_id()));
  }
  return links;
}

std::vector<MembershipAccess> Policy::partners_of(store::Transaction& tx,
                                                  const TherapistAccess& link) const {
  std::vector<MembershipAccess> partners;
  for (const auto& row : tx.query(
           "SELECT account_id FROM memberships WHERE relationship_id = ? AND status = 'active' "
           "ORDER BY account_id",
           {link.relationship_id()})) {
    partners.push_back(MembershipAccess(link.relationship_id(), row.text(0)));
  }
  return partners;
}

std::vector<MembershipAccess> Policy::linked_memberships_of(store::Transaction& tx,
                                                            const std::string& therapist_id) const {
  std::vector<MembershipAccess> memberships;
  for (const auto& row : tx.query(
           "SELECT l.relationship_id, MIN(m.account_id) FROM therapist_links l JOIN memberships m "
           "ON m.relationship_id = l.relationship_id AND m.status = 'active' "
           "WHERE l.therapist_id = ? GROUP BY l.relationship_id ORDER BY l.relationship_id",
           {therapist_id})) {
    memberships.push_back(MembershipAccess(row.text(0), row.text(1)));
  }
  return memberships;
}

base::Result<ChannelAccess> Policy::own_channel(store::Transaction& tx, const Actor& actor,
                                                const std::string& relationship_id) const {
  if (actor.is_therapist) return std::unexpected(not_found());
  auto row =
      tx.query_one(std::string(kOpenChannel) + "WHERE ch.relationship_id = ? AND ch.account_id = ?",
                   {relationship_id, actor.account_id});
  if (!row) return std::unexpected(not_found());
  return ChannelAccess(row->text(0), row->text(1), row->text(2));
}

std::vector<ChannelAccess> Policy::channels_of(store::Transaction& tx,
                                               const TherapistRole& role) const {
  std::vector<ChannelAccess> channels;
  for (const auto& row :
       tx.query(std::string(kOpenChannel) + "WHERE ch.therapist_id = ? ORDER BY ch.opened_at, "
                                            "ch.relationship_id, ch.account_id",
                {role.therapist_id()})) {
    channels.push_back(ChannelAccess(row.text(0), row.text(1), row.text(2)));
  }
  return channels;
}

base::Result<ChannelAccess> Policy::channel_of(store::Transaction& tx, const TherapistRole& role,
                                               const std::string& relationship_id,
                                               const std::string& partner_id) const {
  auto row = tx.query_one(std::string(kOpenChannel) +
                              "WHERE ch.therapist_id = ? AND ch.relationship_id = ? AND "
                              "ch.account_id = ?",
                          {role.therapist_id(), relationship_id, partner_id});
  if (!row) return std::unexpected(not_found());
  return ChannelAccess(row->text(0), row->text(1), row->text(2));
}

}  // namespace attune::app::policy
