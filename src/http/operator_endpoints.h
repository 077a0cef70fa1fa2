// GET /metrics and GET /readyz: for the operator on the server itself (a scraper or a probe
// on the same host), never for the public. Anyone else hears 404, as for a path that does
// not exist. Neither says anything about a person: no ids, no names, no addresses.
#pragma once

#include "app/accounts/password_gate.h"
#include "http/request.h"
#include "http/response.h"
#include "store/database.h"

namespace attune::live {
class Hub;
}

namespace attune::http {

// From a loopback address, and not passed on by a proxy (no X-Forwarded-For or Forwarded
// header): a proxy on the same host must not make a request from outside look local.
bool is_operator_request(const Request& request);

// Prometheus text: requests and latencies by route template, open live connections, pause
// fan-out latency, password-gate slots taken. `hub` may be null (no live connections yet).
Response metrics_response(app::PasswordGate& password_gate, const live::Hub* hub);

// 200 {"status":"ready"} when the store answers and every migration this build knows is
// applied; otherwise 503 with "store_unreachable" or "migrations_pending".
Response readiness_response(store::Database& database);

}  // namespace attune::http
