// Route tables, one function per area of the API (see docs/api.md).
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace attune::http {

void add_account_routes(Router& router, app::Services& services);
void add_relationship_routes(Router& router, app::Services& services);
void add_boundary_routes(Router& router, app::Services& services);
void add_agreement_routes(Router& router, app::Services& services);
void add_practice_routes(Router& router, app::Services& services);

}  // namespace attune::http
