// Data export: everything the caller wrote, as one JSON download.
#include "app/data_rights/export_json.h"
#include "http/routes.h"

namespace attune::http {

void add_export_routes(Router& router, app::DataExport& data_export) {
  // Counted like a write: an export opens every sealed field the person has, so it is the
  // most expensive read there is.
  router.add("GET", "/api/v1/me/export", Auth::kRequired, Limit::kWrite, [&](ApiCall& call) {
    return download(app::export_json(unwrap(data_export.of(call.me()))), "application/json",
                    "attune-export.json");
  });
}

}  // namespace attune::http
