#include "support/smtp_sink.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <thread>

namespace attune::test {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

std::filesystem::path unique_temp_dir() {
  std::random_device random;
  auto dir = std::filesystem::temp_directory_path() /
             ("attune-smtp-sink-" + std::to_string(random()) + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

SunkMail read_mail(const std::filesystem::path& file) {
  std::ifstream in(file);
  const auto json = nlohmann::json::parse(in);
  return {json.at("mail_from"), json.at("rcpt_to"),      json.at("smtputf8"), json.at("raw"),
          json.at("subject"),   json.at("content_type"), json.at("charset"),  json.at("body")};
}

}  // namespace

SmtpSink::SmtpSink(bool refuse_recipients) : dir_(unique_temp_dir()) {
  int in[2];
  int out[2];
  if (pipe(in) != 0 || pipe(out) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> args = {
      kPython, std::string(ATTUNE_SOURCE_DIR) + "/tests/support/smtp_sink.py", dir_.string()};
  if (refuse_recipients) args.emplace_back("--refuse-recipients");
  // Built before fork: in a threaded test the child must not allocate before exec.
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ == 0) {
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(125);
    dup2(in[0], STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    close(in[0]);
    close(in[1]);
    close(out[0]);
    close(out[1]);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  stdin_ = in[1];
  std::string line;
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  close(out[0]);
  if (!line.starts_with("port ")) {
    close(stdin_);
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    std::filesystem::remove_all(dir_);
    throw std::runtime_error("the SMTP sink did not start (is python3-aiosmtpd installed?)");
  }
  port_ = static_cast<std::uint16_t>(std::stoi(line.substr(5)));
}

SmtpSink::~SmtpSink() {
  close(stdin_);  // the sink's signal to stop
  bool exited = false;
  for (int i = 0; i < 100 && !exited; ++i) {
    exited = waitpid(pid_, nullptr, WNOHANG) == pid_;
    if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!exited) {
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::vector<SunkMail> SmtpSink::messages() const {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::ranges::sort(files);
  std::vector<SunkMail> mails;
  for (const auto& file : files) mails.push_back(read_mail(file));
  return mails;
}

std::vector<SunkMail> SmtpSink::wait_for(std::size_t count,
                                         std::chrono::milliseconds timeout) const {
  const auto until = std::chrono::steady_clock::now() + timeout;
  auto mails = messages();
  while (mails.size() < count && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    mails = messages();
  }
  return mails;
}

}  // namespace attune::test
