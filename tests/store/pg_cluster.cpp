#include "store/pg_cluster.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "store/postgres_child.h"

namespace attune::store::testing {
namespace {

const std::string kBinDir = "/usr/lib/postgresql/15/bin";
constexpr int kStartAttempts = 3;
constexpr auto kStartTimeout = std::chrono::seconds(60);

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A port nothing listens on right now. Another process may take it before the server
// does, which the constructor survives by trying another.
int free_loopback_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  bool ok = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
            getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  close(fd);
  if (!ok) throw std::runtime_error("cannot find a free loopback port");
  return ntohs(address.sin_port);
}

constexpr const char* kDirPrefix = "attune-pg-";

bool process_exists(pid_t pid) { return kill(pid, 0) == 0 || errno != ESRCH; }

// A test program killed outright (a crash, a timeout) cannot delete its cluster's
// directory, though the kernel stops its server; the next run deletes what it left.
void remove_abandoned_clusters() {
  std::error_code error;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::temp_directory_path(), error)) {
    if (!entry.path().filename().string().starts_with(kDirPrefix)) continue;
    std::ifstream owner_file(entry.path() / "owner.pid");
    pid_t owner = 0;
    if (owner_file >> owner && owner > 0 && !process_exists(owner)) {
      std::filesystem::remove_all(entry.path(), error);
    }
  }
}

std::mutex shared_mutex;
std::unique_ptr<PgCluster>& shared_instance() {
  // Also destroyed at exit, should the test environment's TearDown not run.
  static std::unique_ptr<PgCluster> instance;
  return instance;
}

}  // namespace

class PgClusterEnvironment final : public ::testing::Environment {
 public:
  void TearDown() override { PgCluster::stop_shared(); }
};

namespace {
[[maybe_unused]] const auto* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new PgClusterEnvironment);
}  // namespace

bool PgCluster::installed() {
  return std::filesystem::exists(kBinDir + "/initdb") &&
         std::filesystem::exists(kBinDir + "/postgres");
}

std::string PgCluster::missing_message() {
  return "PostgreSQL 15 is not installed (no initdb/postgres in " + kBinDir +
         "); scripts/bootstrap installs postgresql-15";
}

PgCluster& PgCluster::shared() {
  std::lock_guard lock(shared_mutex);
  auto& instance = shared_instance();
  if (!instance) {
    remove_abandoned_clusters();
    instance.reset(new PgCluster());
  }
  return *instance;
}

void PgCluster::stop_shared() {
  std::lock_guard lock(shared_mutex);
  shared_instance().reset();
}

PgCluster::PgCluster() {
  std::string pattern =
      std::filesystem::temp_directory_path() / (kDirPrefix + std::string("XXXXXX"));
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  std::ofstream(dir_ + "/owner.pid") << getpid() << '\n';
  try {
    init_data_dir();
    for (int attempt = 0; attempt < kStartAttempts && server_ == 0; ++attempt) {
      start_on_free_port();
    }
    if (server_ == 0) {
      throw std::runtime_error("PostgreSQL did not start:\n" + read_file(dir_ + "/server.log"));
    }
  } catch (...) {
    std::filesystem::remove_all(dir_);
    throw;
  }
}

PgCluster::~PgCluster() {
  stop();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void PgCluster::init_data_dir() {
  if (geteuid() == 0) {
    const passwd* postgres = getpwnam("postgres");
    if (postgres == nullptr || chown(dir_.c_str(), postgres->pw_uid, postgres->pw_gid) != 0) {
      throw std::runtime_error("cannot hand " + dir_ + " to the postgres user");
    }
  }
  // No fsync and the C locale: the cluster is thrown away, and the host's locale may not
  // be installed.
  pid_t initdb = spawn_postgres_program(
      {kBinDir + "/initdb", "--no-sync", "--auth=trust", "--username=postgres", "--no-locale",
       "--encoding=UTF8", "-D", dir_ + "/data"},
      dir_ + "/initdb.log", true);
  if (!wait_for_exit(initdb)) {
    throw std::runtime_error("initdb failed:\n" + read_file(dir_ + "/initdb.log"));
  }
}

// Runs the server itself rather than through pg_ctl, which would detach it: as our child
// it gets SIGQUIT from the kernel if the test program dies before stopping it.
void PgCluster::start_on_free_port() {
  port_ = free_loopback_port();
  const pid_t server = spawn_postgres_program(
      {kBinDir + "/postgres", "-D", dir_ + "/data", "-c", "listen_addresses=127.0.0.1", "-p",
       std::to_string(port_), "-k", dir_, "-c", "fsync=off"},
      dir_ + "/server.log", true);
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (PQping(url_of("postgres").c_str()) == PQPING_OK) {
      server_ = server;
      return;
    }
    if (!still_running(server)) return;  // most likely the port was taken meanwhile
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(server, SIGQUIT);
  wait_for_exit(server);
}

// SIGQUIT is PostgreSQL's immediate shutdown (pg_ctl stop -m immediate); the postmaster
// exits only after its own children, so nothing is left once it is reaped.
void PgCluster::stop() noexcept {
  if (server_ == 0) return;
  kill(server_, SIGQUIT);
  wait_for_exit(server_);
  server_ = 0;
}

std::string PgCluster::url_of(const std::string& database) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

std::string PgCluster::create_database() {
  const std::string name = "store_test_" + std::to_string(++databases_);
  PGconn* admin = PQconnectdb(url_of("postgres").c_str());
  PGresult* result = PQexec(admin, ("CREATE DATABASE " + name).c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  std::string message = PQerrorMessage(admin);
  PQclear(result);
  PQfinish(admin);
  if (!ok) throw std::runtime_error("CREATE DATABASE failed: " + message);
  return url_of(name);
}

}  // namespace attune::store::testing
