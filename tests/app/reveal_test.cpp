// Mutual-only reveal (I1) through the real use cases: the shared view lists exactly the
// items every partner in the group answered yes or maybe, a "no" and "not answered" look the
// same to everyone else, subgroups include the asker, and unproposed custom items stay private.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <map>
#include <string>
#include <vector>

#include "app/consent/boundary_records.h"
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

const std::vector<std::string> kItems{"eye-contact", "hand-touch", "hugging", "quiet-company",
                                      "sitting-close"};

// How one partner leaves one item: never touched, answered then cleared, or an answer.
enum class Mark { kNeverAnswered, kCleared, kYes, kMaybe, kNo };

void apply(World& world, const Person& who, const std::string& rid, const std::string& item,
           Mark mark) {
  switch (mark) {
    case Mark::kNeverAnswered:
      return;
    case Mark::kCleared:
      world.answer(who, rid, item, core::Answer::kYes);
      world.answer(who, rid, item, core::Answer::kUnset);
      return;
    case Mark::kYes:
      return world.answer(who, rid, item, core::Answer::kYes);
    case Mark::kMaybe:
      return world.answer(who, rid, item, core::Answer::kMaybe);
    case Mark::kNo:
      return world.answer(who, rid, item, core::Answer::kNo);
  }
}

// The rule written out on its own, independent of core::mutual_items.
std::vector<core::SharedItem> reference(const std::vector<std::vector<Mark>>& marks,
                                        const std::vector<std::size_t>& group) {
  std::vector<core::SharedItem> shared;
  for (std::size_t item = 0; item < kItems.size(); ++item) {
    bool open = true;
    bool all_yes = true;
    for (std::size_t member : group) {
      const Mark mark = marks[member][item];
      open = open && (mark == Mark::kYes || mark == Mark::kMaybe);
      all_yes = all_yes && mark == Mark::kYes;
    }
    if (open)
      shared.push_back(
          {kItems[item], all_yes ? core::SharedLevel::kYes : core::SharedLevel::kAskFirst});
  }
  return shared;
}

// Everything a shared view says, as bytes: what the other partner's screen is built from.
std::string rendered(const base::Result<std::vector<core::SharedItem>>& view) {
  if (!view)
    return "error:" + std::string(base::code_name(view.error().code)) + ":" + view.error().message;
  std::string text;
  for (const auto& item : *view) {
    text += item.item_id + "=" + std::string(core::shared_level_name(item.level)) + "\n";
  }
  return text;
}

TEST(Reveal, SharedViewMatchesTheRuleForRandomAnswers) {
  World world;
  std::vector<Person> pool;
  for (int i = 0; i < 4; ++i) pool.push_back(world.person("P" + std::to_string(i)));

  check_property(30, [&] {
    const auto n = *rc::gen::inRange<std::size_t>(2, 5);
    const auto marks = *rc::gen::container<std::vector<std::vector<Mark>>>(
        n, rc::gen::container<std::vector<Mark>>(
               kItems.size(), rc::gen::element(Mark::kNeverAnswered, Mark::kCleared, Mark::kYes,
                                               Mark::kMaybe, Mark::kNo)));
    const auto viewer = *rc::gen::inRange<std::size_t>(0, n);
    const auto others_in_group =
        *rc::gen::container<std::vector<bool>>(n, rc::gen::arbitrary<bool>());

    Group group = world.relationship_of(std::vector<Person>(pool.begin(), pool.begin() + n));
    for (std::size_t p = 0; p < n; ++p) {
      for (std::size_t i = 0; i < kItems.size(); ++i)
        apply(world, group.people[p], group.rid, kItems[i], marks[p][i]);
    }

    std::vector<std::size_t> everyone;
    std::vector<std::size_t> subgroup{viewer};
    std::vector<std::string> with{group.people[viewer].id};
    for (std::size_t p = 0; p < n; ++p) {
      everyone.push_back(p);
      if (p != viewer && others_in_group[p]) {
        subgroup.push_back(p);
        with.push_back(group.people[p].id);
      }
    }
    auto all_view = world.services.boundaries.shared(group.people[viewer].actor, group.rid, {});
    RC_ASSERT(all_view.has_value());
    RC_ASSERT(*all_view == reference(marks, everyone));
    if (subgroup.size() >= 2) {
      auto sub_view = world.services.boundaries.shared(group.people[viewer].actor, group.rid, with);
      RC_ASSERT(sub_view.has_value());
      RC_ASSERT(*sub_view == reference(marks, subgroup));
    }
  });
}

// Three partners: the viewer and another say yes to an item; the third's answer varies.
class NoAndUnsetLookAlike : public ::testing::Test {
 protected:
  void SetUp() override {
    group = world.relationship(3);
    for (int i = 0; i < 2; ++i) {
      world.answer(group.people[i], group.rid, "hand-touch", core::Answer::kYes);
      world.answer(group.people[i], group.rid, "hugging", core::Answer::kMaybe);
    }
    world.agree_exercise_items(group);
  }

  // What the first partner can learn about the third: the shared views for the whole group
  // and for every pair, and the answer to trying to agree on the item.
  std::string what_others_see() {
    const Person& viewer = group.people[0];
    std::string seen = rendered(world.services.boundaries.shared(viewer.actor, group.rid, {}));
    seen += rendered(
        world.services.boundaries.shared(viewer.actor, group.rid, {viewer.id, group.people[2].id}));
    core::AgreementTerms terms = world.terms();
    terms.items.push_back("hand-touch");
    auto attempt = world.services.agreements.create(viewer.actor, group.rid, terms);
    seen += attempt ? "created"
                    : std::string(base::code_name(attempt.error().code)) + attempt.error().message;
    return seen;
  }

  World world;
  Group group;
};

TEST_F(NoAndUnsetLookAlike, SaidNoClearedAndNeverAnsweredAreByteIdentical) {
  const std::string never = what_others_see();
  world.answer(group.people[2], group.rid, "hand-touch", core::Answer::kNo);
  world.answer(group.people[2], group.rid, "hugging", core::Answer::kNo);
  const std::string said_no = what_others_see();
  world.answer(group.people[2], group.rid, "hand-touch", core::Answer::kUnset);
  world.answer(group.people[2], group.rid, "hugging", core::Answer::kUnset);
  const std::string cleared = what_others_see();
  EXPECT_EQ(said_no, never);
  EXPECT_EQ(cleared, never);
  // The control: the third partner's yes does change what is seen.
  world.answer(group.people[2], group.rid, "hand-touch", core::Answer::kYes);
  EXPECT_NE(what_others_see(), never);
}

TEST_F(NoAndUnsetLookAlike, OneSidedMaybeShowsNothingAndAllMaybeShowsAskFirst) {
  auto pair = world.services.boundaries.shared(group.people[0].actor, group.rid,
                                               {group.people[0].id, group.people[1].id});
  ASSERT_TRUE(pair);
  EXPECT_NE(std::find(pair->begin(), pair->end(),
                      core::SharedItem{"hugging", core::SharedLevel::kAskFirst}),
            pair->end());
  EXPECT_NE(std::find(pair->begin(), pair->end(),
                      core::SharedItem{"hand-touch", core::SharedLevel::kYes}),
            pair->end());
  auto all = world.services.boundaries.shared(group.people[0].actor, group.rid, {});
  ASSERT_TRUE(all);
  for (const auto& item : *all) {
    EXPECT_NE(item.item_id, "hugging");
    EXPECT_NE(item.item_id, "hand-touch");
  }
}

TEST(Reveal, SubgroupMustIncludeMeAndOnlyCurrentPartners) {
  World world;
  Group group = world.relationship(3);
  Group elsewhere = world.relationship(2);
  Person pending = world.person("Pending");
  auto code = world.services.relationships.invite(group.people[0].actor, group.rid);
  ASSERT_EQ(world.services.relationships.accept(pending.actor, *code)->status, "pending");
  const Person& me = group.people[0];
  auto& boundaries = world.services.boundaries;
  EXPECT_EQ(
      code_of(boundaries.shared(me.actor, group.rid, {group.people[1].id, group.people[2].id})),
      "invalid_group");
  EXPECT_EQ(code_of(boundaries.shared(me.actor, group.rid, {me.id})), "invalid_group");
  EXPECT_EQ(code_of(boundaries.shared(me.actor, group.rid, {me.id, elsewhere.people[0].id})),
            "invalid_group");
  EXPECT_EQ(code_of(boundaries.shared(me.actor, group.rid, {me.id, pending.id})), "invalid_group");
  EXPECT_EQ(code_of(boundaries.shared(me.actor, group.rid, {me.id, "made-up"})), "invalid_group");
  EXPECT_EQ(code_of(boundaries.shared(me.actor, group.rid, {me.id, group.people[1].id, me.id})),
            "ok");
}

TEST(Reveal, SubgroupShowsWhatThatSubgroupShares) {
  World world;
  Group group = world.relationship(3);
  world.answer(group.people[0], group.rid, "hugging", core::Answer::kYes);
  world.answer(group.people[1], group.rid, "hugging", core::Answer::kYes);
  world.answer(group.people[2], group.rid, "hugging", core::Answer::kNo);
  const std::vector<core::SharedItem> hugging{{"hugging", core::SharedLevel::kYes}};
  EXPECT_EQ(*world.services.boundaries.shared(group.people[1].actor, group.rid,
                                              {group.people[0].id, group.people[1].id}),
            hugging);
  EXPECT_TRUE(world.services.boundaries.shared(group.people[1].actor, group.rid, {})->empty());
  EXPECT_TRUE(
      world.services.boundaries
          .shared(group.people[1].actor, group.rid, {group.people[1].id, group.people[2].id})
          ->empty());
}

class CustomItems : public ::testing::Test {
 protected:
  void SetUp() override {
    group = world.relationship(2);
    auto id = world.services.boundaries.add_custom_item(group.people[0].actor, group.rid,
                                                        "presence-and-talk", "Reading aloud");
    ASSERT_TRUE(id);
    item = *id;
    world.answer(group.people[0], group.rid, item, core::Answer::kYes);
  }

  bool in_catalogue(const Person& who) {
    auto entries = world.services.boundaries.catalogue(who.actor, group.rid);
    return std::any_of(entries->begin(), entries->end(),
                       [&](const CatalogueEntry& e) { return e.id == item; });
  }

  World world;
  Group group;
  std::string item;
};

TEST_F(CustomItems, UnproposedItemIsInvisibleToOthers) {
  const Person& other = group.people[1];
  EXPECT_TRUE(in_catalogue(group.people[0]));
  EXPECT_FALSE(in_catalogue(other));
  EXPECT_EQ(code_of(world.services.boundaries.answer(other.actor, group.rid, item,
                                                     core::Answer::kYes, "")),
            "not_found");
  EXPECT_EQ(code_of(world.services.boundaries.propose(other.actor, item)), "not_found");
  EXPECT_TRUE(world.services.boundaries.shared(other.actor, group.rid, {})->empty());
  EXPECT_TRUE(world.services.boundaries.shared(group.people[0].actor, group.rid, {})->empty());
}

TEST_F(CustomItems, ProposedItemCanBecomeMutual) {
  const Person& other = group.people[1];
  ASSERT_TRUE(world.services.boundaries.propose(group.people[0].actor, item));
  EXPECT_TRUE(in_catalogue(other));
  EXPECT_TRUE(world.services.boundaries.shared(other.actor, group.rid, {})->empty());
  world.answer(other, group.rid, item, core::Answer::kMaybe);
  const std::vector<core::SharedItem> expected{{item, core::SharedLevel::kAskFirst}};
  EXPECT_EQ(*world.services.boundaries.shared(other.actor, group.rid, {}), expected);
  EXPECT_EQ(*world.services.boundaries.shared(group.people[0].actor, group.rid, {}), expected);
}

TEST_F(CustomItems, ItemOfAnotherRelationshipCannotBeAnswered) {
  Group elsewhere = world.relationship_of({group.people[0], world.person("Other")});
  EXPECT_EQ(code_of(world.services.boundaries.answer(group.people[0].actor, elsewhere.rid, item,
                                                     core::Answer::kYes, "")),
            "not_found");
}

// What an export of the author's own rows reads: their custom items, proposed or not, and
// never another partner's, even a proposed one.
TEST_F(CustomItems, OwnCustomItemsAreTheAuthorsWhateverTheirState) {
  auto& boundaries = world.services.boundaries;
  world.advance(std::chrono::milliseconds(5));
  auto second = boundaries.add_custom_item(group.people[0].actor, group.rid, "presence-and-talk",
                                           "  Humming  ");
  ASSERT_TRUE(second);
  ASSERT_TRUE(boundaries.propose(group.people[0].actor, *second));
  auto theirs =
      boundaries.add_custom_item(group.people[1].actor, group.rid, "presence-and-talk", "Theirs");
  ASSERT_TRUE(boundaries.propose(group.people[1].actor, *theirs));
  auto tx = world.context.db.begin(store::TxMode::kRead);
  auto membership = world.context.policy.own_membership(*tx, group.people[0].actor, group.rid);
  ASSERT_TRUE(membership);
  auto items = own_custom_items(world.context, *tx, *membership);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].id, item);
  EXPECT_EQ(items[0].label, "Reading aloud");
  EXPECT_FALSE(items[0].proposed);
  EXPECT_EQ(items[1].id, *second);
  EXPECT_EQ(items[1].label, "Humming");
  EXPECT_EQ(items[1].category, "presence-and-talk");
  EXPECT_TRUE(items[1].proposed);
}

}  // namespace
}  // namespace attune::app::testing
