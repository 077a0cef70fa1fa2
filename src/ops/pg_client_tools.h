// Running pg_dump and pg_restore for backups. The URL's password travels in the child's
// environment (PGPASSWORD), never on its command line, where any local user could read it.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"

namespace attune::ops {

struct PgTarget {
  std::string url;       // the postgresql:// URL without its password
  std::string password;  // percent-decoded; "" if the URL had none
};

// Takes the password out of the user-info part (postgresql://user:password@host/db).
PgTarget split_password(const std::string& url);

// Runs `program` (looked up on PATH) with `args` and --dbname=<url without password>, and
// waits for it. internal with the tool's last lines of output when it fails or is missing.
base::Status run_pg_tool(const std::string& program, const std::vector<std::string>& args,
                         const std::string& url);

}  // namespace attune::ops
