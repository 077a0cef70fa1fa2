// Every use case, built once over one Context; the HTTP and live layers call through it.
#pragma once

#include "app/accounts/accounts.h"
#include "app/accounts/password_gate.h"
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
#include "app/debriefs/debrief_shares.h"
#include "app/debriefs/debriefs.h"
#include "app/measures/measures.h"
#include "app/next_step/next_steps.h"
#include "app/practice/practices.h"
#include "app/programme/programmes.h"
#include "app/progress/progress.h"
#include "app/progress/progress_reports.h"
#include "app/recovery/email_reset.h"
#include "app/recovery/recovery.h"
#include "app/recovery/registration.h"
#include "app/relationships/relationships.h"
#include "app/request/idempotency.h"
#include "app/request/rate_limiter.h"
#include "app/safety/safety.h"
#include "app/safety_check/practice_hold.h"
#include "app/safety_check/safety_checks.h"
#include "app/therapy/access_log.h"
#include "app/therapy/shared_with_therapist.h"
#include "app/therapy/therapist_hold.h"
#include "app/therapy/therapist_links.h"
#include "app/therapy/therapist_messages.h"
#include "app/therapy/therapist_notes.h"
#include "app/therapy/therapist_safety_checks.h"
#include "app/together/appreciations.h"
#include "app/together/calendar.h"
#include "app/together/plans.h"
#include "app/together/reminders.h"
#include "content/measure_library.h"

namespace attune::app {

struct Services {
  // Content loaded at start beside the library: worksheet prompts, the measure library.
  // Both default to none (tools that do not serve them).
  explicit Services(Context& ctx, content::CareContent care = {},
                    content::MeasureLibrary measure_content = {})
      : context(ctx),
        care_content(std::move(care)),
        password_gate(ctx),
        accounts(ctx, password_gate),
        sessions(ctx, password_gate),
        rate_limiter(ctx),
        idempotency(ctx),
        relationships(ctx),
        boundaries(ctx),
        intake(ctx),
        agreements(ctx),
        practices(ctx, password_gate),
        safety(ctx),
        data_export(ctx),
        role_orders(ctx),
        debriefs(ctx),
        checkins(ctx),
        programmes(ctx),
        coach(ctx),
        next_steps(ctx),
        safety_checks(ctx),
        practice_holds(ctx),
        pins(ctx, password_gate),
        care_plans(ctx),
        worksheets(ctx, care_content),
        intentions(ctx),
        therapist_links(ctx),
        shared_with_therapist(ctx),
        access_log(ctx),
        therapist_notes(ctx),
        therapist_messages(ctx),
        measure_library(std::move(measure_content)),
        measures(ctx, measure_library),
        progress(ctx, measure_library),
        progress_reports(ctx, measure_library),
        appreciations(ctx),
        plans(ctx),
        calendar(ctx),
        reminders(ctx),
        recovery(ctx, password_gate),
        email_reset(ctx, password_gate),
        registration(ctx, accounts, password_gate),
        therapist_hold(ctx),
        therapist_safety_checks(ctx),
        debrief_shares(ctx) {}

  Context& context;
  const content::CareContent care_content;
  PasswordGate password_gate;
  Accounts accounts;
  Sessions sessions;
  RateLimiter rate_limiter;
  Idempotency idempotency;
  Relationships relationships;
  Boundaries boundaries;
  Intake intake;
  Agreements agreements;
  Practices practices;
  Safety safety;
  DataExport data_export;
  RoleOrders role_orders;
  Debriefs debriefs;
  Checkins checkins;
  Programmes programmes;
  Coach coach;
  NextSteps next_steps;
  SafetyChecks safety_checks;
  PracticeHolds practice_holds;
  Pins pins;
  CarePlans care_plans;
  Worksheets worksheets;
  Intentions intentions;
  TherapistLinks therapist_links;
  SharedWithTherapist shared_with_therapist;
  AccessLog access_log;
  TherapistNotes therapist_notes;
  TherapistMessages therapist_messages;
  content::MeasureLibrary measure_library;
  Measures measures;
  Progress progress;
  ProgressReports progress_reports;
  Appreciations appreciations;
  Plans plans;
  Calendar calendar;
  Reminders reminders;
  Recovery recovery;
  EmailReset email_reset;
  Registration registration;
  TherapistHold therapist_hold;
  TherapistSafetyChecks therapist_safety_checks;
  DebriefShares debrief_shares;
};

}  // namespace attune::app
