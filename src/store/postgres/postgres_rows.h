// Turns a text-format libpq result into store rows: integer and boolean columns become
// integers, bytea becomes a Blob, NULL stays null, anything else arrives as its text.
#pragma once

#include <libpq-fe.h>

#include <vector>

#include "store/value.h"

namespace attune::store::postgres {

std::vector<Row> rows_of(const PGresult* result);

}  // namespace attune::store::postgres
