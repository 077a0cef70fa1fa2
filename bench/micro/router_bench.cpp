// http::Router::match over the server's real route table (the ApiHandler the server builds), for a
// short path, a deep path with captures, a late route and a miss.
#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "app/context.h"
#include "app/services.h"
#include "base/clock.h"
#include "crypto/master_key.h"
#include "crypto/vault.h"
#include "http/api_handler.h"
#include "http/router.h"
#include "store/sqlite/sqlite_database.h"

namespace attune::http {
namespace {

// The route handlers only capture Services; matching never calls them, so an in-memory
// database and an empty content library are enough to build the real table.
struct RouteTable {
  RouteTable()
      : db(store::sqlite::SqliteDatabase::open(":memory:")),
        vault(crypto::MasterKey::generate()),
        context{*db, vault, clock, content, app::AppConfig{}, app::Keyring{vault}, nullptr},
        services(context),
        api(services) {}

  base::SystemClock clock;
  content::ContentLibrary content;
  std::unique_ptr<store::sqlite::SqliteDatabase> db;
  crypto::Vault vault;
  app::Context context;
  app::Services services;
  ApiHandler api;  // registers every route, as the server does
};

const Router& real_router() {
  static const RouteTable table;
  return table.api.router();
}

void BM_RouterMatch(benchmark::State& state, const char* method, const char* path, bool found) {
  const Router& router = real_router();
  if ((router.match(method, path).route != nullptr) != found) {
    state.SkipWithError("route table changed: expectation about this path no longer holds");
    return;
  }
  for (auto _ : state) {
    auto match = router.match(method, path);
    benchmark::DoNotOptimize(match);
  }
}
BENCHMARK_CAPTURE(BM_RouterMatch, get_me, "GET", "/api/v1/me", true);
BENCHMARK_CAPTURE(BM_RouterMatch, put_boundary, "PUT",
                  "/api/v1/relationships/5c1e0a7f3b9d4e21a6c8f0b2d4e6a8c0/boundaries/mine/"
                  "breathing-together",
                  true);
BENCHMARK_CAPTURE(BM_RouterMatch, post_ticket, "POST",
                  "/api/v1/practices/5c1e0a7f3b9d4e21a6c8f0b2d4e6a8c0/tickets", true);
BENCHMARK_CAPTURE(BM_RouterMatch, miss, "GET", "/api/v1/nothing/here", false);

}  // namespace
}  // namespace attune::http
