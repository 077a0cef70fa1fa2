// What the hot requests ask of the store (issue 13 item 2), counted on this thread through
// store::statement_counts(): a request runs on one thread, so the difference of two readings
// around it is its work. Each request is what the HTTP layer runs for it: the session check,
// the rate limit for a write, then the use case. A read request runs in one read
// transaction (store/request_reads.h), its session check included.
#include <gtest/gtest.h>

#include "app/app_fixture.h"
#include "store/request_reads.h"
#include "store/statement_counts.h"

namespace attune::app::testing {
namespace {

// The bounds: for a shared view the session, the membership, and every active member's key
// and answers (the active partners come from the same rows); a write adds its own rows and
// the live agreements it might void.
constexpr std::int64_t kSharedViewStatements = 3;
constexpr std::int64_t kBoundaryWriteStatements = 6;

struct Work {
  std::int64_t statements = 0;
  std::int64_t compiles = 0;
  std::int64_t transactions = 0;
  std::int64_t write_transactions = 0;
};

template <class F>
Work work_of(F&& request) {
  const store::StatementCounts before = store::statement_counts();
  request();
  const store::StatementCounts after = store::statement_counts();
  return {after.statements - before.statements, after.compiles - before.compiles,
          after.transactions - before.transactions,
          after.write_transactions - before.write_transactions};
}

class StatementsPerRequest : public ::testing::Test {
 protected:
  void SetUp() override {
    group_ = world_.relationship(2);
    world_.signed_agreement(group_);  // a live agreement every answer change must check
  }

  // GET …/boundaries/shared as the HTTP layer runs it, for the second partner.
  void shared_view_read() {
    store::RequestReadScope one_read(world_.context.db);
    auto actor = world_.services.sessions.authenticate(group_.people[1].token);
    ASSERT_TRUE(actor);
    ASSERT_TRUE(world_.services.boundaries.shared(*actor, group_.rid, {}));
  }

  // PUT …/boundaries/mine/{item} as the HTTP layer runs it, on an item no agreement uses.
  void boundary_write(core::Answer answer) {
    auto actor = world_.services.sessions.authenticate(group_.people[1].token);
    ASSERT_TRUE(actor);
    ASSERT_TRUE(world_.services.rate_limiter.hit("write", actor->account_id, "127.0.0.1",
                                                 world_.context.config.write_limit));
    ASSERT_TRUE(world_.services.boundaries.answer(*actor, group_.rid, "eye-contact", answer, ""));
  }

  World world_;
  Group group_;
};

TEST_F(StatementsPerRequest, ASharedViewReadCompilesNothingAfterItsFirstTime) {
  shared_view_read();
  const Work work = work_of([&] { shared_view_read(); });
  EXPECT_EQ(work.compiles, 0);
  EXPECT_LE(work.statements, kSharedViewStatements);
  EXPECT_EQ(work.transactions, 1);
  EXPECT_EQ(work.write_transactions, 0);
}

TEST_F(StatementsPerRequest, ABoundaryWriteCompilesNothingAfterItsFirstTime) {
  boundary_write(core::Answer::kYes);
  const Work work = work_of([&] { boundary_write(core::Answer::kNo); });
  EXPECT_EQ(work.compiles, 0);
  EXPECT_LE(work.statements, kBoundaryWriteStatements);
  // The session check's read, then the answer's write.
  EXPECT_EQ(work.transactions, 2);
  EXPECT_EQ(work.write_transactions, 1);
}

// Issue 15 item 6: what the read costs must not tell how much the partner answered.
TEST_F(StatementsPerRequest, ASharedViewReadDoesTheSameWorkWhateverThePartnerAnswered) {
  shared_view_read();
  const Work before_answers = work_of([&] { shared_view_read(); });
  for (const auto& item : world_.context.content.catalogue.items) {
    world_.answer(group_.people[0], group_.rid, item.id, core::Answer::kNo);
  }
  const Work after_answers = work_of([&] { shared_view_read(); });
  EXPECT_EQ(after_answers.statements, before_answers.statements);
  EXPECT_EQ(after_answers.transactions, before_answers.transactions);
  EXPECT_EQ(after_answers.compiles, 0);
}

}  // namespace
}  // namespace attune::app::testing
