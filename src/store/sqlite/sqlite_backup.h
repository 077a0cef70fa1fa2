// An online copy of a live SQLite database (the backup API): one consistent snapshot,
// taken while the server keeps reading and writing.
#pragma once

#include <string>

#include "base/error.h"

namespace attune::store::sqlite {

// Copies the database at `source` into `destination` (an empty or absent file). The copy
// is a single read transaction on the source, so it sees exactly one committed state and
// WAL-mode writers carry on meanwhile. not_found if `source` does not exist; internal on
// any SQLite failure.
base::Status copy_live_database(const std::string& source, const std::string& destination);

}  // namespace attune::store::sqlite
