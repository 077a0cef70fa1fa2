// Routes of measures and progress (docs/api.md, "Measures" and "Progress"). Declared apart
// from routes.h so adding them recompiles only the API handler.
#pragma once

#include "app/measures/measures.h"
#include "app/progress/progress.h"
#include "http/router.h"

namespace attune::http {

void add_measure_routes(Router& router, app::Measures& measures);
void add_progress_routes(Router& router, app::Progress& progress);

}  // namespace attune::http
