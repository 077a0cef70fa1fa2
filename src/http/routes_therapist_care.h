// The therapist's care of a linked relationship (docs/api.md "The therapist"): their own
// practice hold, the partners' private safety checks and the report download; and a
// partner's choice to share their own debrief with the therapist. Declared apart from
// routes.h so adding them recompiles only the API handler.
#pragma once

#include "app/debriefs/debrief_shares.h"
#include "app/progress/progress_reports.h"
#include "app/therapy/therapist_hold.h"
#include "app/therapy/therapist_safety_checks.h"
#include "http/router.h"

namespace attune::http {

void add_therapist_care_routes(Router& router, app::TherapistHold& hold,
                               app::TherapistSafetyChecks& safety_checks,
                               app::ProgressReports& reports);
// GET/PUT /api/v1/practices/{pid}/debrief/therapist (a partner's route).
void add_debrief_share_routes(Router& router, app::DebriefShares& shares);

}  // namespace attune::http
