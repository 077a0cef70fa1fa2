// A replica on a shared PostgreSQL starts only with the one master key, given explicitly:
// without ATTUNE_MASTER_KEY or _FILE it refuses (and creates no key), and so it does with
// a key other than the one the database recorded.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "http/attune_process.h"
#include "store/pg_cluster.h"

namespace attune::http::test {
namespace {

using store::testing::PgCluster;

constexpr const char* kMasterKey =
    "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
constexpr const char* kOtherKey =
    "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
constexpr auto kExitTimeout = std::chrono::seconds(30);

struct Exit {
  int code = -1;       // the exit status; -1 when killed or still running at the timeout
  std::string output;  // stdout and stderr together
};

// Runs `attune serve` on its own data dir with `env` over the inherited environment (an
// empty value unsets in effect) until it exits, killing it after kExitTimeout.
Exit run_serve(const std::filesystem::path& data_dir,
               const std::map<std::string, std::string>& env) {
  std::vector<std::string> args = {ATTUNE_BINARY,
                                   "serve",
                                   "--listen",
                                   "127.0.0.1:0",
                                   "--data-dir",
                                   data_dir.string(),
                                   "--content-dir",
                                   std::string(ATTUNE_SOURCE_DIR) + "/content",
                                   "--insecure-fast-password-hashing"};
  std::vector<std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text = *entry;
    if (!env.contains(text.substr(0, text.find('=')))) environment.push_back(std::move(text));
  }
  for (const auto& [name, value] : env) environment.push_back(name + "=" + value);
  // Built before fork: the child must not allocate before exec.
  std::vector<char*> argv, envp;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  for (auto& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);

  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) {
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(125);
    dup2(out[1], STDOUT_FILENO);
    dup2(out[1], STDERR_FILENO);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(out[1]);
  Exit result;
  const auto deadline = std::chrono::steady_clock::now() + kExitTimeout;
  char buffer[4096];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd fd{out[0], POLLIN, 0};
    const int ready = left.count() > 0 ? poll(&fd, 1, static_cast<int>(left.count())) : 0;
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      kill(pid, SIGKILL);  // it did not refuse: it is serving
      break;
    }
    const ssize_t got = read(out[0], buffer, sizeof buffer);
    if (got <= 0) break;
    result.output.append(buffer, static_cast<std::size_t>(got));
  }
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) result.code = WEXITSTATUS(status);
  return result;
}

class ReplicaStart : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!PgCluster::installed()) GTEST_SKIP() << PgCluster::missing_message();
    url_ = PgCluster::shared().create_database();
    data_dir_ = std::filesystem::temp_directory_path() /
                ("attune-replica-start-" + std::to_string(getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(data_dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(data_dir_, ignored);
  }

  std::string url_;
  std::filesystem::path data_dir_;
};

TEST_F(ReplicaStart, RefusesWithoutAnExplicitMasterKey) {
  auto refused = run_serve(
      data_dir_,
      {{"ATTUNE_DATABASE_URL", url_}, {"ATTUNE_MASTER_KEY", ""}, {"ATTUNE_MASTER_KEY_FILE", ""}});
  EXPECT_GT(refused.code, 0) << refused.output;
  EXPECT_NE(refused.output.find("no master key"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("ATTUNE_MASTER_KEY"), std::string::npos) << refused.output;
  EXPECT_EQ(refused.output.find("listening"), std::string::npos) << refused.output;
  // Never one made up on the spot, which the next replica would not share.
  EXPECT_FALSE(std::filesystem::exists(data_dir_ / "master.key"));
}

TEST_F(ReplicaStart, RefusesAKeyOtherThanTheOneTheDatabaseRecorded) {
  {
    // The first replica records its key's id in the database.
    AttuneProcess first({}, false,
                        {{"ATTUNE_DATABASE_URL", url_},
                         {"ATTUNE_MASTER_KEY", kMasterKey},
                         {"ATTUNE_MASTER_KEY_FILE", ""}});
  }
  auto refused = run_serve(data_dir_, {{"ATTUNE_DATABASE_URL", url_},
                                       {"ATTUNE_MASTER_KEY", kOtherKey},
                                       {"ATTUNE_MASTER_KEY_FILE", ""}});
  EXPECT_GT(refused.code, 0) << refused.output;
  EXPECT_NE(refused.output.find("is not the one this database was written with"), std::string::npos)
      << refused.output;
  EXPECT_EQ(refused.output.find("listening"), std::string::npos) << refused.output;
  // The right key still starts.
  EXPECT_NO_THROW(AttuneProcess({}, false,
                                {{"ATTUNE_DATABASE_URL", url_},
                                 {"ATTUNE_MASTER_KEY", kMasterKey},
                                 {"ATTUNE_MASTER_KEY_FILE", ""}}));
}

}  // namespace
}  // namespace attune::http::test
