// Route tables, one function per area of the API (see docs/api.md).
#pragma once

#include <nlohmann/json.hpp>

#include "app/accounts/accounts.h"
#include "app/accounts/pins.h"
#include "app/accounts/sessions.h"
#include "app/care/care_plans.h"
#include "app/care/intentions.h"
#include "app/care/worksheets.h"
#include "app/checkins/checkins.h"
#include "app/coach/coach.h"
#include "app/consent/agreements.h"
#include "app/consent/boundaries.h"
#include "app/consent/intake.h"
#include "app/consent/role_orders.h"
#include "app/context.h"
#include "app/data_rights/export.h"
#include "app/debriefs/debriefs.h"
#include "app/next_step/next_steps.h"
#include "app/practice/practices.h"
#include "app/programme/programmes.h"
#include "app/relationships/relationships.h"
#include "app/safety/safety.h"
#include "app/safety_check/practice_hold.h"
#include "app/safety_check/safety_checks.h"
#include "app/therapy/access_log.h"
#include "app/therapy/shared_with_therapist.h"
#include "app/therapy/therapist_links.h"
#include "app/therapy/therapist_messages.h"
#include "app/therapy/therapist_notes.h"
#include "app/together/appreciations.h"
#include "app/together/calendar.h"
#include "app/together/plans.h"
#include "app/together/reminders.h"
#include "content/resources.h"
#include "http/router.h"

namespace attune::http {

// The crisis resources as JSON: {title, body, entries:[{name, contact, note}]}.
nlohmann::json resources_json(const content::Resources& resources);

void add_account_routes(Router& router, app::Accounts& accounts, app::Sessions& sessions,
                        app::Practices& practices, const app::Context& context);
void add_relationship_routes(Router& router, const app::Context& context, app::Intake& intake,
                             app::Relationships& relationships, app::Safety& safety);
void add_boundary_routes(Router& router, const app::Context& context, app::Boundaries& boundaries);
void add_agreement_routes(Router& router, app::Agreements& agreements);
void add_practice_routes(Router& router, app::Practices& practices);
void add_export_routes(Router& router, app::DataExport& data_export);
void add_exercise_routes(Router& router, const app::Context& context);
void add_role_order_routes(Router& router, app::RoleOrders& role_orders);
void add_debrief_routes(Router& router, app::Debriefs& debriefs);

// The body's "visibility" (SPEC "Sharing"), or the fallback when absent; 400 when unknown.
core::Visibility visibility_from(ApiCall& call, core::Visibility fallback);
void add_checkin_routes(Router& router, app::Checkins& checkins);
void add_programme_routes(Router& router, app::Programmes& programmes);
void add_coach_routes(Router& router, const app::Coach& coach);
void add_next_step_routes(Router& router, app::NextSteps& next_steps);
void add_safety_check_routes(Router& router, const app::Context& context,
                             app::SafetyChecks& safety_checks, app::PracticeHolds& holds);
void add_pin_routes(Router& router, app::Pins& pins);
void add_care_plan_routes(Router& router, app::CarePlans& care_plans);
void add_worksheet_routes(Router& router, app::Worksheets& worksheets);
void add_learning_routes(Router& router, const content::CareContent& content,
                         app::Intentions& intentions);
void add_therapy_routes(Router& router, app::TherapistLinks& links,
                        app::SharedWithTherapist& shared, app::AccessLog& access_log,
                        app::TherapistNotes& notes, app::TherapistMessages& messages,
                        app::Programmes& programmes);
void add_together_routes(Router& router, app::Appreciations& appreciations, app::Plans& plans,
                         app::Calendar& calendar);
void add_reminder_routes(Router& router, app::Reminders& reminders);

}  // namespace attune::http
