// Admission to the live WebSockets, decided before the upgrade. A practice's: a single-use
// ticket (or the session cookie with a same-origin check), and participation. A person's
// own nudge channel: the session cookie with the same-origin check.
#pragma once

#include <memory>
#include <variant>

#include "app/accounts/sessions.h"
#include "app/practice/practices.h"
#include "http/request.h"
#include "http/response.h"
#include "live/hub.h"
#include "live/nudge_hub.h"

namespace attune::http {

std::variant<std::shared_ptr<live::ConnectionListener>, Response> admit_live(
    app::Practices& practices, app::Sessions& sessions, live::Hub& hub, const Request& request);

inline constexpr std::string_view kNudgesPath = "/api/v1/me/live";

std::variant<std::shared_ptr<live::ConnectionListener>, Response> admit_nudges(
    app::Sessions& sessions, live::NudgeHub& nudges, const Request& request);

}  // namespace attune::http
