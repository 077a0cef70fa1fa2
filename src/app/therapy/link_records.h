// Every read and write of the therapist link tables: link codes, the relationship's link,
// each partner's consent and confidentiality acknowledgement, and the individual channels.
// Whether a link is active is the policy's decision (app/policy), never made here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"

namespace attune::app {

// An unused, unexpired link code: the partner's only proof of which therapist they mean.
struct OpenLinkCode {
  std::string code_hash;
  std::string therapist_id;
};

void insert_link_code(store::Transaction& tx, const policy::TherapistRole& therapist,
                      const std::string& code_hash, std::int64_t expires_at);
std::optional<OpenLinkCode> find_open_link_code(store::Transaction& tx,
                                                const std::string& code_hash, std::int64_t now);
void use_link_code(store::Transaction& tx, const OpenLinkCode& code, std::int64_t now);

// The therapist the relationship is linked to, whether or not every partner consents yet.
std::optional<std::string> linked_therapist_id(store::Transaction& tx,
                                               const policy::MemberAccess& member);
void insert_link(store::Transaction& tx, const policy::MemberAccess& requester,
                 const OpenLinkCode& code, std::int64_t now);
// Removes the link and every consent to it.
void delete_link(store::Transaction& tx, const policy::MemberAccess& member);

void insert_consent(store::Transaction& tx, const policy::MemberAccess& member, std::int64_t now);
bool has_consented(store::Transaction& tx, const policy::MemberAccess& member);
// Active partners who consent to the link (a count, never who).
std::int64_t consent_count(store::Transaction& tx, const policy::MemberAccess& member);

bool has_acknowledged(store::Transaction& tx, const policy::MemberAccess& member);
void record_acknowledgement(store::Transaction& tx, const policy::MemberAccess& member,
                            std::int64_t now);

// Opens a channel to the therapist for every active partner who consents (once the link is
// active); an existing channel stays as it is.
void open_channels(store::Transaction& tx, const policy::MemberAccess& member,
                   const std::string& therapist_id, std::int64_t now);
// The member's own channel goes, with its messages (their own revocation).
void close_own_channel(store::Transaction& tx, const policy::MemberAccess& member);

// Leaving: the leaver's consent, channel and access log in the relationship go.
void delete_own_therapy_rows(store::Transaction& tx, const policy::MembershipAccess& access);

// The relationship's name and its active partners, for the linked therapist's caseload.
std::string relationship_name_for(const Context& context, store::Transaction& tx,
                                  const policy::TherapistAccess& link);
std::vector<std::string> partners_for(store::Transaction& tx, const policy::TherapistAccess& link);

}  // namespace attune::app
