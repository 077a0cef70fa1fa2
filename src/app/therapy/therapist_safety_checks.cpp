#include "app/therapy/therapist_safety_checks.h"

#include "app/accounts/people.h"
#include "app/therapy/access_log_records.h"

namespace attune::app {

base::Result<std::vector<PartnerSafetyCheck>> TherapistSafetyChecks::latest(
    const Actor& actor, const std::string& rid) {
  using Latest = base::Result<std::vector<PartnerSafetyCheck>>;
  return context_.write(actor, [&](store::Transaction& tx) -> Latest {
    auto link = context_.policy.linked_therapist(tx, actor, rid);
    if (!link) return base::error_of(link);
    std::vector<PartnerSafetyCheck> found;
    const std::string me = display_name_of(context_, tx, actor.account_id);
    for (const auto& partner : context_.policy.partners_of(tx, *link)) {
      auto checks = partner_safety_checks(context_, tx, partner);
      if (checks.empty()) continue;
      found.push_back({partner.account_id(), display_name_of(context_, tx, partner.account_id()),
                       std::move(checks.front())});
      log_therapist_read(context_, tx, *link, partner.account_id(),
                         {actor.account_id, me, "safety_check", context_.now_ms()});
    }
    return found;
  });
}

}  // namespace attune::app
