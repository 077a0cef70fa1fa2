// Shared plans (SPEC 10): time for recreation, rest, stress relief or a practice, proposed by
// one partner to every partner. Each may join or decline; others see only who is joining, so
// a decline reads the same as not having answered, and no reason is ever asked. The
// proposer may withdraw the plan. The calendar download is in app/together/calendar.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/relationships/relationships.h"
#include "app/together/plan_records.h"
#include "base/error.h"
#include "core/plan.h"

namespace attune::app {

struct NewPlan {
  core::PlanKind kind = core::PlanKind::kRecreation;
  std::string title;
  std::optional<std::int64_t> starts_at;
  std::string note;
};

struct PlanView {
  std::string id;
  core::PlanKind kind = core::PlanKind::kRecreation;
  std::string title;
  std::string note;
  std::optional<std::int64_t> starts_at;
  bool mine = false;
  PartnerSummary proposer;
  std::vector<PartnerSummary> joining;  // proposer included; nothing about anyone else
  core::PlanResponse you = core::PlanResponse::kUndecided;
  std::int64_t created_at = 0;
};

class Plans {
 public:
  explicit Plans(Context& context) : context_(context) {}

  base::Result<std::string> propose(const Actor& actor, const std::string& rid,
                                    const NewPlan& plan);
  // Dated plans by start, then undated ones by when they were proposed.
  base::Result<std::vector<PlanView>> list(const Actor& actor, const std::string& rid);
  // Joining or not joining; the proposer cannot decline their own plan (they withdraw it).
  base::Result<PlanView> respond(const Actor& actor, const std::string& plan_id, bool join);
  base::Status withdraw(const Actor& actor, const std::string& plan_id);

 private:
  PlanView view_of(store::Transaction& tx, const policy::MemberAccess& viewer,
                   PlanRecord plan) const;
  // Everyone the plan was proposed to, the proposer included.
  std::vector<std::string> plan_audience(store::Transaction& tx, const policy::MemberAccess& viewer,
                                         const PlanRecord& plan) const;

  Context& context_;
};

}  // namespace attune::app
