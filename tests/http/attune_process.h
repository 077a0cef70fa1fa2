// Runs the real `attune serve` binary on a free loopback port with a fresh temp data dir,
// for tests that exercise the whole server as a client would. Stopped (SIGTERM, then
// SIGKILL) and cleaned up on destruction, and killed by the kernel should the thread that
// started it end first (so create and restart it on the test's main thread). Its stderr
// goes to a file beside the data dir, printed when the test has failed.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "http/test_client.h"

namespace attune::http::test {

class AttuneProcess {
 public:
  // Tests sign up many people from one address, so by default the sign-up limit is raised
  // through a config file; pass `default_limits` to test the shipped limits themselves.
  // `env` is added to (or overrides) the inherited environment, e.g. ATTUNE_DATABASE_URL.
  explicit AttuneProcess(std::vector<std::string> extra_args = {}, bool default_limits = false,
                         std::map<std::string, std::string> env = {});
  ~AttuneProcess();
  AttuneProcess(const AttuneProcess&) = delete;
  AttuneProcess& operator=(const AttuneProcess&) = delete;

  std::uint16_t port() const { return port_; }
  const std::filesystem::path& data_dir() const { return data_dir_; }
  void kill_hard();  // SIGKILL, as a crash would
  void start();      // again on the same data dir and environment, on a new port
  // Everything the server wrote to stderr so far (its logs), across restarts.
  std::string log() const;

 private:
  std::vector<std::string> extra_args_;
  std::map<std::string, std::string> env_;
  std::filesystem::path data_dir_;
  std::filesystem::path log_file_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// A signed-up, logged-in person talking to the server with a bearer token.
struct Person {
  std::string id;
  std::string token;
  std::string csrf;
  std::string cookie;  // the session cookie's name=value
  std::string email;
};

class Api {
 public:
  explicit Api(std::uint16_t port) : port_(port) {}
  TestResponse call(std::string_view method, std::string_view path, std::string body = {},
                    const Person* as = nullptr, TestHeaders extra = {});
  Person sign_up(const std::string& name);
  // A relationship with these people as active partners; returns its id.
  std::string relationship(const std::vector<Person*>& people);

 private:
  std::uint16_t port_;
  int counter_ = 0;
};

}  // namespace attune::http::test
