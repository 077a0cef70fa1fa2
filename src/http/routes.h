// Route tables, one function per area of the API (see docs/api.md).
#pragma once

#include <nlohmann/json.hpp>

#include "content/resources.h"
#include "app/services.h"
#include "http/router.h"

namespace attune::http {

// The crisis resources as JSON: {title, body, entries:[{name, contact, note}]}.
nlohmann::json resources_json(const content::Resources& resources);

void add_account_routes(Router& router, app::Services& services);
void add_relationship_routes(Router& router, app::Services& services);
void add_boundary_routes(Router& router, app::Services& services);
void add_agreement_routes(Router& router, app::Services& services);
void add_practice_routes(Router& router, app::Services& services);
void add_export_routes(Router& router, app::Services& services);

}  // namespace attune::http
