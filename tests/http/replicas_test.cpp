// Two `attune serve` replicas on one throwaway PostgreSQL with one master key: a pause on
// one replica reaches a device on the other at once, resuming needs everyone across both,
// sessions and rate limits are shared, and a replica whose LISTEN connection was cut
// resyncs its devices to the true state once it is back.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "http/attune_process.h"
#include "http/live_states.h"
#include "store/pg_cluster.h"

namespace attune::http::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using store::testing::PgCluster;

constexpr const char* kMasterKey =
    "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

// One statement as the cluster's superuser, on the maintenance database; the first cell.
std::string admin_query(const std::string& sql) {
  PGconn* admin = PQconnectdb(PgCluster::shared().url_of("postgres").c_str());
  PGresult* result = PQexec(admin, sql.c_str());
  const auto status = PQresultStatus(result);
  std::string cell;
  if (status == PGRES_TUPLES_OK && PQntuples(result) > 0) cell = PQgetvalue(result, 0, 0);
  std::string error = PQerrorMessage(admin);
  PQclear(result);
  PQfinish(admin);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    throw std::runtime_error(sql + ": " + error);
  }
  return cell;
}

class Replicas : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!PgCluster::installed()) GTEST_SKIP() << PgCluster::missing_message();
    url_ = PgCluster::shared().create_database();
    database_ = url_.substr(url_.rfind('/') + 1);
  }

  // A replica on the shared database; its connections carry `name` as application_name.
  std::unique_ptr<AttuneProcess> replica(const std::string& name, bool default_limits = false) {
    return std::make_unique<AttuneProcess>(
        std::vector<std::string>{}, default_limits,
        std::map<std::string, std::string>{
            {"ATTUNE_DATABASE_URL", url_ + "?application_name=" + name},
            {"ATTUNE_MASTER_KEY", kMasterKey},
            {"ATTUNE_MASTER_KEY_FILE", ""}});
  }

  std::string url_;
  std::string database_;
};

// Two replicas, Ann and Ben signed up through A, and an own-device practice on a signed
// agreement.
class ReplicaPractice : public Replicas {
 protected:
  void SetUp() override {
    Replicas::SetUp();
    if (IsSkipped()) return;
    a_ = replica("replica-a");
    b_ = replica("replica-b");
    on_a_ = std::make_unique<Api>(a_->port());
    on_b_ = std::make_unique<Api>(b_->port());
    ann_ = on_a_->sign_up("Ann");
    ben_ = on_a_->sign_up("Ben");
    const std::string rid = on_a_->relationship({&ann_, &ben_});
    json exercise = json::parse(on_a_->call("GET", "/api/v1/exercises").body)["exercises"][0];
    for (const auto& item : exercise["requires"]) {
      for (auto* person : {&ann_, &ben_}) {
        on_a_->call("PUT",
                    "/api/v1/relationships/" + rid + "/boundaries/mine/" + item.get<std::string>(),
                    R"({"answer":"yes"})", person);
      }
    }
    json terms{{"exercise_id", exercise["id"]},
               {"items", exercise["requires"]},
               {"time_limit_minutes", 30},
               {"pause_word", "amber"},
               {"aftercare", "tea"}};
    auto agreement =
        on_a_->call("POST", "/api/v1/relationships/" + rid + "/agreements", terms.dump(), &ann_);
    ASSERT_EQ(agreement.status, 201) << agreement.body;
    const std::string aid = json::parse(agreement.body)["id"];
    for (auto* person : {&ann_, &ben_}) {
      ASSERT_EQ(
          on_a_->call("POST", "/api/v1/agreements/" + aid + "/sign", R"({"version":1})", person)
              .status,
          200);
    }
    auto practice = on_a_->call("POST", "/api/v1/agreements/" + aid + "/practices",
                                R"({"device":"own"})", &ann_);
    ASSERT_EQ(practice.status, 201) << practice.body;
    pid_ = json::parse(practice.body)["id"];
  }

  // A WebSocket on `replica` with a ticket issued by replica A.
  std::unique_ptr<TestWebSocket> connect(const AttuneProcess& replica, const Person& person) {
    auto ticket = on_a_->call("POST", "/api/v1/practices/" + pid_ + "/tickets", "", &person);
    std::string value = json::parse(ticket.body)["ticket"];
    return std::make_unique<TestWebSocket>(replica.port(),
                                           "/api/v1/practices/" + pid_ + "/live?ticket=" + value);
  }

  std::unique_ptr<AttuneProcess> a_, b_;
  std::unique_ptr<Api> on_a_, on_b_;
  Person ann_, ben_;
  std::string pid_;
};

TEST_F(ReplicaPractice, PauseOnOneReplicaIsSeenOnTheOtherAndResumeNeedsBoth) {
  auto ann = connect(*a_, ann_);
  auto ben = connect(*b_, ben_);  // a ticket from A admits on B: tickets live in the store
  ASSERT_TRUE(ben->is_open());
  start_running(*ann, *ben);

  const auto sent = std::chrono::steady_clock::now();
  ben->send(R"({"type":"pause"})");
  auto paused = await_state(*ann, "paused", 2s);
  const auto took = std::chrono::steady_clock::now() - sent;
  ASSERT_TRUE(paused) << "Ann on replica A did not see Ben's pause on replica B within 2 s";
  EXPECT_EQ((*paused)["paused_by_count"], 1);
  std::cout << "pause on replica B seen on replica A after "
            << std::chrono::duration_cast<std::chrono::microseconds>(took).count() << " us\n";

  ben->send(R"({"type":"resume"})");
  ASSERT_TRUE(await_state(*ann, "paused", 3s, /*resume_consents=*/1));
  auto state = json::parse(on_a_->call("GET", "/api/v1/practices/" + pid_, "", &ann_).body);
  EXPECT_EQ(state["status"], "paused");  // Ben's consent alone is not enough
  ann->send(R"({"type":"resume"})");
  EXPECT_TRUE(await_state(*ben, "running"));
  EXPECT_TRUE(await_state(*ann, "running"));
}

// Logging out on replica A closes the connection the same session opened on replica B.
TEST_F(ReplicaPractice, LogOutOnOneReplicaClosesTheSessionsConnectionOnTheOther) {
  auto ben = connect(*b_, ben_);
  ASSERT_TRUE(ben->is_open());
  ASSERT_TRUE(await_state(*ben, "waiting"));
  ASSERT_EQ(on_a_->call("POST", "/api/v1/auth/logout", "", &ben_).status, 204);
  const auto deadline = std::chrono::steady_clock::now() + 1s;
  while (!ben->closed() && std::chrono::steady_clock::now() < deadline) ben->receive(100ms);
  EXPECT_TRUE(ben->closed()) << "the connection on replica B outlived its session";
}

TEST_F(ReplicaPractice, ListenerCutOffResyncsItsDevicesOnceBack) {
  auto ann = connect(*a_, ann_);
  auto ben = connect(*b_, ben_);
  start_running(*ann, *ben);

  // Cut replica A's LISTEN connection and keep it out (existing connections stay usable),
  // so that Ben's pause on B certainly happens while A cannot hear it.
  admin_query("ALTER DATABASE " + database_ + " WITH ALLOW_CONNECTIONS false");
  struct Reopen {
    std::string database;
    ~Reopen() {
      try {
        admin_query("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
      } catch (const std::exception&) {  // the cluster is gone: nothing left to reopen
      }
    }
  } reopen{database_};
  const std::string replica_a_listener =
      "FROM pg_stat_activity WHERE datname = '" + database_ +
      "' AND application_name = 'replica-a' AND query LIKE 'LISTEN%'";
  ASSERT_EQ(admin_query("SELECT count(pg_terminate_backend(pid)) " + replica_a_listener), "1");

  auto paused = on_b_->call("POST", "/api/v1/practices/" + pid_ + "/pause", "", &ben_);
  ASSERT_EQ(paused.status, 200) << paused.body;
  ASSERT_TRUE(await_state(*ben, "paused"));
  // Missed by A: its device still shows the practice running.
  EXPECT_FALSE(await_state(*ann, "paused", 1s));
  ASSERT_EQ(admin_query("SELECT count(*) " + replica_a_listener), "0");

  const auto reopened = std::chrono::steady_clock::now();
  admin_query("ALTER DATABASE " + database_ + " WITH ALLOW_CONNECTIONS true");
  auto resynced = await_state(*ann, "paused", 10s);
  const auto took = std::chrono::steady_clock::now() - reopened;
  ASSERT_TRUE(resynced) << "replica A did not push the true state after its LISTEN came back";
  EXPECT_EQ((*resynced)["paused_by_count"], 1);
  EXPECT_EQ(admin_query("SELECT count(*) " + replica_a_listener), "1");
  std::cout << "replica A resynced its device "
            << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
            << " ms after the database accepted connections again\n";

  // And it hears B again as usual.
  ben->send(R"({"type":"resume"})");
  EXPECT_TRUE(await_state(*ann, "paused", 3s, /*resume_consents=*/1));
}

TEST_F(Replicas, SessionFromOneReplicaWorksOnTheOtherUntilLoggedOut) {
  auto a = replica("replica-a");
  auto b = replica("replica-b");
  Api on_a(a->port());
  Api on_b(b->port());
  Person cy = on_a.sign_up("Cy");  // signed up and logged in on A
  auto me = on_b.call("GET", "/api/v1/me", "", &cy);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(json::parse(me.body)["id"], cy.id);
  EXPECT_EQ(on_b.call("POST", "/api/v1/auth/logout", "", &cy).status, 204);
  EXPECT_EQ(on_a.call("GET", "/api/v1/me", "", &cy).status, 401);
}

TEST_F(Replicas, SignUpLimitIsSharedAcrossReplicas) {
  auto a = replica("replica-a", /*default_limits=*/true);
  auto b = replica("replica-b", /*default_limits=*/true);
  Api on_a(a->port());
  Api on_b(b->port());
  auto sign_up = [](Api& api, int i) {
    return api.call("POST", "/api/v1/accounts",
                    json{{"email", "limit" + std::to_string(i) + "@example.test"},
                         {"password", "a long enough password"},
                         {"display_name", "L"},
                         {"confirm_adult", true}}
                        .dump());
  };
  // Five a minute from one address: three on A and two on B use them all up, so neither
  // replica takes a sixth (each alone has seen fewer than five).
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(sign_up(i % 2 == 0 ? on_a : on_b, i).status, 201) << "sign-up " << i;
  }
  EXPECT_EQ(sign_up(on_b, 5).status, 429);
  EXPECT_EQ(sign_up(on_a, 6).status, 429);
}

// Debriefs (issue 10): the answer that completes the reveal, given on replica A, nudges a
// device on replica B at once.
TEST_F(ReplicaPractice, DebriefRevealOnOneReplicaNudgesADeviceOnTheOther) {
  auto ben = connect(*b_, ben_);
  ASSERT_TRUE(await_state(*ben, "waiting"));
  ASSERT_EQ(on_a_->call("POST", "/api/v1/practices/" + pid_ + "/end", "", &ann_).status, 200);
  ASSERT_TRUE(await_state(*ben, "ended"));
  for (auto* person : {&ben_, &ann_}) {
    ASSERT_EQ(
        on_a_->call("POST", "/api/v1/practices/" + pid_ + "/debrief", R"({"skip":true})", person)
            .status,
        201);
  }
  std::optional<json> nudge;
  while (auto message = ben->receive(3s)) {
    auto parsed = json::parse(*message);
    if (parsed["type"] == "debriefs") {
      nudge = parsed;
      break;
    }
  }
  ASSERT_TRUE(nudge) << "Ben on replica B heard nothing of the reveal on replica A";
  EXPECT_EQ((*nudge)["status"], "revealed");
}

}  // namespace
}  // namespace attune::http::test

namespace attune::http::test {
namespace {

// The per-person channel (issue 11 item 2): a partner's shared entry written through one
// replica nudges a person's channel open on the other, and that channel closes when the
// session ends through the first.
TEST_F(ReplicaPractice, AChangeOnOneReplicaNudgesAPersonsChannelOnTheOther) {
  const auto list = json::parse(on_a_->call("GET", "/api/v1/relationships", "", &ann_).body);
  const std::string rid = list["relationships"][0]["id"];
  TestWebSocket channel(b_->port(), "/api/v1/me/live",
                        {{"Cookie", ann_.cookie}, {"Origin", "http://127.0.0.1"}});
  ASSERT_TRUE(channel.is_open());
  auto shared = on_a_->call("POST", "/api/v1/relationships/" + rid + "/intake",
                            R"({"kind":"safe","text":"Music low","visibility":"partners"})", &ben_);
  ASSERT_EQ(shared.status, 201) << shared.body;
  auto heard = channel.receive(3s);
  ASSERT_TRUE(heard) << "Ann's channel on replica B heard nothing of Ben's entry on replica A";
  EXPECT_EQ(json::parse(*heard),
            (json{{"type", "nudge"}, {"topic", "intake"}, {"relationship_id", rid}}));
  ASSERT_EQ(on_a_->call("POST", "/api/v1/auth/logout", "", &ann_).status, 204);
  EXPECT_FALSE(channel.receive(3s));
  EXPECT_TRUE(channel.closed());
}

}  // namespace
}  // namespace attune::http::test
