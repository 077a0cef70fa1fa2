// Every use case, built once over one Context; the HTTP and live layers call through it.
#pragma once

#include "app/accounts.h"
#include "app/agreements.h"
#include "app/boundaries.h"
#include "app/context.h"
#include "app/export.h"
#include "app/idempotency.h"
#include "app/intake.h"
#include "app/password_gate.h"
#include "app/practices.h"
#include "app/rate_limiter.h"
#include "app/relationships.h"
#include "app/safety.h"
#include "app/sessions.h"

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
        data_export(ctx) {}

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
};

}  // namespace attune::app
