#include "ops/pdf_report.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

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

base::Status failure(const std::string& what) {
  return base::fail(base::ErrorCode::internal, "printing the report failed: " + what);
}

// Runs Chromium with its output to `log`, killing it after the timeout.
base::Status run_chromium(const PdfOptions& options, const std::vector<std::string>& args,
                          const std::string& log) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(options.chromium.c_str()));
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int spawned =
      posix_spawn(&pid, options.chromium.c_str(), &actions, nullptr, argv.data(), environ);
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

base::Status print_html_to_pdf(const std::string& html, const std::string& out_path,
                               const PdfOptions& options) {
  std::string pattern = (std::filesystem::temp_directory_path() / "attune-report-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) return failure("cannot create a temporary directory");
  TempDir dir{pattern};
  const auto page = dir.path / "report.html";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    if (!out.flush()) return failure("cannot write the page");
  }
  const auto pdf = dir.path / "report.pdf";
  ATTUNE_TRY(run_chromium(
      options,
      {"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
       "--disable-background-networking", "--disable-component-update", "--disable-sync",
       "--no-pdf-header-footer", "--user-data-dir=" + (dir.path / "profile").string(),
       "--print-to-pdf=" + pdf.string(), "file://" + page.string()},
      (dir.path / "chromium.log").string()));
  std::ifstream check(pdf, std::ios::binary);
  char magic[5] = {};
  if (!check.read(magic, 5) || std::string(magic, 5) != "%PDF-") {
    return failure("Chromium wrote no PDF");
  }
  check.close();
  std::error_code ec;
  std::filesystem::copy_file(pdf, out_path, std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) return failure("cannot write " + out_path);
  std::filesystem::permissions(
      out_path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
      std::filesystem::perm_options::replace, ec);
  return {};
}

}  // namespace attune::ops
