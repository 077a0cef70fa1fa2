// commit_floor: the disk's single-commit floor for SQLite, the most durable writes a second
// that one writer can make here. One-row INSERTs, each its own transaction, on a database in
// WAL mode with synchronous=FULL (attune's settings), so every commit waits for its fsync.
// Whatever attune does per durable write sits on top of this; group commit is the way past it.
//   commit_floor --path FILE [--seconds 10]
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

bool exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
  std::fprintf(stderr, "commit_floor: %s: %s\n", sql, message ? message : "?");
  sqlite3_free(message);
  return false;
}

double percentile_ms(std::vector<double>& sorted_ms, double q) {
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted_ms.size())));
  return sorted_ms[std::min(sorted_ms.size() - 1, rank == 0 ? 0 : rank - 1)];
}

int run(const std::string& path, int seconds) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::fprintf(stderr, "commit_floor: cannot open %s\n", path.c_str());
    return 1;
  }
  if (!exec(db, "PRAGMA journal_mode=WAL") || !exec(db, "PRAGMA synchronous=FULL") ||
      !exec(db, "CREATE TABLE IF NOT EXISTS commits (id INTEGER PRIMARY KEY, body BLOB)")) {
    sqlite3_close(db);
    return 1;
  }
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO commits (body) VALUES (zeroblob(200))", -1, &insert, nullptr);
  std::vector<double> latencies_ms;
  const auto start = Clock::now();
  const auto end = start + std::chrono::seconds(seconds);
  while (Clock::now() < end) {
    const auto before = Clock::now();
    if (sqlite3_step(insert) != SQLITE_DONE) {
      std::fprintf(stderr, "commit_floor: insert: %s\n", sqlite3_errmsg(db));
      break;
    }
    sqlite3_reset(insert);
    latencies_ms.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - before).count());
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  sqlite3_finalize(insert);
  sqlite3_close(db);
  if (latencies_ms.empty()) return 1;
  std::sort(latencies_ms.begin(), latencies_ms.end());
  std::printf("commits %zu in %.2f s: %.1f commits/s, p50 %.3f ms, p99 %.3f ms\n",
              latencies_ms.size(), elapsed, static_cast<double>(latencies_ms.size()) / elapsed,
              percentile_ms(latencies_ms, 0.50), percentile_ms(latencies_ms, 0.99));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int seconds = 10;
  CLI::App app{"SQLite's single-commit floor of the disk (WAL, synchronous=FULL)"};
  app.add_option("--path", path, "database file to create; removed by the caller")->required();
  app.add_option("--seconds", seconds)->check(CLI::Range(1, 3600));
  CLI11_PARSE(app, argc, argv);
  return run(path, seconds);
}
