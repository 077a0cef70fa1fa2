// Linking a therapist to a relationship (SPEC 12, I5): the therapist makes a single-use code,
// a partner requests the link with it, every partner consents after reading the limits of
// confidentiality, and any partner revokes it at once. The link is active only while every
// active partner consents; the policy works that out at each request.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/relationships/relationships.h"
#include "base/error.h"
#include "content/resources.h"

namespace attune::app {

enum class LinkState { kNone, kPending, kActive };
std::string_view link_state_name(LinkState state);

// The link as a partner sees it: counts, never who has not consented.
struct LinkStatus {
  LinkState state = LinkState::kNone;
  std::string therapist_name;  // "" without a link
  std::int64_t consent_count = 0;
  std::int64_t partner_count = 0;
  bool you_consented = false;
  bool you_acknowledged = false;
  bool channel_open = false;  // the caller's own channel to the therapist
  content::Resources confidentiality;
};

struct CaseloadEntry {
  std::string relationship_id;
  std::string name;
  std::vector<PartnerSummary> partners;
};

// Link codes live three days and are used once.
inline constexpr std::int64_t kLinkCodeTtlMs = 72LL * 3600 * 1000;

class TherapistLinks {
 public:
  explicit TherapistLinks(Context& context) : context_(context) {}

  base::Result<std::string> create_code(const Actor& actor);
  // The requester's request counts as their consent, so it waits for "I understand"
  // (acknowledgement_required) like any consent. link_code_invalid, already_linked.
  base::Result<LinkState> request(const Actor& actor, const std::string& rid,
                                  const std::string& code, bool understood);
  base::Result<LinkState> consent(const Actor& actor, const std::string& rid, bool understood);
  // Ends the couple's link and the caller's own channel; another partner's channel stays.
  base::Status revoke(const Actor& actor, const std::string& rid);
  base::Result<LinkStatus> status(const Actor& actor, const std::string& rid);
  // The therapist's active links; each partner's access log shows the read.
  base::Result<std::vector<CaseloadEntry>> caseload(const Actor& actor);

 private:
  base::Status acknowledge(store::Transaction& tx, const policy::MemberAccess& member,
                           bool understood) const;
  LinkState settle(store::Transaction& tx, const policy::MemberAccess& member,
                   const std::string& therapist_id) const;

  Context& context_;
};

}  // namespace attune::app
