#include "http/routes_recovery.h"

#include "base/rfc3339.h"

namespace attune::http {
namespace {

nlohmann::json profile_json(const app::Profile& profile) {
  return {{"id", profile.id},
          {"display_name", profile.display_name},
          {"time_zone", profile.time_zone},
          {"roles", profile.roles}};
}

}  // namespace

void add_recovery_routes(Router& router, const app::Context& context, app::Accounts& accounts,
                         app::Registration& registration, app::Recovery& recovery,
                         app::EmailReset& email_reset) {
  // Answers that carry a recovery code are never kept for an Idempotency-Key replay: the
  // code is shown once and stored nowhere but as a hash.
  Route& signup =
      router.add("POST", "/api/v1/accounts", Auth::kNone, Limit::kSignup, [&](ApiCall& call) {
        app::SignupInput input;
        input.email = call.text("email", 1024);
        input.password = call.text("password", 4096);
        input.display_name = call.text("display_name", 1024);
        input.confirm_adult = call.boolean("confirm_adult", false);
        input.time_zone = call.optional_text("time_zone", 128).value_or("");
        input.on_commit = call.on_commit;
        auto outcome = unwrap(registration.sign_up(input));
        if (outcome.confirmation_sent) return ok_json({{"status", "confirmation_sent"}}, 202);
        return ok_json({{"id", outcome.id}, {"recovery_code", outcome.recovery_code}}, 201);
      });
  signup.replayable = false;

  router.add("GET", "/api/v1/auth/options", Auth::kNone, Limit::kNone, [&](ApiCall&) {
    return ok_json({{"email", context.mailer != nullptr}});
  });

  Route& confirm =
      router.add("POST", "/api/v1/auth/confirm", Auth::kNone, Limit::kLogin, [&](ApiCall& call) {
        auto code = unwrap(registration.confirm(call.text("token", 1024)));
        return ok_json({{"recovery_code", code}});
      });
  confirm.replayable = false;

  router.add("POST", "/api/v1/auth/recover", Auth::kNone, Limit::kLogin, [&](ApiCall& call) {
    unwrap(recovery.recover(call.text("email", 1024), call.text("recovery_code", 1024),
                            call.text("new_password", 4096)));
    return Response::no_content();
  });

  router.add("POST", "/api/v1/auth/reset-request", Auth::kNone, Limit::kLogin, [&](ApiCall& call) {
    unwrap(email_reset.request(call.text("email", 1024)));
    return ok_json({{"status", "accepted"}}, 202);
  });

  router.add("POST", "/api/v1/auth/reset", Auth::kNone, Limit::kLogin, [&](ApiCall& call) {
    unwrap(email_reset.reset(call.text("token", 1024), call.text("new_password", 4096)));
    return Response::no_content();
  });

  router.add("GET", "/api/v1/me/recovery-code", [&](ApiCall& call) {
    const auto created_at = recovery.status(call.me()).created_at;
    return ok_json({{"exists", created_at.has_value()},
                    {"created_at", created_at ? nlohmann::json(base::to_rfc3339_ms(*created_at))
                                              : nlohmann::json()}});
  });

  Route& regenerate = router.add("POST", "/api/v1/me/recovery-code", [&](ApiCall& call) {
    auto code = unwrap(recovery.regenerate(call.me(), call.text("password", 4096)));
    return ok_json({{"recovery_code", code}});
  });
  regenerate.replayable = false;

  router.add("PATCH", "/api/v1/me", [&](ApiCall& call) {
    return ok_json(
        profile_json(unwrap(accounts.set_time_zone(call.me(), call.text("time_zone", 128)))));
  });
}

}  // namespace attune::http
