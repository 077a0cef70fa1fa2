// Idempotency keys (I7): a retried request gets the first response back, a key reused with
// another body is refused, a key is claimed by one request at a time, keys are scoped to
// their caller, and records expire.
#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using std::chrono::milliseconds;

constexpr const char* kBody = R"({"name":"Us"})";
constexpr const char* kPath = "/api/v1/relationships";

class IdempotencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(claim("alex", "key-1").value().has_value());
    idempotency().finish("alex", "POST", kPath, "key-1", {201, R"({"id":"r1"})"});
  }
  Idempotency& idempotency() { return world.services.idempotency; }
  core::Result<std::optional<StoredResponse>> claim(const std::string& caller,
                                                    const std::string& key,
                                                    const std::string& body = kBody) {
    return idempotency().claim(caller, "POST", kPath, key, body);
  }

  // Claims key-2 for the person and runs a relationship's creation as the request would,
  // with the claim marked inside its write.
  core::Result<std::string> create_under_claim(const Person& who, const std::string& name) {
    if (claim(who.id, "key-2").value().has_value()) throw std::logic_error("key-2 is not free");
    store::CommitHook mark(idempotency().mark_written(who.id, "POST", kPath, "key-2"));
    return world.services.relationships.create(who.actor, name);
  }

  World world;
};

TEST_F(IdempotencyTest, NewKeyIsClaimedAndReplaysNothing) {
  auto claimed = claim("alex", "key-2");
  ASSERT_TRUE(claimed);
  EXPECT_FALSE(claimed->has_value());
}

TEST_F(IdempotencyTest, SameRequestReplaysTheStoredResponse) {
  auto found = claim("alex", "key-1");
  ASSERT_TRUE(found);
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->status, 201);
  EXPECT_EQ((*found)->body, R"({"id":"r1"})");
}

TEST_F(IdempotencyTest, SameKeyWithAnotherBodyIsRefused) {
  EXPECT_EQ(code_of(claim("alex", "key-1", R"({"name":"Them"})")), "idempotency_key_reused");
}

TEST_F(IdempotencyTest, ACopyArrivingWhileTheFirstRunsIsToldToComeBack) {
  ASSERT_FALSE(claim("alex", "key-2").value().has_value());
  auto copy = claim("alex", "key-2");
  EXPECT_EQ(code_of(copy), "busy");
  EXPECT_GT(copy.error().retry_after_seconds, 0);
  idempotency().finish("alex", "POST", kPath, "key-2", {201, R"({"id":"r2"})"});
  auto later = claim("alex", "key-2");
  ASSERT_TRUE(later && later->has_value());
  EXPECT_EQ((*later)->body, R"({"id":"r2"})");
}

TEST_F(IdempotencyTest, ReleasedClaimLetsARetryRun) {
  ASSERT_FALSE(claim("alex", "key-2").value().has_value());
  idempotency().release("alex", "POST", kPath, "key-2");
  auto retry = claim("alex", "key-2");
  ASSERT_TRUE(retry);
  EXPECT_FALSE(retry->has_value());
}

TEST_F(IdempotencyTest, ReleaseNeverDropsAFinishedResponse) {
  idempotency().release("alex", "POST", kPath, "key-1");
  auto found = claim("alex", "key-1");
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->status, 201);
}

TEST_F(IdempotencyTest, ClaimLeftByADeadServerIsTakenOverAfterItsLease) {
  ASSERT_FALSE(claim("alex", "key-2").value().has_value());  // and never finished
  world.advance(milliseconds(29'000));
  EXPECT_EQ(code_of(claim("alex", "key-2")), "busy");
  world.advance(milliseconds(1'000));
  auto retry = claim("alex", "key-2");
  ASSERT_TRUE(retry);
  EXPECT_FALSE(retry->has_value());
}

// The server died after the request's write committed and before its answer was kept:
// the retry must not run the write again, and says so once the claim's lease is over.
TEST_F(IdempotencyTest, AWriteCommittedUnderAClaimIsNeverRunAgain) {
  const Person alex = world.person("Alex");
  ASSERT_TRUE(create_under_claim(alex, "Us"));
  idempotency().release(alex.id, "POST", kPath, "key-2");  // a late failure gives up nothing
  EXPECT_EQ(code_of(claim(alex.id, "key-2")), "busy");
  world.advance(milliseconds(30'000));
  EXPECT_EQ(code_of(claim(alex.id, "key-2")), "idempotency_outcome_unknown");
  EXPECT_EQ(world.services.relationships.list(alex.actor).size(), 1u);
}

TEST_F(IdempotencyTest, AClaimWhoseWriteRolledBackIsTakenOverAfterItsLease) {
  const Person alex = world.person("Alex");
  EXPECT_FALSE(create_under_claim(alex, ""));  // refused: nothing is written
  world.advance(milliseconds(30'000));
  auto retry = claim(alex.id, "key-2");
  ASSERT_TRUE(retry);
  EXPECT_FALSE(retry->has_value());
}

TEST_F(IdempotencyTest, AFinishedAnswerReplacesTheWrittenMark) {
  const Person alex = world.person("Alex");
  ASSERT_TRUE(create_under_claim(alex, "Us"));
  idempotency().finish(alex.id, "POST", kPath, "key-2", {201, R"({"id":"r2"})"});
  world.advance(milliseconds(60'000));
  auto found = claim(alex.id, "key-2");
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->body, R"({"id":"r2"})");
}

TEST_F(IdempotencyTest, AnotherCallersSameKeyNeverReplays) {
  auto found = claim("blake", "key-1");
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->has_value());
}

TEST_F(IdempotencyTest, KeyIsScopedToMethodAndPath) {
  auto other_path = idempotency().claim("alex", "POST", "/api/v1/intake", "key-1", kBody);
  auto other_method = idempotency().claim("alex", "PUT", kPath, "key-1", kBody);
  ASSERT_TRUE(other_path && other_method);
  EXPECT_FALSE(other_path->has_value());
  EXPECT_FALSE(other_method->has_value());
}

TEST_F(IdempotencyTest, RecordExpiresAfterItsTtl) {
  const auto ttl = std::chrono::duration_cast<milliseconds>(world.context.config.idempotency_ttl);
  world.advance(ttl - milliseconds(1));
  auto before = claim("alex", "key-1");
  ASSERT_TRUE(before);
  EXPECT_TRUE(before->has_value());
  world.advance(milliseconds(1));
  auto after = claim("alex", "key-1", R"({"other":1})");
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->has_value());
}

TEST_F(IdempotencyTest, ResponseIsSealedAtRest) {
  EXPECT_EQ(
      world.count("SELECT COUNT(*) FROM idempotency_records WHERE instr(response_sealed, ?) > 0",
                  {store::blob("\"r1\"")}),
      0);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM idempotency_records"), 1);
}

}  // namespace
}  // namespace attune::app::testing
