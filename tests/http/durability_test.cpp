// I7 through the real binary on both stores: every acknowledged write survives a SIGKILL and
// restart, bad input sent meanwhile leaves no trace, and a keyed write retried after a crash
// or sent several times at once is written once and answered alike.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <latch>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "http/attune_process.h"
#include "store/pg_cluster.h"

namespace attune::http::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using store::testing::PgCluster;

enum class Backend { kSqlite, kPostgres };

constexpr int kWriters = 6;  // three couples, each partner writing on their own thread
// Enough at once that every commit carries several requests (group commit on SQLite).
constexpr int kManyWriters = 24;
constexpr auto kWriteFor = 2s;  // per six writers: each must get enough writes answered
constexpr const char* kMasterKey =
    "5f1c0e6a9b3d47e28c1a6f0b9d2e4c7a8b1f3e5d7c9a0b2d4f6e8a1c3b5d7f90";

// One partner's stream of writes and what became of each. A marker is a unique text carried
// by the write (a note, an intake text, a pause word) that a read after restart looks for.
struct Writer {
  std::string prefix;  // starts every marker of this writer
  Person person;
  std::string rid;
  std::vector<std::string> free_items;  // items no agreement uses, so answers void nothing
  json agreement_terms;
  std::set<std::string> sent;          // every marker sent, answered or not
  std::set<std::string> acknowledged;  // the server answered 2xx
  std::set<std::string> refused;       // answered, but not 2xx (busy): must not be written
  std::set<std::string> bad_sent;      // deliberately bad input: must never be written
  std::vector<int> bad_statuses;
};

class Durability : public ::testing::TestWithParam<Backend> {
 protected:
  std::unique_ptr<AttuneProcess> server;

  void SetUp() override {
    std::map<std::string, std::string> env;
    if (GetParam() == Backend::kPostgres) {
      if (!PgCluster::installed()) GTEST_SKIP() << PgCluster::missing_message();
      env = {{"ATTUNE_DATABASE_URL", PgCluster::shared().create_database()},
             {"ATTUNE_MASTER_KEY", kMasterKey},
             {"ATTUNE_MASTER_KEY_FILE", ""}};
    }
    server = std::make_unique<AttuneProcess>(std::vector<std::string>{}, false, env);
  }

  Api api() { return Api(server->port()); }

  void crash_and_restart() {
    server->kill_hard();
    server->start();
  }
};

std::string error_code(const TestResponse& response) {
  return json::parse(response.body)["error"]["code"];
}

// The exercise whose items every couple marks yes beforehand, and the agreement terms for it.
json first_exercise(Api& api) {
  return json::parse(api.call("GET", "/api/v1/exercises").body)["exercises"][0];
}

std::vector<std::string> items_not_in(Api& api, const json& required) {
  const json catalogue = json::parse(api.call("GET", "/api/v1/catalogue").body);
  std::vector<std::string> items;
  for (const auto& item : catalogue["items"]) {
    if (std::find(required.begin(), required.end(), item["id"]) == required.end())
      items.push_back(item["id"]);
  }
  return items;
}

// Each call is either a good write (expected 2xx) or bad input (expected 4xx), tagged by marker.
struct Call {
  std::string method, path;
  json body;
  std::string marker;
  bool bad;
};

Call next_call(const Writer& w, int n) {
  const std::string marker = w.prefix + std::to_string(n);
  const bool bad = n % 7 == 6;
  const std::string item = w.free_items[static_cast<std::size_t>(n) % w.free_items.size()];
  switch (n % 3) {
    case 0:
      return {"PUT",
              "/api/v1/relationships/" + w.rid + "/boundaries/mine/" + item,
              {{"answer", bad ? "perhaps" : (n % 2 ? "yes" : "maybe")}, {"note", marker}},
              marker,
              bad};
    case 1:
      return {"POST",
              "/api/v1/relationships/" + w.rid + "/intake",
              {{"kind", bad ? "grievance" : "safe"}, {"text", marker}},
              marker,
              bad};
    default: {
      json terms = w.agreement_terms;
      terms["pause_word"] = marker;
      if (bad) terms["time_limit_minutes"] = 1;
      return {"POST", "/api/v1/relationships/" + w.rid + "/agreements", terms, marker, bad};
    }
  }
}

// Writes until told to stop or until the server is gone (the first failed connection).
void write_until_stopped(std::uint16_t port, Writer& w, const std::atomic<bool>& stop) {
  Api api(port);
  for (int n = 0; !stop; ++n) {
    Call call = next_call(w, n);
    (call.bad ? w.bad_sent : w.sent).insert(call.marker);
    TestResponse response;
    try {
      response = api.call(call.method, call.path, call.body.dump(), &w.person);
    } catch (const std::exception&) {
      return;  // killed mid-request: this write was never acknowledged
    }
    if (call.bad) {
      w.bad_statuses.push_back(response.status);
    } else if (response.status >= 200 && response.status < 300) {
      w.acknowledged.insert(call.marker);
    } else {
      w.refused.insert(call.marker);
    }
  }
}

// Every marker the store now holds for this writer: boundary history notes, intake texts and
// agreement pause words, all read back through the API.
std::set<std::string> markers_present(Api& api, const Writer& w) {
  const auto read = [&](const std::string& path) {
    auto response = api.call("GET", "/api/v1/relationships/" + w.rid + path, "", &w.person);
    EXPECT_EQ(response.status, 200) << path << ": " << response.body;
    return json::parse(response.body);
  };
  std::set<std::string> present;
  const json history = read("/boundaries/mine/history");
  for (const auto& change : history["changes"]) present.insert(change.value("note", ""));
  const json intake = read("/intake");
  for (const auto& entry : intake["entries"]) present.insert(entry["text"].get<std::string>());
  const json agreements = read("/agreements");
  for (const auto& agreement : agreements["agreements"]) {
    present.insert(agreement["pause_word"].get<std::string>());
  }
  return present;
}

std::vector<Writer> couples(Api& api, int writer_count = kWriters) {
  const json exercise = first_exercise(api);
  const auto free_items = items_not_in(api, exercise["requires"]);
  std::vector<Writer> writers(static_cast<std::size_t>(writer_count));
  for (int couple = 0; couple < writer_count / 2; ++couple) {
    Writer& a = writers[2 * couple];
    Writer& b = writers[2 * couple + 1];
    a.person = api.sign_up("A" + std::to_string(couple));
    b.person = api.sign_up("B" + std::to_string(couple));
    a.rid = b.rid = api.relationship({&a.person, &b.person});
    for (Writer* w : {&a, &b}) {
      w->prefix = "w" + std::to_string(w - writers.data()) + "-";
      for (const auto& item : exercise["requires"]) {
        api.call("PUT",
                 "/api/v1/relationships/" + w->rid + "/boundaries/mine/" + item.get<std::string>(),
                 R"({"answer":"yes"})", &w->person);
      }
      w->free_items = free_items;
      w->agreement_terms = {{"exercise_id", exercise["id"]},
                            {"items", exercise["requires"]},
                            {"time_limit_minutes", 30},
                            {"aftercare", "water and a blanket"}};
    }
  }
  return writers;
}

// Writers write until the server is killed mid-stream, then every acknowledged write must be
// there after a restart and no refused or bad one may be.
void write_kill_and_check(AttuneProcess& server, int writer_count) {
  Api setup(server.port());
  auto writers = couples(setup, writer_count);
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  const auto started = std::chrono::steady_clock::now();
  for (auto& w : writers)
    threads.emplace_back(write_until_stopped, server.port(), std::ref(w), std::cref(stop));
  std::this_thread::sleep_for(kWriteFor * writer_count / kWriters);
  server.kill_hard();  // mid-stream: every writer has a request in flight or about to be
  stop = true;
  for (auto& t : threads) t.join();
  const auto wrote_for = std::chrono::steady_clock::now() - started;
  server.start();

  Api after(server.port());
  std::size_t acknowledged = 0, bad = 0, unacknowledged_present = 0;
  for (const auto& w : writers) {
    const auto present = markers_present(after, w);
    for (const auto& marker : w.acknowledged)
      EXPECT_TRUE(present.contains(marker)) << "lost: " << marker;
    for (const auto& marker : w.refused)
      EXPECT_FALSE(present.contains(marker)) << "refused yet written: " << marker;
    for (const auto& marker : w.bad_sent)
      EXPECT_FALSE(present.contains(marker)) << "bad input written: " << marker;
    for (int status : w.bad_statuses) EXPECT_TRUE(status >= 400 && status < 500) << status;
    std::size_t mine = 0;
    for (const auto& marker : present) {
      if (!marker.starts_with(w.prefix))
        continue;  // the set-up's answers, the partner's agreements
      EXPECT_TRUE(w.sent.contains(marker)) << "never sent: " << marker;
      if (!w.acknowledged.contains(marker)) ++mine;
    }
    // Only the one request in flight at the kill may have committed without its answer.
    EXPECT_LE(mine, 1u);
    EXPECT_GT(w.acknowledged.size(), 10u) << "the run wrote too little to prove anything";
    EXPECT_FALSE(w.bad_statuses.empty());
    acknowledged += w.acknowledged.size();
    bad += w.bad_statuses.size();
    unacknowledged_present += mine;
  }
  std::cout << "[ durability ] " << writer_count << " writers: " << acknowledged
            << " acknowledged writes, " << bad << " bad requests refused, "
            << unacknowledged_present << " in-flight writes committed, in "
            << std::chrono::duration_cast<std::chrono::milliseconds>(wrote_for).count() << " ms\n";
}

TEST_P(Durability, EveryAcknowledgedWriteSurvivesSigkillAndBadInputLeavesNoTrace) {
  write_kill_and_check(*server, kWriters);
}

// With many writers at once the kill lands while batches are being written and committed:
// a request is answered only once its batch is durable, so none answered is lost, and each
// writer's one request in flight is the most that may have been kept unanswered.
TEST_P(Durability, EveryAcknowledgedWriteSurvivesAKillWhileBatchesAreInFlight) {
  write_kill_and_check(*server, kManyWriters);
}

TEST_P(Durability, RetryAfterCrashReplaysTheFirstAnswerAndWritesOnce) {
  Api before = api();
  auto writers = couples(before);
  const Writer& w = writers[0];
  const TestHeaders intake_key{{"Idempotency-Key", "intake-retry-1"}};
  const TestHeaders agreement_key{{"Idempotency-Key", "agreement-retry-1"}};
  const std::string intake_path = "/api/v1/relationships/" + w.rid + "/intake";
  const std::string agreements_path = "/api/v1/relationships/" + w.rid + "/agreements";
  const std::string intake = json{{"kind", "desire"}, {"text", "once-only"}}.dump();
  json terms = w.agreement_terms;
  terms["pause_word"] = "once-only-word";
  const auto first_intake = before.call("POST", intake_path, intake, &w.person, intake_key);
  const auto first_agreement =
      before.call("POST", agreements_path, terms.dump(), &w.person, agreement_key);
  ASSERT_EQ(first_intake.status, 201) << first_intake.body;
  ASSERT_EQ(first_agreement.status, 201) << first_agreement.body;

  crash_and_restart();  // right after the acknowledgement, as if the answer got lost on the way
  Api after = api();
  const auto retried_intake = after.call("POST", intake_path, intake, &w.person, intake_key);
  const auto retried_agreement =
      after.call("POST", agreements_path, terms.dump(), &w.person, agreement_key);
  EXPECT_EQ(retried_intake.status, 201);
  EXPECT_EQ(retried_intake.body, first_intake.body);
  EXPECT_EQ(retried_agreement.status, 201);
  EXPECT_EQ(retried_agreement.body, first_agreement.body);

  auto entries = json::parse(after.call("GET", intake_path, "", &w.person).body)["entries"];
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["id"], json::parse(first_intake.body)["id"]);
  auto agreements =
      json::parse(after.call("GET", agreements_path, "", &w.person).body)["agreements"];
  ASSERT_EQ(agreements.size(), 1u);
  EXPECT_EQ(agreements[0]["id"], json::parse(first_agreement.body)["id"]);

  // The key is still bound to its first body after the restart.
  const auto reused =
      after.call("POST", intake_path, json{{"kind", "desire"}, {"text", "other"}}.dump(), &w.person,
                 intake_key);
  EXPECT_EQ(reused.status, 422);
  EXPECT_EQ(error_code(reused), "idempotency_key_reused");
  EXPECT_EQ(json::parse(after.call("GET", intake_path, "", &w.person).body)["entries"].size(), 1u);
}

// Sends copies of one request at the same moment, each on its own connection.
std::vector<TestResponse> send_at_once(std::uint16_t port, int copies, const std::string& path,
                                       const std::string& body, const TestHeaders& headers) {
  std::vector<TestResponse> answers(static_cast<std::size_t>(copies));
  std::latch connected(copies);
  std::vector<std::thread> threads;
  for (auto& answer : answers) {
    threads.emplace_back([&] {
      std::unique_ptr<TestClient> client;
      try {
        client = std::make_unique<TestClient>(port);
      } catch (const std::exception&) {  // no answer (status 0) fails the caller's check
      }
      connected.arrive_and_wait();  // then all at once, as closely as the machine allows
      try {
        if (client) answer = client->request("POST", path, body, headers);
      } catch (const std::exception&) {
      }
    });
  }
  for (auto& t : threads) t.join();
  return answers;
}

// A client that times out and retries while its first attempt still runs sends the same
// request twice at once; the key must still let exactly one of them write.
TEST_P(Durability, SimultaneousCopiesOfOneKeyedWriteWriteOnce) {
  Api setup = api();
  Person me = setup.sign_up("Ida");
  const std::string path = "/api/v1/relationships/" + setup.relationship({&me}) + "/intake";
  constexpr int kRounds = 5;
  constexpr int kCopies = 8;
  for (int round = 0; round < kRounds; ++round) {
    const std::string text = "sent eight times, round " + std::to_string(round);
    const std::string body = json{{"kind", "hurt"}, {"text", text}}.dump();
    const TestHeaders key{{"Idempotency-Key", "same-moment-" + std::to_string(round)}};
    TestHeaders headers = key;
    headers.insert(headers.end(),
                   {{"Authorization", "Bearer " + me.token}, {"Content-Type", "application/json"}});
    // A copy that arrived while another ran is told to come back, and then gets the replay.
    std::set<std::string> bodies;
    for (auto& answer : send_at_once(server->port(), kCopies, path, body, headers)) {
      for (int attempt = 0; answer.status == 503 && attempt < 40; ++attempt) {
        EXPECT_EQ(error_code(answer), "busy");
        std::this_thread::sleep_for(50ms);
        answer = setup.call("POST", path, body, &me, key);
      }
      EXPECT_EQ(answer.status, 201) << answer.body;
      bodies.insert(answer.body);
    }
    EXPECT_EQ(bodies.size(), 1u) << "round " << round;
    const json entries = json::parse(setup.call("GET", path, "", &me).body)["entries"];
    EXPECT_EQ(std::count_if(entries.begin(), entries.end(),
                            [&](const json& entry) { return entry["text"] == text; }),
              1)
        << "round " << round;
  }
}

INSTANTIATE_TEST_SUITE_P(Stores, Durability,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) {
                           return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace attune::http::test
