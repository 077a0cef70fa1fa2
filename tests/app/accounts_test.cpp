// Sign-up validation, profile, password change and account deletion (I7: refused input
// changes nothing; I8: deletion removes the person and leaves the others' data intact).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

SignupInput valid_signup() {
  return {"alex@example.org", "correct horse battery", "Alex", true, "Europe/Berlin", false};
}

struct BadSignup {
  const char* what;
  SignupInput input;
  const char* code;
};

std::vector<BadSignup> bad_signups() {
  std::vector<BadSignup> cases;
  auto with = [&](const char* what, auto change, const char* code) {
    SignupInput input = valid_signup();
    change(input);
    cases.push_back({what, input, code});
  };
  with(
      "no attestation", [](SignupInput& i) { i.confirm_adult = false; },
      "adult_confirmation_required");
  with(
      "no @", [](SignupInput& i) { i.email = "alex.example.org"; }, "invalid_email");
  with(
      "one-label domain", [](SignupInput& i) { i.email = "alex@localhost"; }, "invalid_email");
  with(
      "space in e-mail", [](SignupInput& i) { i.email = "al ex@example.org"; }, "invalid_email");
  with(
      "empty password", [](SignupInput& i) { i.password = ""; }, "weak_password");
  with(
      "9-char password", [](SignupInput& i) { i.password = "123456789"; }, "weak_password");
  // Ten characters but fewer bytes would pass; nine two-byte characters must not.
  with(
      "9 chars in 18 bytes", [](SignupInput& i) { i.password = "ééééééééé"; }, "weak_password");
  with(
      "unknown zone", [](SignupInput& i) { i.time_zone = "Mars/Olympus_Mons"; },
      "invalid_time_zone");
  with(
      "path in zone", [](SignupInput& i) { i.time_zone = "../../etc/passwd"; },
      "invalid_time_zone");
  with(
      "blank name", [](SignupInput& i) { i.display_name = "   "; }, "missing_field");
  with(
      "81-char name", [](SignupInput& i) { i.display_name = std::string(81, 'a'); },
      "field_too_long");
  with(
      "invalid UTF-8 name", [](SignupInput& i) { i.display_name = "Al\xff\xfe"; }, "invalid_utf8");
  with(
      "surrogate in name", [](SignupInput& i) { i.display_name = "A\xed\xa0\x80"; },
      "invalid_utf8");
  return cases;
}

TEST(Accounts, RefusedSignUpGivesItsCodeAndWritesNothing) {
  World world;
  const auto rows_before = world.count_all_rows();
  for (const auto& bad : bad_signups()) {
    EXPECT_EQ(code_of(world.services.accounts.sign_up(bad.input)), bad.code) << bad.what;
  }
  EXPECT_EQ(world.count_all_rows(), rows_before);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM accounts"), 0);
}

TEST(Accounts, SignUpAcceptsEightyCharactersOfMultibyteName) {
  World world;
  SignupInput input = valid_signup();
  std::string name;
  for (int i = 0; i < 80; ++i) name += "é";
  input.display_name = name;
  auto id = world.services.accounts.sign_up(input);
  ASSERT_TRUE(id) << id.error().message;
  auto actor = world.log_in(input.email, input.password);
  EXPECT_EQ(world.services.accounts.profile(actor)->display_name, name);
}

TEST(Accounts, DuplicateEmailInAnyCaseIsTakenAndAddsNoRow) {
  World world;
  SignupInput first = valid_signup();
  first.email = "Alex@Example.org";
  ASSERT_TRUE(world.services.accounts.sign_up(first));
  SignupInput second = valid_signup();
  second.email = "  alex@EXAMPLE.ORG ";
  second.display_name = "Someone else";
  EXPECT_EQ(code_of(world.services.accounts.sign_up(second)), "email_taken");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM accounts"), 1);
  // The one account answers to every spelling of its address.
  EXPECT_EQ(world.services.accounts.profile(world.log_in("ALEX@example.org", first.password))
                ->display_name,
            "Alex");
}

TEST(Accounts, ProfileShowsTrimmedNameZoneAndRole) {
  World world;
  SignupInput input = valid_signup();
  input.display_name = "  Alex  ";
  auto id = world.services.accounts.sign_up(input);
  ASSERT_TRUE(id);
  auto profile = world.services.accounts.profile(world.log_in(input.email, input.password));
  ASSERT_TRUE(profile);
  EXPECT_EQ(profile->id, *id);
  EXPECT_EQ(profile->display_name, "Alex");
  EXPECT_EQ(profile->time_zone, "Europe/Berlin");
  EXPECT_EQ(profile->roles, std::vector<std::string>{"partner"});
}

TEST(Accounts, EmptyTimeZoneMeansUtc) {
  World world;
  SignupInput input = valid_signup();
  input.time_zone = "";
  ASSERT_TRUE(world.services.accounts.sign_up(input));
  EXPECT_EQ(world.services.accounts.profile(world.log_in(input.email, input.password))->time_zone,
            "UTC");
}

TEST(Accounts, ChangePasswordEndsOtherSessionsButNotThisOne) {
  World world;
  Person alex = world.person("Alex");
  Actor laptop = world.log_in(alex.email, alex.password);
  auto other_login = world.services.sessions.log_in(alex.email, alex.password);
  ASSERT_TRUE(other_login);

  ASSERT_TRUE(
      world.services.accounts.change_password(laptop, alex.password, "a new long passphrase"));

  EXPECT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "unauthenticated");
  EXPECT_EQ(code_of(world.services.sessions.authenticate(other_login->token)), "unauthenticated");
  EXPECT_EQ(world.services.sessions.list(laptop).size(), 1u);
  EXPECT_TRUE(world.services.accounts.profile(laptop));
  EXPECT_EQ(code_of(world.services.sessions.log_in(alex.email, alex.password)),
            "invalid_credentials");
  EXPECT_EQ(code_of(world.services.sessions.log_in(alex.email, "a new long passphrase")), "ok");
}

TEST(Accounts, ChangePasswordNeedsTheCurrentOneAndAStrongReplacement) {
  World world;
  Person alex = world.person("Alex");
  Actor other = world.log_in(alex.email, alex.password);
  EXPECT_EQ(code_of(world.services.accounts.change_password(alex.actor, "not my password",
                                                            "a new long passphrase")),
            "invalid_credentials");
  EXPECT_EQ(code_of(world.services.accounts.change_password(alex.actor, alex.password, "short")),
            "weak_password");
  // Neither refusal changed the password or ended the other session.
  EXPECT_EQ(code_of(world.services.sessions.log_in(alex.email, alex.password)), "ok");
  EXPECT_EQ(world.services.sessions.list(other).size(), 3u);
}

class AccountDeletion : public ::testing::Test {
 protected:
  void SetUp() override {
    group = world.relationship(2);
    alex = group.people[0];
    blake = group.people[1];
    for (const auto& person : {alex, blake}) {
      world.answer(person, group.rid, "hand-touch", core::Answer::kYes, "gently");
      world.answer(person, group.rid, "eye-contact", core::Answer::kMaybe);
      ASSERT_TRUE(world.services.intake.create(person.actor, group.rid, "hurt", "my own words",
                                               core::Visibility::kPrivate));
      ASSERT_TRUE(world.services.intake.create(person.actor, group.rid, "safe", "shared words",
                                               core::Visibility::kPartners));
    }
    ASSERT_TRUE(world.services.boundaries.add_custom_item(alex.actor, group.rid,
                                                          "presence-and-talk", "Reading aloud"));
  }

  std::int64_t rows_of(const char* table, const char* column, const std::string& id) {
    return world.count(std::string("SELECT COUNT(*) FROM ") + table + " WHERE " + column + " = ?",
                       {id});
  }

  World world;
  Group group;
  Person alex, blake;
};

TEST_F(AccountDeletion, WrongPasswordDeletesNothing) {
  const auto rows_before = world.count_all_rows();
  EXPECT_EQ(code_of(world.services.accounts.delete_account(alex.actor, "wrong password")),
            "invalid_credentials");
  EXPECT_EQ(world.count_all_rows(), rows_before);
  EXPECT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "ok");
}

TEST_F(AccountDeletion, RemovesThePersonsRowsAndLogsTheDeletion) {
  ASSERT_TRUE(world.services.accounts.delete_account(alex.actor, alex.password));

  EXPECT_EQ(code_of(world.services.sessions.log_in(alex.email, alex.password)),
            "invalid_credentials");
  EXPECT_EQ(code_of(world.services.sessions.authenticate(alex.token)), "unauthenticated");
  EXPECT_EQ(rows_of("accounts", "id", alex.id), 0);
  EXPECT_EQ(rows_of("sessions", "account_id", alex.id), 0);
  EXPECT_EQ(rows_of("memberships", "account_id", alex.id), 0);
  EXPECT_EQ(rows_of("boundary_answers", "account_id", alex.id), 0);
  EXPECT_EQ(rows_of("boundary_history", "account_id", alex.id), 0);
  EXPECT_EQ(rows_of("entries", "author_id", alex.id), 0);
  EXPECT_EQ(rows_of("custom_items", "author_id", alex.id), 0);
  EXPECT_EQ(rows_of("deletion_log", "account_id", alex.id), 1);
  // The same e-mail can make a new, unrelated account.
  EXPECT_EQ(code_of(world.services.accounts.sign_up(
                {alex.email, "another long passphrase", "New", true, "", false})),
            "ok");
}

// A failure at the end leaves the person exactly as they were: never someone who has left
// every relationship (and lost their answers) but still has an account.
TEST_F(AccountDeletion, IsOneTransactionThatAFailureUndoesWhole) {
  const auto rows_before = world.count_all_rows();
  {
    // Fails the commit that removes the account row, whichever commit that is.
    Actor failing = alex.actor;
    failing.on_commit = [&](store::Transaction& tx) {
      if (!tx.query_one("SELECT 1 FROM accounts WHERE id = ?", {alex.id})) {
        throw store::Unavailable("the disk is full");
      }
    };
    EXPECT_THROW((void)world.services.accounts.delete_account(failing, alex.password),
                 store::Unavailable);
  }
  EXPECT_EQ(world.count_all_rows(), rows_before);
  EXPECT_EQ(rows_of("memberships", "account_id", alex.id), 1);
  EXPECT_EQ(rows_of("boundary_answers", "account_id", alex.id), 2);
  EXPECT_TRUE(world.services.sessions.log_in(alex.email, alex.password));
}

TEST_F(AccountDeletion, LeavesTheOtherPartnersOwnDataIntact) {
  const auto blake_answers = rows_of("boundary_answers", "account_id", blake.id);
  const auto blake_history = world.services.boundaries.history(blake.actor, group.rid)->size();
  ASSERT_TRUE(world.services.accounts.delete_account(alex.actor, alex.password));

  EXPECT_EQ(rows_of("boundary_answers", "account_id", blake.id), blake_answers);
  auto mine = world.services.boundaries.mine(blake.actor, group.rid);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->size(), 2u);
  EXPECT_EQ(world.services.boundaries.history(blake.actor, group.rid)->size(), blake_history);
  auto entries = world.services.intake.list(blake.actor, group.rid);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 2u);
  for (const auto& entry : *entries) EXPECT_TRUE(entry.mine);
  auto detail = world.services.relationships.get(blake.actor, group.rid);
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->partners.size(), 1u);
  EXPECT_EQ(detail->partners[0].id, blake.id);
  EXPECT_EQ(rows_of("entry_audience", "account_id", alex.id), 0);
}

TEST_F(AccountDeletion, VoidsTheAgreementsAndPausesThePracticesItNamed) {
  std::string practice = world.running_practice(group);
  ASSERT_TRUE(world.services.accounts.delete_account(alex.actor, alex.password));
  EXPECT_NE(std::find(world.events.ids.begin(), world.events.ids.end(), practice),
            world.events.ids.end());
  auto seen = world.services.practices.snapshot_for(practice, blake.actor);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->view.status, core::PracticeStatus::kPaused);
  EXPECT_TRUE(seen->view.is_void);
}

}  // namespace
}  // namespace attune::app::testing
