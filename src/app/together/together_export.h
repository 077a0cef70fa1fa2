// What a person's data export (app/data_rights/export.h) holds of appreciation notes and
// shared plans in one relationship: the notes they sent and received, the plans they proposed
// and their own answers to plans.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"
#include "app/together/appreciation_records.h"
#include "app/together/plan_records.h"

namespace attune::app {

struct ExportedTogether {
  std::vector<AppreciationRecord> sent;
  std::vector<AppreciationRecord> received;
  std::vector<PlanRecord> proposed;
  std::vector<OwnPlanAnswer> my_answers;
};

ExportedTogether together_export(const Context& context, store::Transaction& tx,
                                 const policy::MembershipAccess& own);
// {"appreciations":{sent, received}, "plans":{proposed, my_answers}}
nlohmann::json together_json(const ExportedTogether& together);

}  // namespace attune::app
