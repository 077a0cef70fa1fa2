// Log-in floods (issue 15 item 4): attempts with a fresh e-mail each time from one address
// are limited per address before any hashing, so they cannot fill the password gate, and a
// real person logging in from elsewhere meanwhile gets in every time.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "http/attune_process.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

TEST(LoginFlood, RealLogInsGetThroughWhileOneAddressFloods) {
  // The test client is the trusted proxy, so X-Forwarded-For sets each request's address.
  AttuneProcess server({}, /*default_limits=*/true, {{"ATTUNE_TRUSTED_PROXIES", "127.0.0.1"}});
  Api api(server.port());
  Person real = api.sign_up("Real");
  const TestHeaders flooder{{"X-Forwarded-For", "198.51.100.66"}};
  const TestHeaders home{{"X-Forwarded-For", "203.0.113.5"}};

  std::atomic<bool> stop{false};
  std::atomic<int> sent{0}, limited{0}, other{0};
  std::vector<std::thread> flood;
  for (int t = 0; t < 4; ++t) {
    flood.emplace_back([&, t] {
      Api client(server.port());
      for (int i = 0; !stop; ++i) {
        auto answer = client.call("POST", "/api/v1/auth/login",
                                  json{{"email", "fresh-" + std::to_string(t) + "-" +
                                                     std::to_string(i) + "@example.test"},
                                       {"password", "whatever it is"}}
                                      .dump(),
                                  nullptr, flooder);
        ++sent;
        (answer.status == 429 ? limited : other)++;
      }
    });
  }
  while (sent < 40) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  int real_ok = 0;
  for (int i = 0; i < 6; ++i) {
    auto login = api.call(
        "POST", "/api/v1/auth/login",
        json{{"email", real.email}, {"password", "a long enough password"}}.dump(), nullptr, home);
    if (login.status == 200) ++real_ok;
    EXPECT_EQ(login.status, 200) << login.body;
  }
  stop = true;
  for (auto& thread : flood) thread.join();
  EXPECT_EQ(real_ok, 6);
  // The flood got 10 answers a minute at most (one window boundary may fall inside the test);
  // the rest were refused before any hashing.
  EXPECT_LE(other.load(), 20);
  EXPECT_GE(limited.load(), sent.load() - 20);
}

}  // namespace
}  // namespace attune::http::test
