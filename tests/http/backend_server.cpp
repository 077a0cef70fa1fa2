#include "http/backend_server.h"

#include <map>
#include <stdexcept>
#include <vector>

#include "crypto/master_key.h"
#include "store/open_store.h"
#include "store/pg_cluster.h"

namespace attune::http::test {
namespace {

constexpr const char* kMasterKey =
    "5e4d3c2b1a0918273645546372819aab5e4d3c2b1a0918273645546372819aab";

}  // namespace

BackendServer server_on(const std::string& backend) {
  BackendServer server;
  if (backend == "sqlite") {
    server.process = std::make_unique<AttuneProcess>();
    return server;
  }
  server.url = store::testing::PgCluster::shared().create_database();
  server.process = std::make_unique<AttuneProcess>(
      std::vector<std::string>{}, false,
      std::map<std::string, std::string>{{"ATTUNE_DATABASE_URL", server.url},
                                         {"ATTUNE_MASTER_KEY", kMasterKey},
                                         {"ATTUNE_MASTER_KEY_FILE", ""}});
  return server;
}

void TwoPartnersOnEachBackend::SetUp() {
  if (GetParam() == "postgres" && !store::testing::PgCluster::installed()) {
    GTEST_SKIP() << store::testing::PgCluster::missing_message();
  }
  server_ = server_on(GetParam());
  api_ = std::make_unique<Api>(server_.process->port());
  ann_ = api_->sign_up("Ann");
  ben_ = api_->sign_up("Ben");
  rid_ = api_->relationship({&ann_, &ben_});
}

std::unique_ptr<store::Database> BackendServer::open_store() const {
  const auto key = url.empty()
                       ? crypto::MasterKey::load_file((process->data_dir() / "master.key").string())
                       : crypto::MasterKey::from_hex(kMasterKey);
  if (!key) throw std::runtime_error(key.error().message);
  auto db = store::open_store(url, process->data_dir().string(), key->id());
  if (!db) throw std::runtime_error(db.error().message);
  return std::move(*db);
}

}  // namespace attune::http::test
