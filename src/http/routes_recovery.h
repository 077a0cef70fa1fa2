// Sign-up, account recovery (recovery code, e-mail reset, sign-up confirmation) and the
// account settings that go with them.
#pragma once

#include "app/accounts/accounts.h"
#include "app/context.h"
#include "app/recovery/email_reset.h"
#include "app/recovery/recovery.h"
#include "app/recovery/registration.h"
#include "http/router.h"

namespace attune::http {

void add_recovery_routes(Router& router, const app::Context& context, app::Accounts& accounts,
                         app::Registration& registration, app::Recovery& recovery,
                         app::EmailReset& email_reset);

}  // namespace attune::http
