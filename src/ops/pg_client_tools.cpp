#include "ops/pg_client_tools.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

extern char** environ;

namespace attune::ops {
namespace {

constexpr std::size_t kKeptOutput = 2000;

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const std::string hex(text.substr(i + 1, 2));
      char* end = nullptr;
      const long value = std::strtol(hex.c_str(), &end, 16);
      if (end == hex.c_str() + 2) {
        out.push_back(static_cast<char>(value));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// The child's environment: ours, with PGPASSWORD set when the URL carried a password.
std::vector<std::string> child_environment(const std::string& password) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (!password.empty() && std::strncmp(*entry, "PGPASSWORD=", 11) == 0) continue;
    env.emplace_back(*entry);
  }
  if (!password.empty()) env.push_back("PGPASSWORD=" + password);
  return env;
}

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

PgTarget split_password(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return {url, ""};
  const auto authority_start = scheme_end + 3;
  const auto authority_end = url.find_first_of("/?", authority_start);
  const auto at = url.rfind('@', authority_end == std::string::npos ? url.size() : authority_end);
  if (at == std::string::npos || at < authority_start) return {url, ""};
  const auto colon = url.find(':', authority_start);
  if (colon == std::string::npos || colon > at) return {url, ""};
  return {url.substr(0, colon) + url.substr(at),
          percent_decode(std::string_view(url).substr(colon + 1, at - colon - 1))};
}

base::Status run_pg_tool(const std::string& program, const std::vector<std::string>& args,
                         const std::string& url) {
  const PgTarget target = split_password(url);
  std::vector<std::string> argv_strings{program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  argv_strings.push_back("--dbname=" + target.url);
  auto env_strings = child_environment(target.password);
  auto argv = pointers_to(argv_strings);
  auto envp = pointers_to(env_strings);

  int output[2];
  if (::pipe(output) != 0) return base::fail(base::ErrorCode::internal, "cannot start " + program);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, output[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, output[0]);
  pid_t pid = 0;
  const int spawned =
      posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(output[1]);
  if (!target.password.empty()) {
    // Our copy of the password is wiped; the child has its own.
    std::fill(env_strings.back().begin(), env_strings.back().end(), '\0');
  }
  if (spawned != 0) {
    ::close(output[0]);
    return base::fail(base::ErrorCode::internal, program + " could not be run (" +
                                                     std::strerror(spawned) +
                                                     "): install the PostgreSQL client tools");
  }
  std::string text;
  char buffer[4096];
  for (ssize_t got; (got = ::read(output[0], buffer, sizeof buffer)) != 0;) {
    if (got < 0) {
      if (errno == EINTR) continue;
      break;
    }
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > 2 * kKeptOutput) text.erase(0, text.size() - kKeptOutput);
  }
  ::close(output[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  if (text.size() > kKeptOutput) text.erase(0, text.size() - kKeptOutput);
  return base::fail(base::ErrorCode::internal, program + " failed: " + text);
}

}  // namespace attune::ops
