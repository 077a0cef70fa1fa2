// LISTEN/NOTIFY between processes' replicas, on the throwaway cluster: a published payload
// reaches a listener, a listener whose connection the server ends comes back and says it
// listens again, and stopping never waits out a retry.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/pg_cluster.h"
#include "store/postgres/notification_listener.h"
#include "store/postgres/notification_publisher.h"

namespace attune::store::postgres {
namespace {

using namespace std::chrono_literals;
using testing::PgCluster;

constexpr const char* kChannel = "test_channel";

// What a listener reported, for the test thread to wait on.
class Recorder {
 public:
  NotificationListener::Handlers handlers() {
    return {
        [this](std::string payload) { record([&] { payloads_.push_back(std::move(payload)); }); },
        [this] { record([&] { ++listening_; }); },
        [this](const std::string&, std::chrono::milliseconds) { record([&] { ++lost_; }); }};
  }

  bool wait_listening(int times, std::chrono::milliseconds timeout = 10s) {
    return wait(timeout, [&] { return listening_ >= times; });
  }
  bool wait_lost(int times, std::chrono::milliseconds timeout = 10s) {
    return wait(timeout, [&] { return lost_ >= times; });
  }
  bool wait_payload(const std::string& payload, std::chrono::milliseconds timeout = 5s) {
    return wait(timeout, [&] {
      return std::find(payloads_.begin(), payloads_.end(), payload) != payloads_.end();
    });
  }

 private:
  template <class F>
  void record(F change) {
    {
      std::lock_guard lock(mutex_);
      change();
    }
    changed_.notify_all();
  }
  template <class P>
  bool wait(std::chrono::milliseconds timeout, P done) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, done);
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> payloads_;
  int listening_ = 0;
  int lost_ = 0;
};

// Ends every listening connection to the database from the server's side; returns how many.
int terminate_listeners(const std::string& database_url) {
  PGconn* admin = PQconnectdb(PgCluster::shared().url_of("postgres").c_str());
  const std::string name = database_url.substr(database_url.rfind('/') + 1);
  const std::string sql =
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" + name +
      "' AND application_name = 'attune-listen'";
  PGresult* result = PQexec(admin, sql.c_str());
  const int count =
      PQresultStatus(result) == PGRES_TUPLES_OK ? std::stoi(PQgetvalue(result, 0, 0)) : -1;
  PQclear(result);
  PQfinish(admin);
  return count;
}

class Notifications : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!PgCluster::installed()) GTEST_SKIP() << PgCluster::missing_message();
    url_ = PgCluster::shared().create_database();
  }

  std::string url_;
};

TEST_F(Notifications, PublishedPayloadReachesTheListener) {
  Recorder recorder;
  NotificationListener listener(url_, kChannel, recorder.handlers());
  ASSERT_TRUE(recorder.wait_listening(1));
  EXPECT_TRUE(listener.listening());
  NotificationPublisher publisher(url_, kChannel);
  ASSERT_TRUE(publisher.publish("practice-1"));
  EXPECT_TRUE(recorder.wait_payload("practice-1"));
}

TEST_F(Notifications, OtherChannelsAreNotHeard) {
  Recorder recorder;
  NotificationListener listener(url_, kChannel, recorder.handlers());
  ASSERT_TRUE(recorder.wait_listening(1));
  NotificationPublisher elsewhere(url_, "another_channel");
  NotificationPublisher here(url_, kChannel);
  ASSERT_TRUE(elsewhere.publish("not-for-us"));
  ASSERT_TRUE(here.publish("for-us"));
  ASSERT_TRUE(recorder.wait_payload("for-us"));
  EXPECT_FALSE(recorder.wait_payload("not-for-us", 100ms));
}

TEST_F(Notifications, ListenerComesBackAfterTheServerEndsItsConnection) {
  Recorder recorder;
  NotificationListener listener(url_, kChannel, recorder.handlers());
  ASSERT_TRUE(recorder.wait_listening(1));
  ASSERT_EQ(terminate_listeners(url_), 1);
  ASSERT_TRUE(recorder.wait_lost(1));
  // Listening again is what tells the owner to resync: what was sent meanwhile is gone.
  ASSERT_TRUE(recorder.wait_listening(2));
  NotificationPublisher publisher(url_, kChannel);
  ASSERT_TRUE(publisher.publish("after-reconnect"));
  EXPECT_TRUE(recorder.wait_payload("after-reconnect"));
}

TEST(NotificationsUnreachable, PublishReportsAnErrorAndStoppingDoesNotWaitForARetry) {
  const std::string nobody = "postgresql://postgres@127.0.0.1:1/attune?connect_timeout=2";
  NotificationPublisher publisher(nobody, kChannel);
  auto sent = publisher.publish("lost");
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, base::ErrorCode::internal);
  Recorder recorder;
  auto listener = std::make_unique<NotificationListener>(nobody, kChannel, recorder.handlers());
  // After five failures the listener sleeps 1.6 s before its next attempt.
  ASSERT_TRUE(recorder.wait_lost(5));
  EXPECT_FALSE(listener->listening());
  const auto start = std::chrono::steady_clock::now();
  listener.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 500ms);
}

}  // namespace
}  // namespace attune::store::postgres
