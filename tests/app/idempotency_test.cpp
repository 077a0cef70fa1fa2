// Idempotency keys (I7): a retried request gets the first response back, a key reused with
// another body is refused, a key is claimed by one request at a time, a write committed
// under a claim never runs twice (not after a crash, not after a takeover), keys are
// scoped to their caller, records expire, and a kept response is sealed under its caller's
// own data key.
#include "app/request/idempotency.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using std::chrono::milliseconds;
using ClaimResult = base::Result<std::variant<StoredResponse, Claim>>;

constexpr const char* kBody = R"({"name":"Us"})";
constexpr const char* kPath = "/api/v1/relationships";

const StoredResponse* replay_in(const ClaimResult& result) {
  return result ? std::get_if<StoredResponse>(&*result) : nullptr;
}
const Claim* claim_in(const ClaimResult& result) {
  return result ? std::get_if<Claim>(&*result) : nullptr;
}

class IdempotencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto first = claim(alex, "key-1");
    ASSERT_TRUE(claim_in(first));
    idempotency().finish(*claim_in(first), {201, R"({"id":"r1"})"});
  }
  Idempotency& idempotency() { return world.services.idempotency; }
  ClaimResult claim(const Person& who, const std::string& key, const std::string& body = kBody) {
    return idempotency().claim(who.id, "POST", kPath, key, body);
  }
  // Claims the key and creates a relationship as the request would, with the claim marked
  // inside its write.
  base::Result<std::string> create_under(const Claim& held, const Person& who,
                                         const std::string& name) {
    Actor marking = who.actor;
    marking.on_commit = idempotency().mark_written(held);
    return world.services.relationships.create(marking, name);
  }
  Claim must_claim(const Person& who, const std::string& key) {
    auto result = claim(who, key);
    if (!claim_in(result)) throw std::logic_error(key + " is not free");
    return *claim_in(result);
  }

  World world;
  Person alex = world.person("Alex");
  Person blake = world.person("Blake");
};

TEST_F(IdempotencyTest, NewKeyIsClaimed) { EXPECT_TRUE(claim_in(claim(alex, "key-2"))); }

TEST_F(IdempotencyTest, SameRequestReplaysTheStoredResponse) {
  auto found = claim(alex, "key-1");
  ASSERT_TRUE(replay_in(found));
  EXPECT_EQ(replay_in(found)->status, 201);
  EXPECT_EQ(replay_in(found)->body, R"({"id":"r1"})");
}

TEST_F(IdempotencyTest, SameKeyWithAnotherBodyIsRefused) {
  EXPECT_EQ(code_of(claim(alex, "key-1", R"({"name":"Them"})")), "idempotency_key_reused");
}

TEST_F(IdempotencyTest, ACopyArrivingWhileTheFirstRunsIsToldToComeBack) {
  const Claim first = must_claim(alex, "key-2");
  auto copy = claim(alex, "key-2");
  EXPECT_EQ(code_of(copy), "busy");
  EXPECT_GT(copy.error().retry_after_seconds, 0);
  idempotency().finish(first, {201, R"({"id":"r2"})"});
  auto later = claim(alex, "key-2");
  ASSERT_TRUE(replay_in(later));
  EXPECT_EQ(replay_in(later)->body, R"({"id":"r2"})");
}

TEST_F(IdempotencyTest, ReleasedClaimLetsARetryRun) {
  idempotency().release(must_claim(alex, "key-2"));
  EXPECT_TRUE(claim_in(claim(alex, "key-2")));
}

TEST_F(IdempotencyTest, ClaimLeftByADeadServerIsTakenOverAfterItsLease) {
  must_claim(alex, "key-2");  // and never finished
  world.advance(milliseconds(29'000));
  EXPECT_EQ(code_of(claim(alex, "key-2")), "busy");
  world.advance(milliseconds(1'000));
  EXPECT_TRUE(claim_in(claim(alex, "key-2")));
}

// The server died after the request's write committed and before its answer was kept:
// the retry must not run the write again, and says so once the claim's lease is over.
TEST_F(IdempotencyTest, AWriteCommittedUnderAClaimIsNeverRunAgain) {
  const Claim held = must_claim(alex, "key-2");
  ASSERT_TRUE(create_under(held, alex, "Us"));
  idempotency().release(held);  // a late failure gives up nothing once written
  EXPECT_EQ(code_of(claim(alex, "key-2")), "busy");
  world.advance(milliseconds(30'000));
  EXPECT_EQ(code_of(claim(alex, "key-2")), "idempotency_outcome_unknown");
  EXPECT_EQ(world.services.relationships.list(alex.actor).size(), 1u);
}

TEST_F(IdempotencyTest, AClaimWhoseWriteRolledBackIsTakenOverAfterItsLease) {
  const Claim held = must_claim(alex, "key-2");
  EXPECT_EQ(code_of(create_under(held, alex, "")), "missing_field");  // nothing written
  world.advance(milliseconds(30'000));
  EXPECT_TRUE(claim_in(claim(alex, "key-2")));
}

TEST_F(IdempotencyTest, AFinishedAnswerReplacesTheWrittenMark) {
  const Claim held = must_claim(alex, "key-2");
  ASSERT_TRUE(create_under(held, alex, "Us"));
  ASSERT_TRUE(create_under(held, alex, "Us too"));  // a second write of the same request
  idempotency().finish(held, {201, R"({"id":"r2"})"});
  world.advance(milliseconds(60'000));
  auto found = claim(alex, "key-2");
  ASSERT_TRUE(replay_in(found));
  EXPECT_EQ(replay_in(found)->body, R"({"id":"r2"})");
}

// The first copy stalled past its lease and a retry took the key over: when the stalled
// copy finally writes, its write is rolled back, so the request happens once.
TEST_F(IdempotencyTest, AWriteWhoseClaimWasTakenOverIsRolledBack) {
  const Claim stalled = must_claim(alex, "key-2");
  world.advance(milliseconds(30'000));
  const Claim retry = must_claim(alex, "key-2");
  ASSERT_TRUE(create_under(retry, alex, "Us"));
  idempotency().finish(retry, {201, R"({"id":"retry"})"});
  EXPECT_THROW((void)create_under(stalled, alex, "Us"), RequestSuperseded);
  idempotency().finish(stalled, {201, R"({"id":"stalled"})"});  // changes nothing
  EXPECT_EQ(world.services.relationships.list(alex.actor).size(), 1u);
  auto found = claim(alex, "key-2");
  ASSERT_TRUE(replay_in(found));
  EXPECT_EQ(replay_in(found)->body, R"({"id":"retry"})");
}

TEST_F(IdempotencyTest, AnotherCallersSameKeyNeverReplays) {
  EXPECT_TRUE(claim_in(claim(blake, "key-1")));
}

TEST_F(IdempotencyTest, KeyIsScopedToMethodAndPath) {
  EXPECT_TRUE(claim_in(idempotency().claim(alex.id, "POST", "/api/v1/intake", "key-1", kBody)));
  EXPECT_TRUE(claim_in(idempotency().claim(alex.id, "PUT", kPath, "key-1", kBody)));
}

TEST_F(IdempotencyTest, RecordExpiresAfterItsTtl) {
  const auto ttl = std::chrono::duration_cast<milliseconds>(world.context.config.idempotency_ttl);
  world.advance(ttl - milliseconds(1));
  EXPECT_TRUE(replay_in(claim(alex, "key-1")));
  world.advance(milliseconds(1));
  EXPECT_TRUE(claim_in(claim(alex, "key-1", R"({"other":1})")));
}

TEST_F(IdempotencyTest, ResponseIsSealedAtRest) {
  EXPECT_EQ(
      world.count("SELECT COUNT(*) FROM idempotency_records WHERE instr(response_sealed, ?) > 0",
                  {store::blob("\"r1\"")}),
      0);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM idempotency_records"), 1);
}

// A kept answer can hold what the person wrote (a boundary note echoed back): it is sealed
// under their data key, so deleting the account leaves it unreadable to anyone.
TEST_F(IdempotencyTest, AKeptResponseIsShreddedWithItsAccount) {
  ASSERT_TRUE(world.services.accounts.delete_account(alex.actor, alex.password));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM idempotency_records"), 1);  // the bytes remain
  EXPECT_THROW((void)claim(alex, "key-1"), store::Unavailable);           // but never open
}

TEST_F(IdempotencyTest, AnonymousCallersGetTheirResponsesBackToo) {
  auto first = idempotency().claim("anonymous", "POST", "/api/v1/accounts", "k", kBody);
  ASSERT_TRUE(claim_in(first));
  idempotency().finish(*claim_in(first), {201, R"({"id":"new"})"});
  auto again = idempotency().claim("anonymous", "POST", "/api/v1/accounts", "k", kBody);
  ASSERT_TRUE(replay_in(again));
  EXPECT_EQ(replay_in(again)->body, R"({"id":"new"})");
}

}  // namespace
}  // namespace attune::app::testing
