#include "store/sqlite/sqlite_schema.h"

#include "store/schema_v1.h"

namespace attune::store::sqlite {

const std::vector<Migration>& schema_migrations() {
  static const std::vector<Migration> migrations = {{1, kSchemaV1}};
  return migrations;
}

}  // namespace attune::store::sqlite
