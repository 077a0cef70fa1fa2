#include "http/operator_endpoints.h"

#include <nlohmann/json.hpp>
#include <string>

#include "http/request_metrics.h"
#include "live/hub.h"
#include "store/migrations.h"

namespace attune::http {

bool is_operator_request(const Request& request) {
  const std::string& address = request.client_address;
  const bool loopback = address.starts_with("127.") || address == "::1";
  return loopback && request.header("x-forwarded-for").empty() &&
         request.header("forwarded").empty();
}

Response metrics_response(app::PasswordGate& password_gate, const live::Hub* hub) {
  std::string text = request_metrics().render();
  text +=
      "# HELP attune_live_connections Open live practice connections on this replica.\n"
      "# TYPE attune_live_connections gauge\n"
      "attune_live_connections " +
      std::to_string(hub ? hub->connection_count() : 0) + "\n";
  text +=
      "# HELP attune_live_pause_fan_out_seconds From a pause arriving on a live connection to "
      "the paused state sent on this replica.\n"
      "# TYPE attune_live_pause_fan_out_seconds histogram\n";
  text += hub ? hub->pause_fan_out().render("attune_live_pause_fan_out_seconds", "")
              : base::Histogram().render("attune_live_pause_fan_out_seconds", "");
  text +=
      "# HELP attune_password_gate_slots_taken Password checks queued or running (a third "
      "caller is told to try again).\n"
      "# TYPE attune_password_gate_slots_taken gauge\n"
      "attune_password_gate_slots_taken " +
      std::to_string(password_gate.slots_taken()) + "\n";
  Response response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = std::move(text);
  return response;
}

Response readiness_response(store::Database& database) {
  const auto unavailable = [](const char* status) {
    return Response::json(503, nlohmann::json{{"status", status}}.dump());
  };
  try {
    const auto applied = database.transact(store::TxMode::kRead, [](store::Transaction& tx) {
      auto row = tx.query_one("SELECT MAX(version) FROM schema_migrations");
      return row ? row->optional_integer(0).value_or(0) : std::int64_t{0};
    });
    const auto& known = store::migrations_for(database.dialect());
    if (!known.empty() && applied < known.back().version) return unavailable("migrations_pending");
  } catch (const store::Unavailable&) {
    return unavailable("store_unreachable");
  }
  return Response::json(200, R"({"status":"ready"})");
}

}  // namespace attune::http
