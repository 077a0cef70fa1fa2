// The PostgreSQL dialect of the schema migrations.
#pragma once

#include <vector>

#include "store/migrations.h"

namespace attune::store::postgres {
const std::vector<Migration>& schema_migrations();
}
