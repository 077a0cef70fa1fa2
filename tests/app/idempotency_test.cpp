// Idempotency keys (I7): a retried request gets the first response back, a key reused with
// another body is refused, keys are scoped to their caller, and records expire.
#include <gtest/gtest.h>

#include <chrono>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using std::chrono::milliseconds;

constexpr const char* kBody = R"({"name":"Us"})";

class IdempotencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    idempotency().remember("alex", "POST", "/api/v1/relationships", "key-1", kBody,
                           {201, R"({"id":"r1"})"});
  }
  Idempotency& idempotency() { return world.services.idempotency; }

  World world;
};

TEST_F(IdempotencyTest, NewKeyFindsNothing) {
  auto found = idempotency().find("alex", "POST", "/api/v1/relationships", "key-2", kBody);
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->has_value());
}

TEST_F(IdempotencyTest, SameRequestReplaysTheStoredResponse) {
  auto found = idempotency().find("alex", "POST", "/api/v1/relationships", "key-1", kBody);
  ASSERT_TRUE(found);
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->status, 201);
  EXPECT_EQ((*found)->body, R"({"id":"r1"})");
}

TEST_F(IdempotencyTest, SameKeyWithAnotherBodyIsRefused) {
  auto found =
      idempotency().find("alex", "POST", "/api/v1/relationships", "key-1", R"({"name":"Them"})");
  EXPECT_EQ(code_of(found), "idempotency_key_reused");
}

TEST_F(IdempotencyTest, AnotherCallersSameKeyNeverReplays) {
  auto found = idempotency().find("blake", "POST", "/api/v1/relationships", "key-1", kBody);
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->has_value());
}

TEST_F(IdempotencyTest, KeyIsScopedToMethodAndPath) {
  auto other_path = idempotency().find("alex", "POST", "/api/v1/intake", "key-1", kBody);
  auto other_method = idempotency().find("alex", "PUT", "/api/v1/relationships", "key-1", kBody);
  ASSERT_TRUE(other_path && other_method);
  EXPECT_FALSE(other_path->has_value());
  EXPECT_FALSE(other_method->has_value());
}

TEST_F(IdempotencyTest, RecordExpiresAfterItsTtl) {
  const auto ttl = std::chrono::duration_cast<milliseconds>(world.context.config.idempotency_ttl);
  world.advance(ttl - milliseconds(1));
  auto before = idempotency().find("alex", "POST", "/api/v1/relationships", "key-1", kBody);
  ASSERT_TRUE(before);
  EXPECT_TRUE(before->has_value());
  world.advance(milliseconds(1));
  auto after =
      idempotency().find("alex", "POST", "/api/v1/relationships", "key-1", R"({"other":1})");
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
