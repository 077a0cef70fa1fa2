// Every use case, built once over one Context; the HTTP and live layers call through it.
#pragma once

#include "app/accounts/accounts.h"
#include "app/accounts/password_gate.h"
#include "app/accounts/sessions.h"
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
#include "app/recovery/email_reset.h"
#include "app/recovery/recovery.h"
#include "app/recovery/registration.h"
#include "app/relationships/relationships.h"
#include "app/request/idempotency.h"
#include "app/request/rate_limiter.h"
#include "app/safety/safety.h"

namespace attune::app {

struct Services {
  explicit Services(Context& ctx)
      : context(ctx),
        accounts(ctx, password_gate),
        sessions(ctx, password_gate),
        rate_limiter(ctx),
        idempotency(ctx),
        relationships(ctx),
        boundaries(ctx),
        intake(ctx),
        agreements(ctx),
        practices(ctx),
        safety(ctx),
        data_export(ctx),
        role_orders(ctx),
        debriefs(ctx),
        checkins(ctx),
        programmes(ctx),
        coach(ctx),
        next_steps(ctx),
        recovery(ctx, password_gate),
        email_reset(ctx, password_gate),
        registration(ctx, accounts, password_gate) {}

  Context& context;
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
  Recovery recovery;
  EmailReset email_reset;
  Registration registration;
};

}  // namespace attune::app
