// Reframing worksheets: private by default, shared through the one sharing mechanism, edited
// with every earlier version kept for the author alone, and removed with their history.
#include <gtest/gtest.h>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using core::Visibility;

class WorksheetsTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(2); }

  Worksheets& sheets() { return world.services.worksheets; }
  const Actor& actor(std::size_t i) { return group.people[i].actor; }

  std::string write(std::size_t who, const WorksheetText& text,
                    Visibility visibility = Visibility::kPrivate) {
    world.advance(std::chrono::minutes(1));
    auto id = sheets().create(actor(who), group.rid, text, visibility);
    if (!id) throw std::runtime_error(id.error().message);
    return *id;
  }

  std::optional<WorksheetView> seen_by(std::size_t who, const std::string& id) {
    auto listed = sheets().list(actor(who), group.rid);
    for (auto& sheet : *listed) {
      if (sheet.id == id) return sheet;
    }
    return std::nullopt;
  }

  World world;
  Group group;
};

const WorksheetText kFirst{"I am too much", "You stayed when I cried", ""};

TEST_F(WorksheetsTest, PrivateByDefaultThenSharedAsItIsNow) {
  auto id = write(0, kFirst);
  ASSERT_TRUE(seen_by(0, id));
  EXPECT_EQ(seen_by(0, id)->text.old_script, "I am too much");
  EXPECT_FALSE(seen_by(1, id));
  WorksheetChange share;
  share.visibility = Visibility::kPartners;
  ASSERT_TRUE(sheets().update(actor(0), id, share));
  auto theirs = seen_by(1, id);
  ASSERT_TRUE(theirs);
  EXPECT_FALSE(theirs->mine);
  EXPECT_EQ(theirs->text.notice_now, "You stayed when I cried");
}

TEST_F(WorksheetsTest, EditsKeepEarlierVersionsForTheAuthorAlone) {
  auto id = write(0, kFirst, Visibility::kPartners);
  WorksheetChange edit;
  edit.new_narrative = "My feelings are welcome here";
  world.advance(std::chrono::minutes(1));
  ASSERT_TRUE(sheets().update(actor(0), id, edit));
  edit.new_narrative = "My feelings are welcome, and so am I";
  world.advance(std::chrono::minutes(1));
  ASSERT_TRUE(sheets().update(actor(0), id, edit));

  auto history = sheets().history(actor(0), id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].text.new_narrative, "My feelings are welcome here");  // newest first
  EXPECT_EQ((*history)[1].text.new_narrative, "");
  EXPECT_EQ((*history)[1].text.old_script, "I am too much");
  // The partner it is shared with sees only the current version, and no history at all.
  EXPECT_EQ(seen_by(1, id)->text.new_narrative, "My feelings are welcome, and so am I");
  EXPECT_EQ(code_of(sheets().history(actor(1), id)), "not_found");
  // A change of visibility alone keeps no version.
  WorksheetChange hide;
  hide.visibility = Visibility::kPrivate;
  ASSERT_TRUE(sheets().update(actor(0), id, hide));
  EXPECT_EQ(sheets().history(actor(0), id)->size(), 2u);
  EXPECT_FALSE(seen_by(1, id));
}

TEST_F(WorksheetsTest, BadInputChangesNothing) {
  const auto before = world.count_all_rows();
  EXPECT_EQ(code_of(sheets().create(actor(0), group.rid, {" ", "", "\n"}, Visibility::kPrivate)),
            "missing_field");
  EXPECT_EQ(code_of(sheets().create(actor(0), group.rid, {std::string(4001, 'a'), "", ""},
                                    Visibility::kPrivate)),
            "field_too_long");
  EXPECT_EQ(world.count_all_rows(), before);
  auto id = write(0, kFirst);
  WorksheetChange blank;
  blank.old_script = "";
  blank.notice_now = "";
  const auto rows = world.count_all_rows();
  EXPECT_EQ(code_of(sheets().update(actor(0), id, blank)), "missing_field");
  EXPECT_EQ(world.count_all_rows(), rows);
  EXPECT_EQ(seen_by(0, id)->text.old_script, "I am too much");
}

TEST_F(WorksheetsTest, OnlyTheAuthorEditsOrDeletesAndDeletingTakesTheHistory) {
  auto id = write(0, kFirst, Visibility::kPartners);
  WorksheetChange edit;
  edit.old_script = "not mine to change";
  EXPECT_EQ(code_of(sheets().update(actor(1), id, edit)), "not_found");
  EXPECT_EQ(code_of(sheets().remove(actor(1), id)), "not_found");
  edit.old_script = "I used to think I was too much";
  ASSERT_TRUE(sheets().update(actor(0), id, edit));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM worksheet_versions WHERE entry_id = ?", {id}), 1);
  ASSERT_TRUE(sheets().remove(actor(0), id));
  EXPECT_FALSE(seen_by(1, id));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM worksheet_versions WHERE entry_id = ?", {id}), 0);
}

TEST_F(WorksheetsTest, LeavingTakesTheLeaversWorksheetsAndHistory) {
  auto id = write(1, kFirst, Visibility::kPartners);
  WorksheetChange edit;
  edit.notice_now = "something new";
  ASSERT_TRUE(sheets().update(actor(1), id, edit));
  ASSERT_TRUE(world.services.relationships.leave(actor(1), group.rid));
  EXPECT_FALSE(seen_by(0, id));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM worksheet_versions"), 0);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM entries WHERE id = ?", {id}), 0);
}

TEST_F(WorksheetsTest, PromptsComeFromContentForEveryStep) {
  const auto& prompts = sheets().prompts();
  for (const char* step : {"old_script", "notice_now", "new_narrative"}) {
    EXPECT_TRUE(std::ranges::any_of(prompts, [&](const auto& p) { return p.step == step; }))
        << step;
  }
}

}  // namespace
}  // namespace attune::app::testing
