// Private means private (I4), through intake: private entries reach nobody, a share reaches
// exactly the partners of that moment, revocation is immediate, "therapist" does not reach
// partners, and only the author can change or delete an entry.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/consent/entry_records.h"
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using core::Visibility;

class SharingTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(2); }

  std::string write(int author, Visibility visibility, const std::string& text = "words") {
    auto id = world.services.intake.create(group.people[static_cast<std::size_t>(author)].actor,
                                           group.rid, "hurt", text, visibility);
    if (!id) throw std::runtime_error(id.error().message);
    return *id;
  }

  // The entry ids a person can read in the relationship.
  std::vector<std::string> readable(const Person& who) {
    std::vector<std::string> ids;
    const auto entries = world.services.intake.list(who.actor, group.rid);
    for (const auto& entry : *entries) ids.push_back(entry.id);
    return ids;
  }

  bool sees(const Person& who, const std::string& entry) {
    auto ids = readable(who);
    return std::find(ids.begin(), ids.end(), entry) != ids.end();
  }

  Person& person(int i) { return group.people[static_cast<std::size_t>(i)]; }

  World world;
  Group group;
};

TEST_F(SharingTest, PrivateEntryIsSeenOnlyByItsAuthor) {
  auto entry = write(0, Visibility::kPrivate);
  EXPECT_TRUE(sees(person(0), entry));
  EXPECT_FALSE(sees(person(1), entry));
  auto own = world.services.intake.list(person(0).actor, group.rid);
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ((*own)[0].visibility, Visibility::kPrivate);
  EXPECT_TRUE((*own)[0].mine);
}

TEST_F(SharingTest, SharedEntryReachesCurrentPartnersWithItsAuthorsName) {
  auto entry = write(0, Visibility::kPartners, "shared words");
  auto seen = world.services.intake.list(person(1).actor, group.rid);
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ((*seen)[0].id, entry);
  EXPECT_EQ((*seen)[0].text, "shared words");
  EXPECT_FALSE((*seen)[0].mine);
  EXPECT_EQ((*seen)[0].author_name, "Partner 1");
}

TEST_F(SharingTest, LaterNewcomerDoesNotSeeEarlierShares) {
  auto before = write(0, Visibility::kPartners);
  auto both = write(1, Visibility::kPartnersAndTherapist);
  Person carol = world.person("Carol");
  world.join(group, carol);
  auto after = write(0, Visibility::kPartners);
  EXPECT_FALSE(sees(carol, before));
  EXPECT_FALSE(sees(carol, both));
  EXPECT_TRUE(sees(carol, after));
  EXPECT_TRUE(sees(person(1), after));
}

TEST_F(SharingTest, EditingOrWideningAnEarlierShareDoesNotReachANewcomer) {
  auto entry = write(0, Visibility::kPartners);
  Person carol = world.person("Carol");
  world.join(group, carol);
  ASSERT_TRUE(
      world.services.intake.update(person(0).actor, entry, std::string("edited"), std::nullopt));
  ASSERT_TRUE(world.services.intake.update(person(0).actor, entry, std::nullopt,
                                           Visibility::kPartnersAndTherapist));
  EXPECT_FALSE(sees(carol, entry));
  EXPECT_TRUE(sees(person(1), entry));
}

TEST_F(SharingTest, UnsharingIsImmediate) {
  auto entry = write(0, Visibility::kPartners);
  ASSERT_TRUE(sees(person(1), entry));
  ASSERT_TRUE(
      world.services.intake.update(person(0).actor, entry, std::nullopt, Visibility::kPrivate));
  EXPECT_FALSE(sees(person(1), entry));
  EXPECT_TRUE(sees(person(0), entry));
}

TEST_F(SharingTest, TherapistVisibilityDoesNotReachPartners) {
  auto entry = write(0, Visibility::kTherapist);
  EXPECT_FALSE(sees(person(1), entry));
  auto shared = write(0, Visibility::kPartners);
  ASSERT_TRUE(
      world.services.intake.update(person(0).actor, shared, std::nullopt, Visibility::kTherapist));
  EXPECT_FALSE(sees(person(1), shared));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM entry_audience"), 0);
}

TEST_F(SharingTest, OnlyTheAuthorCanEditOrDelete) {
  auto entry = write(0, Visibility::kPartners, "original");
  auto& intake = world.services.intake;
  EXPECT_EQ(code_of(intake.update(person(1).actor, entry, std::string("changed"), std::nullopt)),
            "not_found");
  EXPECT_EQ(code_of(intake.update(person(1).actor, entry, std::nullopt, Visibility::kPrivate)),
            "not_found");
  EXPECT_EQ(code_of(intake.remove(person(1).actor, entry)), "not_found");
  auto seen = intake.list(person(1).actor, group.rid);
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ((*seen)[0].text, "original");
  EXPECT_EQ((*seen)[0].visibility, Visibility::kPartners);

  EXPECT_EQ(code_of(intake.remove(person(0).actor, entry)), "ok");
  EXPECT_FALSE(sees(person(1), entry));
  EXPECT_FALSE(sees(person(0), entry));
  EXPECT_EQ(code_of(intake.remove(person(0).actor, entry)), "not_found");
}

TEST_F(SharingTest, EntriesStayInTheirRelationship) {
  write(0, Visibility::kPartners);
  Group elsewhere = world.relationship_of({person(0), person(1)});
  EXPECT_TRUE(world.services.intake.list(person(1).actor, elsewhere.rid)->empty());
  EXPECT_TRUE(world.services.intake.list(person(0).actor, elsewhere.rid)->empty());
  EXPECT_EQ(readable(person(1)).size(), 1u);
}

TEST_F(SharingTest, IntakeChecksKindAndText) {
  auto& intake = world.services.intake;
  EXPECT_EQ(code_of(intake.create(person(0).actor, group.rid, "secret", "x", Visibility::kPrivate)),
            "invalid_field");
  EXPECT_EQ(code_of(intake.create(person(0).actor, group.rid, "hurt", " ", Visibility::kPrivate)),
            "missing_field");
  EXPECT_EQ(code_of(intake.create(person(0).actor, group.rid, "hurt", std::string(4001, 'x'),
                                  Visibility::kPrivate)),
            "field_too_long");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM entries"), 0);
}

// What an export of the author's own rows reads: every entry they wrote in the relationship,
// whatever its visibility, oldest first, and nobody else's.
TEST_F(SharingTest, OwnEntriesAreEverythingTheAuthorWroteThereOldestFirst) {
  auto first = write(0, Visibility::kPrivate, "first");
  world.advance(std::chrono::milliseconds(5));
  auto second = write(0, Visibility::kPartners, "second");
  write(1, Visibility::kPartners, "not mine");
  world.advance(std::chrono::milliseconds(5));
  write(0, Visibility::kTherapist, "third");
  Group elsewhere = world.relationship_of({person(0), person(1)});
  ASSERT_TRUE(world.services.intake.create(person(0).actor, elsewhere.rid, "safe", "other place",
                                           Visibility::kPrivate));
  auto tx = world.context.db.begin(store::TxMode::kRead);
  auto membership = world.context.policy.own_membership(*tx, person(0).actor, group.rid);
  ASSERT_TRUE(membership);
  auto entries = own_entries(world.context, *tx, *membership);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].id, first);
  EXPECT_EQ(entries[0].visibility, Visibility::kPrivate);
  EXPECT_NE(entries[0].body.find("first"), std::string::npos);
  EXPECT_EQ(entries[1].id, second);
  for (const auto& entry : entries) {
    EXPECT_EQ(entry.author_id, person(0).id);
    EXPECT_EQ(entry.relationship_id, group.rid);
    EXPECT_EQ(entry.feature, "intake");
  }
}

}  // namespace
}  // namespace attune::app::testing
