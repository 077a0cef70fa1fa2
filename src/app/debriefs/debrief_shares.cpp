#include "app/debriefs/debrief_shares.h"

#include "app/debriefs/debrief_records.h"
#include "app/therapy/link_records.h"

namespace attune::app {

base::Result<bool> DebriefShares::get(const Actor& actor, const std::string& practice_id) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto access = context_.policy.practice_participant(*tx, actor, practice_id);
  if (!access) return base::error_of(access);
  return debrief_shared_with_therapist(*tx, *access);
}

base::Result<bool> DebriefShares::set(const Actor& actor, const std::string& practice_id,
                                      bool shared, bool understood) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<bool> {
    auto access = context_.policy.practice_participant(tx, actor, practice_id);
    if (!access) return base::error_of(access);
    if (shared) {
      const auto answer = own_debrief(context_, tx, *access);
      if (!answer || answer->skipped) {
        return base::fail(
            base::ErrorCode::conflict,
            "There is nothing to share here: only written reflections can be shared.");
      }
      if (!has_acknowledged(tx, access->member())) {
        if (!understood) {
          return base::fail(base::ErrorCode::acknowledgement_required,
                            "Please read the limits of confidentiality and confirm you "
                            "understand.");
        }
        record_acknowledgement(tx, access->member(), context_.now_ms());
      }
    }
    set_debrief_shared_with_therapist(tx, *access, shared, context_.now_ms());
    return shared;
  });
}

}  // namespace attune::app
