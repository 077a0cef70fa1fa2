#include "store/postgres_child.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <stdexcept>

namespace attune::store::testing {
namespace {

struct Account {
  uid_t uid;
  gid_t gid;
};

Account postgres_account() {
  const passwd* entry = getpwnam("postgres");
  if (entry == nullptr) throw std::runtime_error("there is no postgres user to run PostgreSQL");
  return {entry->pw_uid, entry->pw_gid};
}

// Between fork and exec only async-signal-safe calls: everything is prepared before.
[[noreturn]] void become_program(char* const* argv, const char* log, const Account* as,
                                 bool die_with_parent, pid_t parent) {
  if (as != nullptr &&
      (setgroups(0, nullptr) != 0 || setgid(as->gid) != 0 || setuid(as->uid) != 0)) {
    _exit(126);
  }
  // Set after setuid, which would clear it; the parent may already be gone by now.
  if (die_with_parent && (prctl(PR_SET_PDEATHSIG, SIGQUIT) != 0 || getppid() != parent)) {
    _exit(125);
  }
  int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0) _exit(124);
  execv(argv[0], argv);
  _exit(127);
}

}  // namespace

pid_t spawn_postgres_program(std::vector<std::string> args, const std::string& log,
                             bool die_with_parent) {
  Account account{};
  const bool as_postgres = geteuid() == 0;
  if (as_postgres) account = postgres_account();
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    become_program(argv.data(), log.c_str(), as_postgres ? &account : nullptr, die_with_parent,
                   parent);
  }
  return pid;
}

bool wait_for_exit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return false;
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool still_running(pid_t pid) {
  int status = 0;
  return waitpid(pid, &status, WNOHANG) == 0;
}

}  // namespace attune::store::testing
