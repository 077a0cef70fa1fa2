#include "http/attune_process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <thread>

namespace attune::http::test {
namespace {

std::filesystem::path unique_temp_dir() {
  std::random_device random;
  auto dir = std::filesystem::temp_directory_path() /
             ("attune-http-test-" + std::to_string(random()) + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

// The inherited environment as NAME=value strings, with `overrides` replacing or adding.
std::vector<std::string> child_environment(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> result;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text = *entry;
    if (!overrides.contains(text.substr(0, text.find('=')))) result.push_back(std::move(text));
  }
  for (const auto& [name, value] : overrides) result.push_back(name + "=" + value);
  return result;
}

}  // namespace

AttuneProcess::AttuneProcess(std::vector<std::string> extra_args, bool default_limits,
                             std::map<std::string, std::string> env)
    : extra_args_(std::move(extra_args)),
      env_(std::move(env)),
      data_dir_(unique_temp_dir()),
      log_file_(data_dir_.string() + ".log") {
  if (!default_limits) {
    const auto config = data_dir_ / "test.toml";
    std::ofstream(config) << "signup_limit_per_minute = 1000\nwrite_limit_per_minute = 10000\n"
                             "login_limit_per_minute = 1000\n";
    extra_args_.insert(extra_args_.end(), {"--config", config.string()});
  }
  try {
    start();
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(data_dir_, ignored);
    std::filesystem::remove(log_file_, ignored);
    throw;
  }
}

void AttuneProcess::start() {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> args = {ATTUNE_BINARY,
                                   "serve",
                                   "--listen",
                                   "127.0.0.1:0",
                                   "--data-dir",
                                   data_dir_.string(),
                                   "--content-dir",
                                   std::string(ATTUNE_SOURCE_DIR) + "/content",
                                   "--web-dir",
                                   data_dir_.string() + "/no-web",
                                   "--insecure-fast-password-hashing"};
  args.insert(args.end(), extra_args_.begin(), extra_args_.end());
  std::vector<std::string> environment = child_environment(env_);
  // Built before fork: in a threaded test the child must not allocate before exec.
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string log_path = log_file_.string();
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ == 0) {
    // A test program that crashes or is killed takes its server with it.
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(125);
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (log < 0 || dup2(log, STDERR_FILENO) < 0) _exit(126);
    close(log);
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(out[1]);
  // The first line says where it listens.
  std::string line;
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  close(out[0]);
  auto colon = line.rfind(':');
  if (line.find("listening") == std::string::npos || colon == std::string::npos) {
    // It refused to start (or said something else): leave no process behind.
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    throw std::runtime_error("attune did not start: " + line + "\n" + log());
  }
  port_ = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
}

void AttuneProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

AttuneProcess::~AttuneProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill_hard();
  }
  if (::testing::Test::HasFailure()) std::cerr << "attune's log:\n" << log();
  std::error_code ignored;
  std::filesystem::remove_all(data_dir_, ignored);
  std::filesystem::remove(log_file_, ignored);
}

std::string AttuneProcess::log() const {
  std::ifstream in(log_file_);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TestResponse Api::call(std::string_view method, std::string_view path, std::string body,
                       const Person* as, TestHeaders extra) {
  TestClient client(port_);
  TestHeaders headers = std::move(extra);
  if (as) headers.emplace_back("Authorization", "Bearer " + as->token);
  const bool typed = std::ranges::any_of(
      headers, [](const auto& header) { return header.first == "Content-Type"; });
  if (!body.empty() && !typed) headers.emplace_back("Content-Type", "application/json");
  return client.request(method, path, std::move(body), headers);
}

Person Api::sign_up(const std::string& name) {
  Person person;
  person.email =
      name + "-" + std::to_string(++counter_) + "-" + std::to_string(::getpid()) + "@example.test";
  nlohmann::json signup{{"email", person.email},
                        {"password", "a long enough password"},
                        {"display_name", name},
                        {"confirm_adult", true}};
  auto created = call("POST", "/api/v1/accounts", signup.dump());
  if (created.status != 201) throw std::runtime_error("sign-up failed: " + created.body);
  auto login =
      call("POST", "/api/v1/auth/login",
           nlohmann::json{{"email", person.email}, {"password", "a long enough password"}}.dump());
  if (login.status != 200) throw std::runtime_error("login failed: " + login.body);
  auto json = nlohmann::json::parse(login.body);
  person.id = json["account"]["id"];
  person.token = json["token"];
  person.csrf = json["csrf_token"];
  auto cookie = login.header("set-cookie");
  person.cookie = cookie.substr(0, cookie.find(';'));
  return person;
}

std::string Api::relationship(const std::vector<Person*>& people) {
  auto created = call("POST", "/api/v1/relationships", R"({"name":"Us"})", people.at(0));
  std::string rid = nlohmann::json::parse(created.body)["id"];
  for (std::size_t i = 1; i < people.size(); ++i) {
    auto invite = call("POST", "/api/v1/relationships/" + rid + "/invites", "", people[0]);
    std::string code = nlohmann::json::parse(invite.body)["code"];
    call("POST", "/api/v1/invites/accept", nlohmann::json{{"code", code}}.dump(), people[i]);
    for (std::size_t j = 1; j < i; ++j) {
      call("POST", "/api/v1/relationships/" + rid + "/members/" + people[i]->id + "/approve", "",
           people[j]);
    }
  }
  return rid;
}

}  // namespace attune::http::test
