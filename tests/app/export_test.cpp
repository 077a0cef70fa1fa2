// Data export: everything I wrote comes back opened, with the mutual shared view of each
// relationship; nothing private of a partner is ever in it (I1, I4) — canaries planted in a
// partner's private answers, notes, history, custom items and entries must be absent.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/data_rights/export_json.h"
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using nlohmann::json;

const json& relationship_in(const json& document, const std::string& rid) {
  for (const auto& one : document.at("relationships")) {
    if (one.at("id") == rid) return one;
  }
  throw std::runtime_error("relationship missing from the export");
}

bool has_item(const json& list, const std::string& item_id) {
  for (const auto& entry : list) {
    if (entry.at("item_id") == item_id) return true;
  }
  return false;
}

class DataExportTest : public ::testing::Test {
 protected:
  DataExportTest() : group_(world_.relationship(2, "Our place")) {}

  json export_of(const Person& person) {
    auto document = world_.services.data_export.of(person.actor);
    if (!document) throw std::runtime_error(document.error().message);
    return json::parse(export_json(*document));
  }
  const Person& me() const { return group_.people[0]; }
  const Person& partner() const { return group_.people[1]; }

  World world_;
  Group group_;
};

TEST_F(DataExportTest, HoldsMyProfileAnswersHistoryEntriesAgreementsAndActs) {
  world_.answer(me(), group_.rid, "hugging", core::Answer::kMaybe, "only when I ask");
  world_.answer(me(), group_.rid, "hugging", core::Answer::kYes, "always welcome");
  auto custom = world_.services.boundaries.add_custom_item(me().actor, group_.rid,
                                                           "non-sexual-touch", "my own idea");
  ASSERT_TRUE(custom);
  ASSERT_TRUE(world_.services.intake.create(me().actor, group_.rid, "hurt", "a private hurt",
                                            core::Visibility::kPrivate));
  ASSERT_TRUE(world_.services.intake.create(me().actor, group_.rid, "safe", "a shared safety",
                                            core::Visibility::kPartners));
  const std::string practice = world_.running_practice(group_);
  ASSERT_TRUE(
      world_.services.practices.command(me().actor, practice, core::PracticeCommand::kPause));

  const json document = export_of(me());
  EXPECT_EQ(document.at("format"), "attune-export");
  EXPECT_EQ(document.at("profile").at("id"), me().id);
  EXPECT_EQ(document.at("profile").at("email"), me().email);
  EXPECT_EQ(document.at("profile").at("display_name"), "Partner 1");

  const json& ours = relationship_in(document, group_.rid);
  EXPECT_EQ(ours.at("name"), "Our place");
  ASSERT_EQ(ours.at("partners").size(), 1u);
  EXPECT_EQ(ours.at("partners")[0].at("display_name"), "Partner 2");

  const json& boundaries = ours.at("boundaries");
  bool hugging = false;
  for (const auto& answer : boundaries.at("my_answers")) {
    if (answer.at("item_id") == "hugging") {
      hugging = true;
      EXPECT_EQ(answer.at("answer"), "yes");
      EXPECT_EQ(answer.at("note"), "always welcome");
    }
  }
  EXPECT_TRUE(hugging);
  const std::string history = boundaries.at("my_history").dump();
  EXPECT_NE(history.find("only when I ask"), std::string::npos);
  EXPECT_NE(history.find("always welcome"), std::string::npos);

  ASSERT_EQ(ours.at("my_custom_items").size(), 1u);
  EXPECT_EQ(ours.at("my_custom_items")[0].at("label"), "my own idea");
  ASSERT_EQ(ours.at("my_entries").size(), 2u);
  std::set<std::string> visibilities;
  for (const auto& entry : ours.at("my_entries")) visibilities.insert(entry.at("visibility"));
  EXPECT_EQ(visibilities, (std::set<std::string>{"private", "partners"}));
  EXPECT_NE(ours.at("my_entries").dump().find("a private hurt"), std::string::npos);

  ASSERT_EQ(ours.at("agreements").size(), 1u);
  const json& agreement = ours.at("agreements")[0];
  EXPECT_EQ(agreement.at("versions")[0].at("terms").at("pause_word"), "amber");
  EXPECT_EQ(agreement.at("versions")[0].at("terms").at("aftercare"), "tea and a blanket");
  ASSERT_EQ(agreement.at("my_signatures").size(), 1u);

  ASSERT_EQ(ours.at("practices").size(), 1u);
  std::vector<std::string> kinds;
  for (const auto& act : ours.at("practices")[0].at("my_acts")) kinds.push_back(act.at("kind"));
  EXPECT_EQ(kinds, (std::vector<std::string>{"created", "ready", "paused"}));
}

TEST_F(DataExportTest, NeverHoldsAPartnersPrivateData) {
  // The partner's private canaries: a one-sided answer, a note, history, an unproposed
  // custom item, a private entry, and a shared entry (theirs, not mine to export).
  world_.answer(partner(), group_.rid, "eye-contact", core::Answer::kYes, "CanaryPartnerNote");
  world_.answer(partner(), group_.rid, "hugging", core::Answer::kNo, "CanaryHistoryNote");
  world_.answer(partner(), group_.rid, "hugging", core::Answer::kYes);
  ASSERT_TRUE(world_.services.boundaries.add_custom_item(partner().actor, group_.rid,
                                                         "non-sexual-touch", "CanaryCustomItem"));
  ASSERT_TRUE(world_.services.intake.create(partner().actor, group_.rid, "hurt",
                                            "CanaryPrivateEntry", core::Visibility::kPrivate));
  ASSERT_TRUE(world_.services.intake.create(partner().actor, group_.rid, "safe",
                                            "CanarySharedEntry", core::Visibility::kPartners));
  world_.answer(me(), group_.rid, "hugging", core::Answer::kMaybe);

  const std::string text = export_of(me()).dump();
  for (const char* canary : {"CanaryPartnerNote", "CanaryHistoryNote", "CanaryCustomItem",
                             "CanaryPrivateEntry", "CanarySharedEntry", partner().email.c_str()}) {
    EXPECT_EQ(text.find(canary), std::string::npos) << canary;
  }
  // An item only the partner answered is not revealed by any part of the export.
  EXPECT_EQ(text.find("eye-contact"), std::string::npos);
  // Their export does hold them: the canaries are real.
  const std::string theirs = export_of(partner()).dump();
  for (const char* canary : {"CanaryPartnerNote", "CanaryHistoryNote", "CanaryCustomItem",
                             "CanaryPrivateEntry", "CanarySharedEntry"}) {
    EXPECT_NE(theirs.find(canary), std::string::npos) << canary;
  }
}

TEST_F(DataExportTest, SharedViewIsTheMutualOneOfBoundariesShared) {
  world_.answer(me(), group_.rid, "hugging", core::Answer::kYes);
  world_.answer(partner(), group_.rid, "hugging", core::Answer::kMaybe);
  world_.answer(me(), group_.rid, "eye-contact", core::Answer::kYes);
  world_.answer(partner(), group_.rid, "eye-contact", core::Answer::kNo);
  world_.answer(me(), group_.rid, "quiet-company", core::Answer::kYes);

  const json shared =
      relationship_in(export_of(me()), group_.rid).at("boundaries").at("shared_with_everyone");
  auto expected = world_.services.boundaries.shared(me().actor, group_.rid, {});
  ASSERT_TRUE(expected);
  ASSERT_EQ(shared.size(), expected->size());
  for (const auto& item : *expected) {
    EXPECT_TRUE(has_item(shared, item.item_id)) << item.item_id;
  }
  EXPECT_TRUE(has_item(shared, "hugging"));
  EXPECT_FALSE(has_item(shared, "eye-contact"));
  EXPECT_FALSE(has_item(shared, "quiet-company"));
}

TEST_F(DataExportTest, APendingNewcomerGetsNoNameOrContentOfTheRelationship) {
  Group three = world_.relationship(3, "CanaryGroupName");
  Person newcomer = world_.person("Newcomer");
  auto code = world_.services.relationships.invite(three.people[0].actor, three.rid);
  ASSERT_TRUE(code);
  auto accepted = world_.services.relationships.accept(newcomer.actor, *code);
  ASSERT_TRUE(accepted);
  ASSERT_EQ(accepted->status, "pending");

  const json document = export_of(newcomer);
  EXPECT_TRUE(document.at("relationships").empty());
  ASSERT_EQ(document.at("pending_relationships").size(), 1u);
  EXPECT_EQ(document.at("pending_relationships")[0].at("id"), three.rid);
  EXPECT_EQ(document.dump().find("CanaryGroupName"), std::string::npos);
}

TEST_F(DataExportTest, HoldsMyMeasureResultsAndRhythmsNeverAPartners) {
  auto& measures = world_.services.measures;
  auto mine = measures.answer(me().actor, group_.rid, "gmsex",
                              {{"q1", 1}, {"q2", 2}, {"q3", 3}, {"q4", 4}, {"q5", 5}},
                              core::Visibility::kPrivate);
  ASSERT_TRUE(mine);
  ASSERT_TRUE(measures.set_schedule(me().actor, group_.rid, "gmsex", 28));
  auto theirs =
      measures.answer(partner().actor, group_.rid, "csi-4",
                      {{"q1", 6}, {"q2", 5}, {"q3", 5}, {"q4", 5}}, core::Visibility::kPartners);
  ASSERT_TRUE(theirs);
  const json ours = relationship_in(export_of(me()), group_.rid);
  const std::string text = ours.at("my_entries").dump();
  EXPECT_NE(text.find(mine->id), std::string::npos);
  EXPECT_NE(text.find("\"every_days\":28"), std::string::npos) << text;
  EXPECT_EQ(text.find(theirs->id), std::string::npos);
  EXPECT_EQ(text.find("csi-4"), std::string::npos);
}

}  // namespace
}  // namespace attune::app::testing
