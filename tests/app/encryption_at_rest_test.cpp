// Encryption at rest (I6, I8): canary strings planted through the use cases never appear in
// the SQLite files (database, WAL, shared memory), though the API gives them back; and once
// an account is deleted, even its sealed bytes are gone from those files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "app_fixture.h"
#include "therapy_support.h"

namespace attune::app::testing {
namespace {

// Every byte of the store's files, by file name.
std::map<std::string, std::string> raw_files(const World& world) {
  std::map<std::string, std::string> files;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const auto path = world.db_path().string() + suffix;
    if (!std::filesystem::exists(path)) continue;
    std::ifstream in(path, std::ios::binary);
    files[path] = std::string(std::istreambuf_iterator<char>(in), {});
  }
  return files;
}

// The files holding `needle`, empty when none does.
std::vector<std::string> files_holding(const World& world, const std::string& needle) {
  std::vector<std::string> holding;
  for (const auto& [path, bytes] : raw_files(world)) {
    if (bytes.find(needle) != std::string::npos) holding.push_back(path);
  }
  return holding;
}

struct Canaries {
  std::string email = "canary-mail-5e1f@example.org";
  std::string display_name = "CanaryName5e1f";
  std::string note = "CanaryNote5e1f";
  std::string intake = "CanaryIntake5e1f";
  std::string label = "CanaryLabel5e1f";
  std::string pause_word = "CanaryPause5e1f";
  std::string aftercare = "CanaryAftercare5e1f";
  std::string relationship = "CanaryRelationship5e1f";
  std::string checkin_note = "CanaryCheckin5e1f";
  std::string care_plan = "CanaryCarePlan5e1f";
  std::string worksheet = "CanaryWorksheet5e1f";
  std::string worksheet_earlier = "CanaryWorksheetEarlier5e1f";
  std::string intention = "CanaryIntention5e1f";

  std::vector<std::string> all() const {
    return {email,      display_name,      note,         intake,       label,
            pause_word, aftercare,         relationship, checkin_note, care_plan,
            worksheet,  worksheet_earlier, intention};
  }
};

class EncryptionAtRest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner = world.person(canary.display_name, canary.email);
    Person other = world.person("Other");
    auto rid = world.services.relationships.create(owner.actor, canary.relationship);
    ASSERT_TRUE(rid);
    group.rid = *rid;
    group.people.push_back(owner);
    world.join(group, other);
    world.answer(owner, group.rid, "hand-touch", core::Answer::kYes, canary.note);
    ASSERT_TRUE(world.services.intake.create(owner.actor, group.rid, "desire", canary.intake,
                                             core::Visibility::kPartners));
    ASSERT_TRUE(world.services.boundaries.add_custom_item(owner.actor, group.rid,
                                                          "presence-and-talk", canary.label));
    world.agree_exercise_items(group);
    auto agreement = world.services.agreements.create(
        owner.actor, group.rid, world.terms(canary.pause_word, canary.aftercare));
    ASSERT_TRUE(agreement);
    agreement_id = agreement->id;
    ASSERT_TRUE(world.services.checkins.create(
        owner.actor,
        {group.rid, core::CheckinKind::kDaily, std::nullopt, core::CheckinScores{{7, 6, 5, 8, 3}},
         canary.checkin_note, core::Visibility::kPartners}));
    ASSERT_TRUE(world.services.care_plans.create(
        owner.actor, group.rid,
        {"reassurance", canary.care_plan, core::Visibility::kPartners, true}));
    auto sheet = world.services.worksheets.create(
        owner.actor, group.rid, {canary.worksheet_earlier, "", ""}, core::Visibility::kPartners);
    ASSERT_TRUE(sheet);
    WorksheetChange rewrite;
    rewrite.old_script = canary.worksheet;
    ASSERT_TRUE(world.services.worksheets.update(owner.actor, *sheet, rewrite));
    worksheet_id = *sheet;
    ASSERT_TRUE(world.services.intentions.set(owner.actor, group.rid, canary.intention));
  }

  // Everything the API hands back to the owner, decrypted.
  std::string api_text() {
    auto& s = world.services;
    std::ostringstream text;
    auto profile = s.accounts.profile(owner.actor);
    text << profile->display_name << '\n';
    for (const auto& r : s.relationships.list(owner.actor)) text << r.name << '\n';
    const auto answers = s.boundaries.mine(owner.actor, group.rid);
    for (const auto& a : *answers) text << a.note << '\n';
    const auto entries = s.intake.list(owner.actor, group.rid);
    for (const auto& e : *entries) text << e.text << '\n';
    const auto catalogue = s.boundaries.catalogue(owner.actor, group.rid);
    for (const auto& c : *catalogue) text << c.label << '\n';
    auto agreement = s.agreements.get(owner.actor, agreement_id);
    text << agreement->terms.pause_word << '\n' << agreement->terms.aftercare << '\n';
    const auto checkins = s.checkins.list(owner.actor, group.rid);
    for (const auto& c : checkins->checkins) text << c.note << '\n';
    const auto care = s.care_plans.list(owner.actor, group.rid);
    for (const auto& c : *care) text << c.text << '\n';
    const auto sheets = s.worksheets.list(owner.actor, group.rid);
    for (const auto& w : *sheets) text << w.text.old_script << '\n';
    const auto history = s.worksheets.history(owner.actor, worksheet_id);
    for (const auto& v : *history) text << v.text.old_script << '\n';
    const auto intention = s.intentions.get(owner.actor, group.rid);
    for (const auto& v : intention->versions) text << v.text << '\n';
    return text.str();
  }

  World world;
  Canaries canary;
  Person owner;
  Group group;
  std::string agreement_id;
  std::string worksheet_id;
};

TEST_F(EncryptionAtRest, ApiGivesTheCanariesBack) {
  const std::string text = api_text();
  for (const auto& c : canary.all()) {
    if (c == canary.email)
      continue;  // the API never shows an e-mail back; log-in proves it is there
    EXPECT_NE(text.find(c), std::string::npos) << c;
  }
  EXPECT_EQ(code_of(world.services.sessions.log_in(canary.email, owner.password)), "ok");
}

TEST_F(EncryptionAtRest, ScannerFindsPlaintextWrittenToTheStore) {
  const std::string marker = "PlainMarker5e1f";
  world.db->transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    return tx.execute("INSERT INTO settings (name, value) VALUES ('test_marker', ?)", {marker});
  });
  EXPECT_FALSE(files_holding(world, marker).empty());
}

TEST_F(EncryptionAtRest, NoCanaryIsInAnyDatabaseFile) {
  ASSERT_FALSE(raw_files(world).empty());
  for (const auto& c : canary.all())
    EXPECT_EQ(files_holding(world, c), std::vector<std::string>{}) << c;
  // Also after the WAL has been folded into the main file.
  world.db->scrub_after_delete();
  for (const auto& c : canary.all())
    EXPECT_EQ(files_holding(world, c), std::vector<std::string>{}) << c;
}

TEST_F(EncryptionAtRest, DeletedAccountLeavesNeitherPlaintextNorSealedBytes) {
  std::vector<std::string> sealed;
  {
    auto tx = world.db->begin(store::TxMode::kRead);
    auto account = tx->query_one(
        "SELECT email_sealed, display_name_sealed, wrapped_key FROM accounts WHERE id = ?",
        {owner.id});
    for (std::size_t i = 0; i < 3; ++i) sealed.push_back(account->bytes(i));
    for (const char* sql : {"SELECT body_sealed FROM entries WHERE author_id = ?",
                            "SELECT answer_sealed FROM boundary_answers WHERE account_id = ?",
                            "SELECT change_sealed FROM boundary_history WHERE account_id = ?",
                            "SELECT item_sealed FROM custom_items WHERE author_id = ?",
                            "SELECT body_sealed FROM worksheet_versions WHERE author_id = ?",
                            "SELECT text_sealed FROM intention_versions WHERE author_id = ?"}) {
      for (const auto& row : tx->query(sql, {owner.id})) sealed.push_back(row.bytes(0));
    }
  }
  ASSERT_GE(sealed.size(), 10u);
  // The control: before deletion the scanner finds those bytes.
  std::size_t found_before = 0;
  for (const auto& bytes : sealed) found_before += files_holding(world, bytes).empty() ? 0 : 1;
  ASSERT_EQ(found_before, sealed.size());

  ASSERT_TRUE(world.services.accounts.delete_account(owner.actor, owner.password));

  for (std::size_t i = 0; i < sealed.size(); ++i) {
    EXPECT_EQ(files_holding(world, sealed[i]), std::vector<std::string>{}) << "sealed field " << i;
  }
  for (const auto& c : canary.all())
    EXPECT_EQ(files_holding(world, c), std::vector<std::string>{}) << c;
}

TEST_F(EncryptionAtRest, RemovedEntryLeavesNoSealedBytes) {
  std::string body;
  std::string entry_id;
  {
    auto tx = world.db->begin(store::TxMode::kRead);
    auto row = tx->query_one(
        "SELECT id, body_sealed FROM entries WHERE author_id = ? AND feature = 'intake'",
        {owner.id});
    entry_id = row->text(0);
    body = row->bytes(1);
  }
  ASSERT_FALSE(files_holding(world, body).empty());
  ASSERT_TRUE(world.services.intake.remove(owner.actor, entry_id));
  EXPECT_EQ(files_holding(world, body), std::vector<std::string>{});
}

// Debriefs (issue 10): the three answers are sealed, come back once revealed, and leave with
// the account.
TEST_F(EncryptionAtRest, DebriefCanariesAreSealedAndLeaveWithTheAccount) {
  const std::vector<std::string> words{"CanaryNourishing5e1f", "CanaryDiscomfort5e1f",
                                       "CanaryAdjust5e1f"};
  auto& s = world.services;
  for (const auto& person : group.people)
    ASSERT_TRUE(s.agreements.sign(person.actor, agreement_id, 1));
  auto practice = s.practices.create(owner.actor, agreement_id, core::Device::kOwn);
  ASSERT_TRUE(practice);
  ASSERT_TRUE(s.practices.command(owner.actor, *practice, core::PracticeCommand::kEnd));
  ASSERT_TRUE(s.debriefs.give(owner.actor, *practice, {false, words[0], words[1], words[2]}));
  ASSERT_TRUE(s.debriefs.give(group.people.at(1).actor, *practice, {true, "", "", ""}));
  auto shown = s.debriefs.get(owner.actor, *practice);
  ASSERT_TRUE(shown);
  ASSERT_EQ(shown->debriefs.size(), 2u);
  std::string text;
  for (const auto& d : shown->debriefs) {
    text += d.answer.nourishing + d.answer.discomfort + d.answer.adjust;
  }
  for (const auto& c : words) EXPECT_NE(text.find(c), std::string::npos) << c;

  for (const auto& c : words) EXPECT_EQ(files_holding(world, c), std::vector<std::string>{}) << c;
  world.db->scrub_after_delete();
  for (const auto& c : words) EXPECT_EQ(files_holding(world, c), std::vector<std::string>{}) << c;

  std::string sealed;
  {
    auto tx = world.db->begin(store::TxMode::kRead);
    sealed = tx->query_one("SELECT answer_sealed FROM debriefs WHERE account_id = ?", {owner.id})
                 ->bytes(0);
  }
  ASSERT_FALSE(files_holding(world, sealed).empty());
  ASSERT_TRUE(s.accounts.delete_account(owner.actor, owner.password));
  EXPECT_EQ(files_holding(world, sealed), std::vector<std::string>{});
}

// The therapist's notes, each partner's messages and the access log (which names the
// therapist) are sealed: the canaries come back through the use cases, never from a file.
TEST(EncryptionAtRestTherapy, NotesMessagesAndTheAccessLogAreSealed) {
  World world;
  Group group = world.relationship(2);
  const std::vector<std::string> words{"CanaryNoteTx9c", "CanaryMessageTx9c",
                                       "CanaryTherapistTx9c"};
  Person doctor = therapist(world, words[2]);
  link(world, doctor, group);
  auto& s = world.services;
  const auto& partner = group.people[0];
  ASSERT_TRUE(s.intake.create(partner.actor, group.rid, "safe", "x", core::Visibility::kTherapist));
  ASSERT_TRUE(s.therapist_notes.add(doctor.actor, group.rid, words[0]));
  ASSERT_TRUE(s.therapist_messages.send(partner.actor, group.rid, words[1]));
  ASSERT_TRUE(s.shared_with_therapist.of(doctor.actor, group.rid));

  std::string text = s.therapist_notes.list(doctor.actor, group.rid)->at(0).text;
  text += s.therapist_messages.mine(partner.actor, group.rid)->at(0).text;
  text += s.access_log.mine(partner.actor, group.rid)->at(0).actor_name;
  for (const auto& c : words) EXPECT_NE(text.find(c), std::string::npos) << c;
  for (const auto& c : words) EXPECT_EQ(files_holding(world, c), std::vector<std::string>{}) << c;
  world.db->scrub_after_delete();
  for (const auto& c : words) EXPECT_EQ(files_holding(world, c), std::vector<std::string>{}) << c;
}

TEST_F(EncryptionAtRest, MeasureAnswersAndRhythmsAreSealedAndLeaveWithTheAccount) {
  auto& s = world.services;
  auto answered =
      s.measures.answer(owner.actor, group.rid, "csi-4",
                        {{"q1", 5}, {"q2", 4}, {"q3", 3}, {"q4", 4}}, core::Visibility::kPartners);
  ASSERT_TRUE(answered);
  ASSERT_TRUE(s.measures.set_schedule(owner.actor, group.rid, "gmsex", 14));
  const auto results = s.measures.results(group.people.at(1).actor, group.rid);
  ASSERT_EQ(results->size(), 1u);
  EXPECT_EQ(results->front().total, 16);
  // The body's shape, which would show in plaintext if it were stored unsealed.
  // (A bare "measure_id" would match the schema's column name.)
  const std::vector<std::string> plain{"\"measure_id\"", "\"answers\"", "every_days", "gmsex"};
  world.db->scrub_after_delete();
  for (const auto& c : plain) EXPECT_EQ(files_holding(world, c), std::vector<std::string>{}) << c;
  std::string sealed;
  {
    auto tx = world.db->begin(store::TxMode::kRead);
    sealed =
        tx->query_one("SELECT body_sealed FROM entries WHERE id = ?", {answered->id})->bytes(0);
  }
  ASSERT_FALSE(files_holding(world, sealed).empty());
  ASSERT_TRUE(s.accounts.delete_account(owner.actor, owner.password));
  EXPECT_EQ(files_holding(world, sealed), std::vector<std::string>{});
}

// Appreciation notes and shared plans (issue 14): the note, the plan's title and note are
// sealed, come back through the API, and leave with their author's account.
TEST_F(EncryptionAtRest, AppreciationAndPlanCanariesAreSealedAndLeaveWithTheAccount) {
  const std::vector<std::string> words{"CanaryThanks5e1f", "CanaryPlanTitle5e1f",
                                       "CanaryPlanNote5e1f"};
  auto& s = world.services;
  const Person& other = group.people.at(1);
  ASSERT_TRUE(s.appreciations.send(owner.actor, group.rid, other.id, words[0]));
  auto plan = s.plans.propose(owner.actor, group.rid,
                              {core::PlanKind::kPractice, words[1], 1'800'000'000'000, words[2]});
  ASSERT_TRUE(plan);
  ASSERT_TRUE(s.plans.respond(other.actor, *plan, false));
  std::string text;
  const auto notes = s.appreciations.list(other.actor, group.rid);
  ASSERT_TRUE(notes);
  for (const auto& note : notes->received) text += note.text;
  const auto plans = s.plans.list(other.actor, group.rid);
  ASSERT_TRUE(plans);
  for (const auto& p : *plans) text += p.title + p.note;
  for (const auto& c : words) EXPECT_NE(text.find(c), std::string::npos) << c;

  world.db->scrub_after_delete();
  for (const auto& c : words) EXPECT_EQ(files_holding(world, c), std::vector<std::string>{}) << c;
  // Nor does the kind or an answer show in the clear.
  EXPECT_EQ(files_holding(world, "not_joining"), std::vector<std::string>{});
  EXPECT_EQ(files_holding(world, "\"practice\""), std::vector<std::string>{});

  std::vector<std::string> sealed;
  {
    auto tx = world.db->begin(store::TxMode::kRead);
    sealed.push_back(
        tx->query_one("SELECT text_sealed FROM appreciations WHERE author_id = ?", {owner.id})
            ->bytes(0));
    sealed.push_back(
        tx->query_one("SELECT plan_sealed FROM plans WHERE proposer_id = ?", {owner.id})->bytes(0));
  }
  for (const auto& bytes : sealed) ASSERT_FALSE(files_holding(world, bytes).empty());
  ASSERT_TRUE(s.accounts.delete_account(owner.actor, owner.password));
  for (const auto& bytes : sealed)
    EXPECT_EQ(files_holding(world, bytes), std::vector<std::string>{});
}

// The safety check (issue 12): which questions were answered how, whether they signalled
// danger and what holds practice are sealed; the answers leave with the account.
TEST_F(EncryptionAtRest, SafetyAnswersAndHoldCausesAreSealedAndLeaveWithTheAccount) {
  auto& s = world.services;
  ASSERT_TRUE(s.safety_checks.submit(owner.actor, group.rid,
                                     {{"physically-hurt", 2}, {"sexual-pressure", 1}}));
  ASSERT_TRUE(s.practice_holds.pause_programme(group.people.at(1).actor, group.rid));
  auto mine = s.safety_checks.mine(owner.actor, group.rid);
  ASSERT_TRUE(mine && mine->size() == 1u);
  EXPECT_TRUE(mine->front().signals_danger);
  // (Not "safety_check": the schema's own table name holds it.)
  const std::vector<std::string> plain{"physically-hurt", "sexual-pressure", "signals_danger",
                                       "programme_pause"};
  world.db->scrub_after_delete();
  for (const auto& word : plain)
    EXPECT_EQ(files_holding(world, word), std::vector<std::string>{}) << word;
  std::string sealed;
  {
    auto tx = world.db->begin(store::TxMode::kRead);
    sealed =
        tx->query_one("SELECT answers_sealed FROM safety_checks WHERE account_id = ?", {owner.id})
            ->bytes(0);
  }
  ASSERT_FALSE(files_holding(world, sealed).empty());
  ASSERT_TRUE(s.accounts.delete_account(owner.actor, owner.password));
  EXPECT_EQ(files_holding(world, sealed), std::vector<std::string>{});
}

}  // namespace
}  // namespace attune::app::testing
