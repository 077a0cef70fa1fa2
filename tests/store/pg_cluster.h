// A throwaway PostgreSQL 15 server for the store tests: started on first use in a fresh
// temporary directory on a free loopback port, stopped and deleted when the tests end.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <string>

namespace attune::store::testing {

class PgCluster {
 public:
  // Whether the PostgreSQL 15 server programs are installed; tests skip when they are not.
  static bool installed();
  // Why installed() is false, for the skip message.
  static std::string missing_message();

  // The one cluster of this test program, started by the first call. Throws
  // std::runtime_error (with the server's log) when it cannot start. Make the first call
  // from the main thread: the server stops when the thread that started it ends.
  static PgCluster& shared();

  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;
  ~PgCluster();  // stops the server at once (SIGQUIT) and deletes its directory

  // Creates an empty database and returns its postgresql:// URL.
  std::string create_database();
  // A URL for a database that must already exist (such as "postgres").
  std::string url_of(const std::string& database) const;

 private:
  PgCluster();
  friend class PgClusterEnvironment;
  static void stop_shared();

  void init_data_dir();
  void start_on_free_port();  // sets server_ once the server accepts connections
  void stop() noexcept;

  std::string dir_;  // holds data/, the server log and the socket
  int port_ = 0;
  pid_t server_ = 0;  // the postmaster, a child of this process; 0 when not running
  std::atomic<int> databases_{0};
};

}  // namespace attune::store::testing
