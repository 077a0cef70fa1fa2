// What is kept in memory between requests (issue 13 item 6): unwrapped data keys and
// opened agreement terms are used again within their lifetime, and dropped at once when
// their owner is deleted or leaves, so no later request decrypts with them.
#include <gtest/gtest.h>

#include <string>

#include "app/consent/terms_cache.h"
#include "app/data_keys.h"
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

template <class F>
std::int64_t unwraps_during(F&& work) {
  const auto before = data_key_unwraps();
  work();
  return data_key_unwraps() - before;
}

template <class F>
std::int64_t terms_opened_during(F&& work) {
  const auto before = terms_opened();
  work();
  return terms_opened() - before;
}

class KeptKeys : public ::testing::Test {
 protected:
  void SetUp() override { group_ = world_.relationship(2); }

  void shared_view(int who) {
    ASSERT_TRUE(world_.services.boundaries.shared(group_.people.at(who).actor, group_.rid, {}));
  }

  World world_;
  Group group_;
};

TEST_F(KeptKeys, ARepeatedReadWithinTheLifetimeUnwrapsNoKey) {
  shared_view(1);
  EXPECT_TRUE(data_key_kept(KeyOwner::kPerson, group_.people[0].id));
  EXPECT_EQ(unwraps_during([&] { shared_view(1); }), 0);
}

TEST_F(KeptKeys, DeletingAnAccountDropsItsKeyAtOnce) {
  shared_view(1);
  ASSERT_TRUE(data_key_kept(KeyOwner::kPerson, group_.people[0].id));
  const Person& leaving = group_.people[0];
  ASSERT_TRUE(world_.services.accounts.delete_account(leaving.actor, leaving.password));
  EXPECT_FALSE(data_key_kept(KeyOwner::kPerson, leaving.id));
  // The partner's next read neither finds nor keeps it again.
  shared_view(1);
  EXPECT_FALSE(data_key_kept(KeyOwner::kPerson, leaving.id));
  EXPECT_TRUE(data_key_kept(KeyOwner::kPerson, group_.people[1].id));
}

TEST_F(KeptKeys, LeavingARelationshipDropsItsKeyAndTermsAtOnce) {
  const auto agreement = world_.signed_agreement(group_);
  ASSERT_TRUE(world_.services.agreements.get(group_.people[1].actor, agreement.id));
  ASSERT_TRUE(data_key_kept(KeyOwner::kRelationship, group_.rid));
  ASSERT_TRUE(world_.services.relationships.leave(group_.people[0].actor, group_.rid));
  EXPECT_FALSE(data_key_kept(KeyOwner::kRelationship, group_.rid));
  // The voided agreement is read afresh: its terms were dropped with the relationship's.
  EXPECT_EQ(terms_opened_during([&] {
              ASSERT_TRUE(world_.services.agreements.get(group_.people[1].actor, agreement.id));
            }),
            1);
}

TEST_F(KeptKeys, AgreementTermsAreOpenedOncePerVersion) {
  const auto draft = world_.draft(group_, "amber");
  const Actor& reader = group_.people[1].actor;
  ASSERT_TRUE(world_.services.agreements.get(reader, draft.id));
  EXPECT_EQ(
      terms_opened_during([&] { ASSERT_TRUE(world_.services.agreements.get(reader, draft.id)); }),
      0);

  auto changed =
      world_.services.agreements.update(group_.people[0].actor, draft.id, world_.terms("cobalt"));
  ASSERT_TRUE(changed);
  ASSERT_GT(changed->version, draft.version);
  auto read = world_.services.agreements.get(reader, draft.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->version, changed->version);
  EXPECT_EQ(read->terms.pause_word, "cobalt");
}

}  // namespace
}  // namespace attune::app::testing
