// The data export as the JSON document GET /api/v1/me/export sends (format
// "attune-export", version 1): sealed bodies that are JSON appear as JSON, times as RFC 3339.
#pragma once

#include <string>

namespace attune::app {

struct ExportDocument;

std::string export_json(const ExportDocument& document);

}  // namespace attune::app
