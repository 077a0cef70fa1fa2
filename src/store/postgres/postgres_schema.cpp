#include "store/postgres/postgres_schema.h"

#include <regex>

#include "store/schema_v1.h"

namespace attune::store::postgres {

const std::vector<Migration>& schema_migrations() {
  // PostgreSQL names SQLite's BLOB type BYTEA; everything else in the shared schema is
  // already common to both.
  static const std::vector<Migration> migrations = {
      {1, std::regex_replace(kSchemaV1, std::regex(R"(\bBLOB\b)"), "BYTEA")}};
  return migrations;
}

}  // namespace attune::store::postgres
