// Triggers and a care plan: private by default, shared only through the one sharing
// mechanism, never naming its author unless they chose to, and on a paused practice's state
// exactly the entries shared with every participant — updated when a share changes.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/data_rights/export_json.h"
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using core::PracticeCommand;
using core::Visibility;

class CarePlansTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(2); }

  Person& person(std::size_t i) { return group.people[i]; }
  CarePlans& care() { return world.services.care_plans; }

  std::string write(std::size_t who, const std::string& kind, const std::string& text,
                    Visibility visibility = Visibility::kPrivate, bool show_name = false) {
    world.advance(std::chrono::minutes(1));  // distinct times keep "newest first" exact
    auto id = care().create(person(who).actor, group.rid, {kind, text, visibility, show_name});
    if (!id) throw std::runtime_error(id.error().message);
    return *id;
  }

  std::vector<CarePlanView> list(std::size_t who) {
    return *care().list(person(who).actor, group.rid);
  }

  std::optional<CarePlanView> seen_by(std::size_t who, const std::string& id) {
    for (auto& entry : list(who)) {
      if (entry.id == id) return entry;
    }
    return std::nullopt;
  }

  std::vector<std::string> care_texts(std::size_t who, const std::string& practice) {
    std::vector<std::string> texts;
    const auto snapshot = world.services.practices.get(person(who).actor, practice);
    for (const auto& note : snapshot->care) {
      texts.push_back(note.text);
    }
    return texts;
  }

  void pause(std::size_t who, const std::string& practice) {
    ASSERT_TRUE(
        world.services.practices.command(person(who).actor, practice, PracticeCommand::kPause));
  }

  World world;
  Group group;
};

TEST_F(CarePlansTest, PrivateByDefaultAndSeenOnlyByItsAuthor) {
  auto id = write(0, "trigger", "a raised voice in the kitchen");
  auto mine = seen_by(0, id);
  ASSERT_TRUE(mine);
  EXPECT_TRUE(mine->mine);
  EXPECT_EQ(mine->kind, "trigger");
  EXPECT_EQ(mine->text, "a raised voice in the kitchen");
  EXPECT_EQ(mine->visibility, Visibility::kPrivate);
  EXPECT_FALSE(mine->show_name);
  EXPECT_FALSE(seen_by(1, id));
}

TEST_F(CarePlansTest, SharedEntryNeverNamesItsAuthorUnlessTheyChoseTo) {
  auto unnamed = write(0, "helps", "a glass of water", Visibility::kPartners);
  auto named = write(0, "reassurance", "you are safe with me", Visibility::kPartners, true);
  auto plain = seen_by(1, unnamed);
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->mine);
  EXPECT_EQ(plain->text, "a glass of water");
  EXPECT_EQ(plain->author_name, "");
  auto signed_entry = seen_by(1, named);
  ASSERT_TRUE(signed_entry);
  EXPECT_EQ(signed_entry->author_name, "Partner 1");
  const auto entries = list(1);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].id, named);  // newest first
}

TEST_F(CarePlansTest, OnlyTheAuthorChangesOrRemovesAnEntry) {
  auto id = write(0, "helps", "slow breathing", Visibility::kPartners);
  CarePlanChange change;
  change.text = "something else";
  EXPECT_EQ(code_of(care().update(person(1).actor, id, change)), "not_found");
  EXPECT_EQ(code_of(care().remove(person(1).actor, id)), "not_found");
  EXPECT_EQ(seen_by(1, id)->text, "slow breathing");
  ASSERT_TRUE(care().update(person(0).actor, id, change));
  EXPECT_EQ(seen_by(1, id)->text, "something else");
  ASSERT_TRUE(care().remove(person(0).actor, id));
  EXPECT_FALSE(seen_by(0, id));
  EXPECT_FALSE(seen_by(1, id));
}

TEST_F(CarePlansTest, BadInputChangesNothing) {
  const auto before = world.count_all_rows();
  EXPECT_EQ(code_of(care().create(person(0).actor, group.rid, {"worry", "x", {}, false})),
            "invalid_field");
  EXPECT_EQ(code_of(care().create(person(0).actor, group.rid, {"helps", "  ", {}, false})),
            "missing_field");
  EXPECT_EQ(code_of(care().create(person(0).actor, group.rid,
                                  {"helps", std::string(2001, 'a'), {}, false})),
            "field_too_long");
  EXPECT_EQ(world.count_all_rows(), before);
  auto id = write(0, "helps", "tea");
  CarePlanChange change;
  change.kind = "worry";
  change.visibility = Visibility::kPartners;
  EXPECT_EQ(code_of(care().update(person(0).actor, id, change)), "invalid_field");
  EXPECT_FALSE(seen_by(1, id));
}

TEST_F(CarePlansTest, StrangerSeesNothingAndCannotWrite) {
  auto stranger = world.person("Kit");
  EXPECT_EQ(code_of(care().list(stranger.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(care().create(stranger.actor, group.rid, {"helps", "tea", {}, false})),
            "not_found");
}

TEST_F(CarePlansTest, PausedPracticeCarriesEntriesSharedWithEveryParticipant) {
  auto practice = world.running_practice(group);
  write(0, "helps", "hold my hand", Visibility::kPartners);
  write(1, "trigger", "kept private", Visibility::kPrivate);
  write(1, "reassurance", "named words", Visibility::kPartners, true);
  EXPECT_TRUE(care_texts(0, practice).empty());  // running: nothing is read
  pause(1, practice);
  const std::vector<std::string> expected{"named words", "hold my hand"};
  EXPECT_EQ(care_texts(0, practice), expected);
  EXPECT_EQ(care_texts(1, practice), expected);
  const auto notes = world.services.practices.get(person(0).actor, practice)->care;
  EXPECT_EQ(notes[0].author_name, "Partner 2");
  EXPECT_EQ(notes[0].kind, "reassurance");
  EXPECT_EQ(notes[1].author_name, "");
}

TEST_F(CarePlansTest, UnsharingTakesAnEntryOffThePausedScreenAndTellsThePractice) {
  auto practice = world.running_practice(group);
  auto id = write(0, "helps", "hold my hand", Visibility::kPartners);
  pause(1, practice);
  ASSERT_EQ(care_texts(1, practice).size(), 1u);
  world.events.ids.clear();
  CarePlanChange change;
  change.visibility = Visibility::kPrivate;
  ASSERT_TRUE(care().update(person(0).actor, id, change));
  EXPECT_TRUE(care_texts(1, practice).empty());
  EXPECT_TRUE(care_texts(0, practice).empty());
  EXPECT_EQ(world.events.ids, std::vector<std::string>{practice});
  // A private entry's changes concern no practice.
  world.events.ids.clear();
  change.text = "still private";
  ASSERT_TRUE(care().update(person(0).actor, id, change));
  EXPECT_TRUE(world.events.ids.empty());
}

TEST_F(CarePlansTest, NewcomerDoesNotSeeEarlierSharesOnAnyScreen) {
  auto earlier = write(0, "helps", "before you came", Visibility::kPartners);
  auto newcomer = world.person("Ash");
  world.join(group, newcomer);
  auto later = write(1, "helps", "after you came", Visibility::kPartners);
  EXPECT_FALSE(seen_by(2, earlier));
  EXPECT_TRUE(seen_by(2, later));
  auto practice = world.running_practice(group);
  pause(2, practice);
  EXPECT_EQ(care_texts(2, practice), std::vector<std::string>{"after you came"});
  EXPECT_EQ(care_texts(0, practice), std::vector<std::string>{"after you came"});
}

TEST_F(CarePlansTest, LeavingRemovesTheLeaversEntries) {
  auto group3 = world.relationship(3);
  world.advance(std::chrono::minutes(1));
  auto id = *care().create(group3.people[2].actor, group3.rid,
                           {"helps", "goes with me", Visibility::kPartners, false});
  ASSERT_EQ(care().list(group3.people[0].actor, group3.rid)->size(), 1u);
  ASSERT_TRUE(world.services.relationships.leave(group3.people[2].actor, group3.rid));
  EXPECT_TRUE(care().list(group3.people[0].actor, group3.rid)->empty());
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM entries WHERE id = ?", {id}), 0);
}

TEST_F(CarePlansTest, ExportHoldsTheAuthorsOwnEntriesAndNoOneElses) {
  write(0, "trigger", "CareExportMine", Visibility::kPrivate);
  write(1, "helps", "CareExportTheirs", Visibility::kPartners);
  auto document = world.services.data_export.of(person(0).actor);
  ASSERT_TRUE(document);
  const auto exported = export_json(*document);
  EXPECT_NE(exported.find("CareExportMine"), std::string::npos);
  EXPECT_NE(exported.find("care_plan"), std::string::npos);
  EXPECT_EQ(exported.find("CareExportTheirs"), std::string::npos);
}

}  // namespace
}  // namespace attune::app::testing
