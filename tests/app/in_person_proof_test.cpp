// Shared-device presence (issue 15 item 1, I3): on a practice opened as `shared`, a ready or
// resume for someone else needs that person's own PIN or password, checked by the server;
// without it, 403 proof_required and nothing changes. A pause never needs proof. PINs: set
// after the password, sealed at rest, and their guesses bounded.
#include <gtest/gtest.h>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using core::PracticeCommand;
using core::PracticeStatus;
using std::chrono::seconds;

class InPersonProofTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(2); }

  Practices& practices() { return world.services.practices; }
  Pins& pins() { return world.services.pins; }
  Person& ana() { return group.people[0]; }
  Person& ben() { return group.people[1]; }

  // Ben, at the shared device, acts for Ana with the given proofs.
  base::Result<CommandOutcome> ben_for_ana(const std::string& practice, PracticeCommand command,
                                           std::vector<InPersonProof> proofs) {
    return practices().command(ben().actor, practice, command, {ana().id}, proofs);
  }
  InPersonProof pin_of_ana(const std::string& pin) { return {ana().id, pin, ""}; }
  InPersonProof password_of_ana(const std::string& password) { return {ana().id, "", password}; }

  std::int64_t acts() { return world.count("SELECT COUNT(*) FROM practice_acts"); }
  PracticeStatus status(const std::string& practice) {
    return practices().get(ana().actor, practice)->view.status;
  }
  std::string paused_by_ana() {
    auto practice = world.running_practice(group, core::Device::kShared);
    EXPECT_TRUE(practices().command(ana().actor, practice, PracticeCommand::kPause));
    return practice;
  }

  World world;
  Group group;
};

TEST_F(InPersonProofTest, WithoutAnasProofBenCannotUndoHerPauseAndNothingChanges) {
  auto practice = paused_by_ana();
  const auto before = acts();
  EXPECT_EQ(code_of(ben_for_ana(practice, PracticeCommand::kResume, {})), "proof_required");
  EXPECT_EQ(code_of(ben_for_ana(practice, PracticeCommand::kResume, {password_of_ana("guess it")})),
            "proof_required");
  EXPECT_EQ(code_of(ben_for_ana(practice, PracticeCommand::kResume, {pin_of_ana("135790")})),
            "proof_required");  // Ana has no PIN
  EXPECT_EQ(acts(), before);    // not even Ben's own consent was recorded
  auto view = practices().get(ana().actor, practice)->view;
  EXPECT_EQ(view.status, PracticeStatus::kPaused);
  EXPECT_EQ(view.resume_consent_count, 0);
}

TEST_F(InPersonProofTest, WithoutProofBenCannotStartForAna) {
  auto agreement = world.signed_agreement(group);
  auto practice = *practices().create(ben().actor, agreement.id, core::Device::kShared);
  EXPECT_EQ(code_of(ben_for_ana(practice, PracticeCommand::kReady, {})), "proof_required");
  EXPECT_EQ(practices().get(ana().actor, practice)->view.ready_count, 0);
  auto started = ben_for_ana(practice, PracticeCommand::kReady, {password_of_ana(ana().password)});
  ASSERT_EQ(code_of(started), "ok");
  EXPECT_EQ(started->snapshot.view.status, PracticeStatus::kRunning);
}

TEST_F(InPersonProofTest, WithAnasPasswordOrPinTheResumeGoesThrough) {
  auto practice = paused_by_ana();
  auto resumed = ben_for_ana(practice, PracticeCommand::kResume, {password_of_ana(ana().password)});
  ASSERT_EQ(code_of(resumed), "ok");
  EXPECT_EQ(resumed->snapshot.view.status, PracticeStatus::kRunning);

  ASSERT_EQ(code_of(pins().set(ana().actor, ana().password, "482916")), "ok");
  ASSERT_TRUE(practices().command(ana().actor, practice, PracticeCommand::kPause));
  resumed = ben_for_ana(practice, PracticeCommand::kResume, {pin_of_ana("482916")});
  ASSERT_EQ(code_of(resumed), "ok");
  EXPECT_EQ(resumed->snapshot.view.status, PracticeStatus::kRunning);
}

TEST_F(InPersonProofTest, APauseNeverNeedsProof) {
  auto practice = world.running_practice(group, core::Device::kShared);
  auto paused = practices().command(ben().actor, practice, PracticeCommand::kPause, {ana().id});
  ASSERT_EQ(code_of(paused), "ok");
  EXPECT_EQ(status(practice), PracticeStatus::kPaused);
  EXPECT_EQ(code_of(practices().command(ben().actor, practice, PracticeCommand::kEnd, {ana().id})),
            "ok");
}

TEST_F(InPersonProofTest, AProofIsOnlyForSomeoneNamedAndNeverForOneself) {
  auto practice = paused_by_ana();
  EXPECT_EQ(code_of(practices().command(ben().actor, practice, PracticeCommand::kResume, {},
                                        {password_of_ana(ana().password)})),
            "invalid_field");
  EXPECT_EQ(code_of(ben_for_ana(practice, PracticeCommand::kResume,
                                {password_of_ana(ana().password), {ben().id, "", ben().password}})),
            "invalid_field");
  // Confirming oneself needs no proof: the session already says who one is.
  EXPECT_EQ(
      code_of(practices().command(ben().actor, practice, PracticeCommand::kResume, {ben().id})),
      "ok");
}

TEST_F(InPersonProofTest, PinGuessesAreBoundedThenOnlyThePasswordWorks) {
  ASSERT_EQ(code_of(pins().set(ana().actor, ana().password, "482916")), "ok");
  auto practice = paused_by_ana();
  for (std::int64_t i = 0; i < Pins::kMaxPinFailures; ++i) {
    EXPECT_EQ(code_of(ben_for_ana(practice, PracticeCommand::kResume,
                                  {pin_of_ana("10000" + std::to_string(i))})),
              "proof_required");
    world.advance(seconds(31));  // past the gate's delay
  }
  // Five wrong in a row: even the right PIN no longer proves anything…
  EXPECT_EQ(code_of(ben_for_ana(practice, PracticeCommand::kResume, {pin_of_ana("482916")})),
            "proof_required");
  EXPECT_EQ(status(practice), PracticeStatus::kPaused);
  // …and surviving a restart of the server: the count is in the store.
  EXPECT_EQ(world.count("SELECT failures FROM account_pins WHERE account_id = ?", {ana().id}),
            Pins::kMaxPinFailures);
  // Ana's password does, and lets her PIN work again.
  ASSERT_EQ(
      code_of(ben_for_ana(practice, PracticeCommand::kResume, {password_of_ana(ana().password)})),
      "ok");
  ASSERT_TRUE(practices().command(ana().actor, practice, PracticeCommand::kPause));
  EXPECT_EQ(code_of(ben_for_ana(practice, PracticeCommand::kResume, {pin_of_ana("482916")})), "ok");
}

TEST_F(InPersonProofTest, QuickPinGuessesMeetTheGatesDelay) {
  ASSERT_EQ(code_of(pins().set(ana().actor, ana().password, "482916")), "ok");
  auto practice = paused_by_ana();
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(code_of(ben_for_ana(practice, PracticeCommand::kResume, {pin_of_ana("111112")})),
              "proof_required");
  }
  EXPECT_EQ(code_of(ben_for_ana(practice, PracticeCommand::kResume, {pin_of_ana("482916")})),
            "rate_limited");
}

TEST_F(InPersonProofTest, SettingAPinNeedsThePasswordAndAHardToGuessPin) {
  EXPECT_EQ(code_of(pins().set(ana().actor, "not her password", "482916")), "invalid_credentials");
  EXPECT_FALSE(pins().is_set(ana().actor));
  for (const char* weak : {"12345", "1234567890123", "48a916", "000000", "123456", "876543"}) {
    EXPECT_EQ(code_of(pins().set(ana().actor, ana().password, weak)), "invalid_field") << weak;
  }
  ASSERT_EQ(code_of(pins().set(ana().actor, ana().password, "482916")), "ok");
  EXPECT_TRUE(pins().is_set(ana().actor));
  EXPECT_FALSE(pins().is_set(ben().actor));
  EXPECT_EQ(code_of(pins().remove(ana().actor, "not her password")), "invalid_credentials");
  ASSERT_EQ(code_of(pins().remove(ana().actor, ana().password)), "ok");
  EXPECT_FALSE(pins().is_set(ana().actor));
  EXPECT_EQ(code_of(pins().remove(ana().actor, ana().password)), "not_found");
}

TEST_F(InPersonProofTest, ThePinIsSealedAtRestAndGoesWithTheAccount) {
  ASSERT_EQ(code_of(pins().set(ana().actor, ana().password, "482916")), "ok");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM account_pins"), 1);
  // Not even the Argon2 hash is readable: a six-digit PIN's hash could be searched offline.
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM account_pins WHERE instr(CAST(pin_hash_sealed AS "
                        "TEXT), 'argon2') > 0"),
            0);
  ASSERT_EQ(code_of(world.services.accounts.delete_account(ana().actor, ana().password)), "ok");
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM account_pins"), 0);
}

}  // namespace
}  // namespace attune::app::testing
