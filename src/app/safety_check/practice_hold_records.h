// Every read and write of the practice_holds table. A hold row is one cause keeping a
// relationship's practice paused; its cause and holder are sealed together under the
// relationship's key (the row id as associated data), so at rest a row says only that
// practice is held, and whether practice is held is answered without opening any row.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"

namespace attune::app {

enum class HoldCause { kSafetyCheck, kProgrammePause, kTherapist };

// Stable names used inside the sealed cause: "safety_check", "programme_pause", "therapist".
std::string_view hold_cause_name(HoldCause cause);

// Who placed a hold and why: only that same placer can lift it.
struct HoldPlacer {
  HoldCause cause = HoldCause::kProgrammePause;
  std::string holder_id;  // the partner's or the therapist's account id

  bool operator==(const HoldPlacer&) const = default;
};

struct HoldRecord {
  std::string id;
  HoldPlacer placer;
};

// Whether any cause holds the relationship's practice.
bool practice_held(store::Transaction& tx, const std::string& relationship_id);
// Every cause holding the relationship's practice, opened.
std::vector<HoldRecord> practice_holds(const Context& context, store::Transaction& tx,
                                       const policy::MembershipAccess& in);
void insert_practice_hold(const Context& context, store::Transaction& tx,
                          const policy::MembershipAccess& in, const HoldPlacer& placer);
void delete_practice_hold(store::Transaction& tx, const policy::MembershipAccess& in,
                          const std::string& hold_id);

}  // namespace attune::app
