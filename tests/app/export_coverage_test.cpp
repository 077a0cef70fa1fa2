// Export coverage (issue 9, 5b): every sealed column of the real schema is either in the data
// export or listed as deliberately left out (app/data_rights/sealed_columns.h), and a canary
// planted through the use cases in each exported column comes back at its stated path.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/data_rights/export_json.h"
#include "app/data_rights/sealed_columns.h"
#include "app_fixture.h"
#include "therapy_support.h"

namespace attune::app::testing {
namespace {

using nlohmann::json;

// "table.column" for every column of a fresh database whose name ends in _sealed or whose
// type is BLOB: the schema's conventions for sealed bytes (store/schema_v1.h).
std::set<std::string> sealed_columns_of(World& world) {
  auto tx = world.db->begin(store::TxMode::kRead);
  std::set<std::string> columns;
  for (const auto& row :
       tx->query("SELECT m.name, p.name, p.type FROM sqlite_master m, pragma_table_info(m.name) p "
                 "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'")) {
    const std::string name = row.text(1);
    const bool sealed_name = name.size() > 7 && name.ends_with("_sealed");
    if (sealed_name || row.text(2) == "BLOB") columns.insert(row.text(0) + "." + name);
  }
  return columns;
}

std::set<std::string> listed(bool exported) {
  std::set<std::string> columns;
  if (exported) {
    for (const auto& c : kExportedSealedColumns) columns.emplace(c.column);
  } else {
    for (const auto& c : kExcludedSealedColumns) columns.emplace(c.column);
  }
  return columns;
}

// The values at a path such as "relationships[].agreements[].versions[].terms".
std::vector<json> at_path(const json& document, const std::string& path) {
  std::vector<json> values{document};
  std::istringstream segments(path);
  std::string segment;
  while (std::getline(segments, segment, '.')) {
    const bool each = segment.ends_with("[]");
    if (each) segment.resize(segment.size() - 2);
    std::vector<json> next;
    for (const auto& value : values) {
      if (!value.is_object() || !value.contains(segment)) continue;
      const json& child = value.at(segment);
      if (!each) {
        next.push_back(child);
      } else if (child.is_array()) {
        next.insert(next.end(), child.begin(), child.end());
      }
    }
    values = std::move(next);
  }
  return values;
}

bool holds(const std::vector<json>& values, const std::string& canary) {
  for (const auto& value : values) {
    if (value.dump().find(canary) != std::string::npos) return true;
  }
  return false;
}

TEST(ExportCoverage, ListsNameOnlyColumnsOfTheSchemaAndNoColumnTwice) {
  World world;
  const auto sealed = sealed_columns_of(world);
  ASSERT_FALSE(sealed.empty());
  EXPECT_EQ(listed(true).size(), kExportedSealedColumns.size()) << "a column exported twice";
  EXPECT_EQ(listed(false).size(), kExcludedSealedColumns.size()) << "a column excluded twice";
  for (const auto& column : listed(true)) {
    EXPECT_TRUE(sealed.contains(column))
        << column << " is listed as exported but is no sealed column of the schema";
    EXPECT_FALSE(listed(false).contains(column)) << column << " is both exported and excluded";
  }
  for (const auto& column : listed(false)) {
    EXPECT_TRUE(sealed.contains(column))
        << column << " is listed as excluded but is no sealed column of the schema";
  }
}

TEST(ExportCoverage, EverySealedColumnIsExportedOrDeliberatelyExcluded) {
  World world;
  for (const auto& column : sealed_columns_of(world)) {
    EXPECT_TRUE(listed(true).contains(column) || listed(false).contains(column))
        << column << " is sealed but neither in the export nor in kExcludedSealedColumns";
  }
  for (const auto& excluded : kExcludedSealedColumns) {
    EXPECT_FALSE(excluded.reason.empty()) << excluded.column << " needs a reason";
  }
}

TEST(ExportCoverage, EachExportedColumnsCanaryComesBackAtItsPath) {
  World world;
  // One canary per exported column, planted through the person's own use cases.
  const std::map<std::string, std::string> canaries{
      {"accounts.email_sealed", "canary-mail-7d2a@example.org"},
      {"accounts.display_name_sealed", "CanaryName7d2a"},
      {"relationships.name_sealed", "CanaryRelationship7d2a"},
      {"boundary_answers.answer_sealed", "CanaryAnswerNote7d2a"},
      {"boundary_history.change_sealed", "CanaryEarlierNote7d2a"},
      {"custom_items.item_sealed", "CanaryLabel7d2a"},
      {"entries.body_sealed", "CanaryEntry7d2a"},
      {"agreement_versions.terms_sealed", "CanaryPause7d2a"},
      {"debriefs.answer_sealed", "CanaryDebrief7d2a"},
      // Answers are scale values keyed by the form's question ids: the id is the canary.
      {"safety_checks.answers_sealed", "sexual-pressure"},
      {"worksheet_versions.body_sealed", "CanaryWorksheetEarlier7d2a"},
      {"intention_versions.text_sealed", "CanaryIntention7d2a"},
      {"access_log.entry_sealed", "CanaryTherapist7d2a"},
      {"therapist_messages.body_sealed", "CanaryMessage7d2a"},
      {"therapist_notes.body_sealed", "CanaryNote7d2a"},
      {"appreciations.text_sealed", "CanaryThanks7d2a"},
      {"plans.plan_sealed", "CanaryPlan7d2a"},
      // An answer is one of three words: the proposer's own is "joining".
      {"plan_responses.response_sealed", "joining"},
      // Reminders hold kinds, not words: the kind asked for is the canary.
      {"reminder_settings.settings_sealed", "checkin"},
      {"reminders.reminder_sealed", "checkin"},
  };
  Person me = world.person(canaries.at("accounts.display_name_sealed"),
                           canaries.at("accounts.email_sealed"));
  Group group =
      world.relationship_of({me, world.person("Other")}, canaries.at("relationships.name_sealed"));
  world.answer(me, group.rid, "hugging", core::Answer::kMaybe,
               canaries.at("boundary_history.change_sealed"));
  world.answer(me, group.rid, "hugging", core::Answer::kYes,
               canaries.at("boundary_answers.answer_sealed"));
  ASSERT_TRUE(world.services.boundaries.add_custom_item(me.actor, group.rid, "non-sexual-touch",
                                                        canaries.at("custom_items.item_sealed")));
  ASSERT_TRUE(world.services.intake.create(
      me.actor, group.rid, "hurt", canaries.at("entries.body_sealed"), core::Visibility::kPrivate));
  world.draft(group, canaries.at("agreement_versions.terms_sealed"));
  const auto practice = world.running_practice(group);
  ASSERT_TRUE(world.services.practices.command(me.actor, practice, core::PracticeCommand::kEnd));
  ASSERT_TRUE(world.services.debriefs.give(me.actor, practice,
                                           {false, canaries.at("debriefs.answer_sealed"), "", ""}));
  ASSERT_TRUE(world.services.safety_checks.submit(
      me.actor, group.rid, {{canaries.at("safety_checks.answers_sealed"), 0}}));

  auto worksheet = world.services.worksheets.create(
      me.actor, group.rid, {canaries.at("worksheet_versions.body_sealed"), "", ""},
      core::Visibility::kPrivate);
  ASSERT_TRUE(worksheet);
  WorksheetChange rewrite;
  rewrite.old_script = "a later version";
  ASSERT_TRUE(world.services.worksheets.update(me.actor, *worksheet, rewrite));

  ASSERT_TRUE(world.services.intentions.set(me.actor, group.rid,
                                            canaries.at("intention_versions.text_sealed")));

  // The therapist's read lands in my access log; my message and their note are each their
  // author's: the note comes back in the therapist's own export.
  Person doctor = therapist(world, canaries.at("access_log.entry_sealed"));
  link(world, doctor, group);
  ASSERT_TRUE(
      world.services.intake.create(me.actor, group.rid, "safe", "x", core::Visibility::kTherapist));
  ASSERT_TRUE(world.services.shared_with_therapist.of(doctor.actor, group.rid));
  ASSERT_TRUE(world.services.therapist_messages.send(
      me.actor, group.rid, canaries.at("therapist_messages.body_sealed")));
  ASSERT_TRUE(world.services.therapist_notes.add(doctor.actor, group.rid,
                                                 canaries.at("therapist_notes.body_sealed")));
  auto doctors = world.services.data_export.of(doctor.actor);
  ASSERT_TRUE(doctors);
  const json doctors_export = json::parse(export_json(*doctors));

  ASSERT_TRUE(world.services.appreciations.send(me.actor, group.rid, group.people.at(1).id,
                                                canaries.at("appreciations.text_sealed")));
  ASSERT_TRUE(world.services.plans.propose(
      me.actor, group.rid,
      {core::PlanKind::kRest, canaries.at("plans.plan_sealed"), std::nullopt, ""}));
  ASSERT_TRUE(world.services.reminders.set_settings(
      me.actor, {{core::ReminderKind::kCheckin}, false, std::nullopt}));
  world.advance(std::chrono::hours(13));
  ASSERT_EQ(world.services.reminders.run_due(), 1);

  auto document = world.services.data_export.of(me.actor);
  ASSERT_TRUE(document);
  const json exported = json::parse(export_json(*document));
  for (const auto& column : kExportedSealedColumns) {
    const auto canary = canaries.find(std::string(column.column));
    if (canary == canaries.end()) {
      ADD_FAILURE() << column.column << " is exported but this test plants no canary in it";
      continue;
    }
    const json& whose = column.column == "therapist_notes.body_sealed" ? doctors_export : exported;
    EXPECT_TRUE(holds(at_path(whose, std::string(column.path)), canary->second))
        << column.column << ": " << canary->second << " is not at " << column.path;
  }
}

}  // namespace
}  // namespace attune::app::testing
