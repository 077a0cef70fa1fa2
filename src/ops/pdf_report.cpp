#include "ops/pdf_report.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

extern char** environ;

namespace attune::ops {
namespace {

// A private directory removed with everything in it when this goes away.
struct TempDir {
  std::filesystem::path path;
  ~TempDir() {
    std::error_code ignored;
    if (!path.empty()) std::filesystem::remove_all(path, ignored);
  }
};

std::unexpected<base::Error> failure(const std::string& what) {
  return base::fail(base::ErrorCode::internal, "printing the report failed: " + what);
}

// Our environment with HOME, TMPDIR and the XDG directories pointing into `dir`, so whatever
// Chromium keeps beside its profile (crash reports, caches) goes when the directory goes.
std::vector<std::string> chromium_environment(const std::filesystem::path& dir) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view variable(*entry);
    const auto name = variable.substr(0, variable.find('='));
    if (name != "HOME" && name != "TMPDIR" && !name.starts_with("XDG_")) env.emplace_back(variable);
  }
  for (const char* name : {"HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"}) {
    env.push_back(std::string(name) + "=" + dir.string());
  }
  return env;
}

// Runs Chromium in `dir` with its output to `log`, killing it after the timeout. It inherits
// none of our open files (a server's sockets and database stay ours).
base::Status run_chromium(const PdfOptions& options, const std::filesystem::path& dir,
                          const std::vector<std::string>& args, const std::string& log) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(options.chromium.c_str()));
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  auto env = chromium_environment(dir);
  std::vector<char*> envp;
  for (auto& variable : env) envp.push_back(variable.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
  pid_t pid = 0;
  const int spawned =
      posix_spawn(&pid, options.chromium.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return failure("cannot run " + options.chromium);
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return failure("lost the Chromium process");
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return failure("Chromium took longer than " + std::to_string(options.timeout.count()) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  std::ifstream in(log);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > 2000) text.erase(0, text.size() - 2000);
  return failure("Chromium exited with an error: " + text);
}

}  // namespace

base::Result<std::string> render_html_to_pdf(std::string_view html, const PdfOptions& options) {
  std::error_code no_temp;
  const auto temp = std::filesystem::temp_directory_path(no_temp);
  if (no_temp) return failure("no temporary directory: " + no_temp.message());
  std::string pattern = (temp / "attune-report-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) return failure("cannot create a temporary directory");
  TempDir dir{pattern};
  const auto page = dir.path / "report.html";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    if (!out.flush()) return failure("cannot write the page");
  }
  const auto pdf = dir.path / "report.pdf";
  // The page runs no script, so V8 needs no JIT (and no writable executable memory).
  ATTUNE_TRY(run_chromium(options, dir.path,
                          {"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update",
                           "--disable-sync", "--no-pdf-header-footer", "--js-flags=--jitless",
                           "--user-data-dir=" + (dir.path / "profile").string(),
                           "--print-to-pdf=" + pdf.string(), "file://" + page.string()},
                          (dir.path / "chromium.log").string()));
  std::ifstream in(pdf, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!bytes.starts_with("%PDF-")) return failure("Chromium wrote no PDF");
  return bytes;
}

base::Status print_html_to_pdf(const std::string& html, const std::string& out_path,
                               const PdfOptions& options) {
  auto pdf = render_html_to_pdf(html, options);
  if (!pdf) return base::error_of(pdf);
  const int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return failure("cannot write " + out_path);
  // An existing file keeps its mode through O_TRUNC: the report is private either way.
  bool written = ::fchmod(fd, 0600) == 0;
  for (std::string_view rest = *pdf; written && !rest.empty();) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    written = n > 0;
    if (written) rest.remove_prefix(static_cast<std::size_t>(n));
  }
  if (::close(fd) != 0) written = false;
  if (!written) return failure("cannot write " + out_path);
  return {};
}

std::optional<std::string> find_chromium(const std::string& configured) {
  const std::vector<std::string> candidates =
      configured.empty()
          ? std::vector<std::string>{"/usr/bin/chromium", "/usr/bin/chromium-browser",
                                     "/usr/bin/google-chrome"}
          : std::vector<std::string>{configured};
  for (const auto& path : candidates) {
    if (::access(path.c_str(), X_OK) == 0) return path;
  }
  return std::nullopt;
}

}  // namespace attune::ops
