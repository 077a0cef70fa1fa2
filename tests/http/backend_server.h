// The real server on a chosen backend, for tests that must hold on both: "sqlite" (its own
// data dir) or "postgres" (a fresh database on the shared throwaway cluster, with an
// explicit master key, as replicas run). A test skips "postgres" when PostgreSQL 15 is not
// installed (see PgCluster::installed()).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "http/attune_process.h"
#include "store/database.h"

namespace attune::http::test {

struct BackendServer {
  std::unique_ptr<AttuneProcess> process;
  std::string url;  // "" on SQLite

  // The server's store, opened beside it, to check what it holds.
  std::unique_ptr<store::Database> open_store() const;
};

BackendServer server_on(const std::string& backend);

// Ann and Ben, partners in one relationship, on the server of the test's backend
// (instantiate with ::testing::Values("sqlite", "postgres")).
class TwoPartnersOnEachBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;

  BackendServer server_;
  std::unique_ptr<Api> api_;
  Person ann_, ben_;
  std::string rid_;
};

}  // namespace attune::http::test
