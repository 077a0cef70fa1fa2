// Admission to a practice's live WebSocket, decided before the upgrade: a single-use
// ticket (or the session cookie with a same-origin check), and participation.
#pragma once

#include <memory>
#include <variant>

#include "app/accounts/sessions.h"
#include "app/practice/practices.h"
#include "http/request.h"
#include "http/response.h"
#include "live/hub.h"

namespace attune::http {

std::variant<std::shared_ptr<live::ConnectionListener>, Response> admit_live(
    app::Practices& practices, app::Sessions& sessions, live::Hub& hub, const Request& request);

}  // namespace attune::http
