// The shared-device PIN: set, remove, and whether one is set (docs/api.md, "PIN").
#include "http/routes.h"

namespace attune::http {

void add_pin_routes(Router& router, app::Pins& pins) {
  router.add("GET", "/api/v1/me/pin", [&](ApiCall& call) {
    return ok_json({{"set", pins.is_set(call.me())}});
  });

  router.add("PUT", "/api/v1/me/pin", [&](ApiCall& call) {
    unwrap(pins.set(call.me(), call.text("password", 4096), call.text("pin", 32)));
    return Response::no_content();
  });

  router.add("DELETE", "/api/v1/me/pin", [&](ApiCall& call) {
    unwrap(pins.remove(call.me(), call.text("password", 4096)));
    return Response::no_content();
  });
}

}  // namespace attune::http
