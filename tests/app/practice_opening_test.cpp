// One open practice per agreement: opening it again, by anyone and however many at once,
// joins the open one; once it has ended or been voided, the next opening starts a new one.
#include <gtest/gtest.h>

#include <future>
#include <set>
#include <string>
#include <vector>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using core::Device;
using core::PracticeCommand;

class PracticeOpeningTest : public ::testing::Test {
 protected:
  void SetUp() override { group = world.relationship(3); }

  Practices& practices() { return world.services.practices; }
  const Actor& actor(int i) { return group.people[static_cast<std::size_t>(i)].actor; }
  std::int64_t practices_on(const std::string& agreement_id) {
    return world.count("SELECT COUNT(*) FROM practices WHERE agreement_id = ?", {agreement_id});
  }

  World world;
  Group group;
};

TEST_F(PracticeOpeningTest, OpeningAgainJoinsTheOpenPractice) {
  auto agreement = world.signed_agreement(group);
  auto first = practices().open(actor(0), agreement.id, Device::kOwn);
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->created);
  ASSERT_TRUE(practices().command(actor(0), first->id, PracticeCommand::kReady));
  auto second = practices().open(actor(1), agreement.id, Device::kShared);
  ASSERT_TRUE(second);
  EXPECT_FALSE(second->created);
  EXPECT_EQ(second->id, first->id);
  // The one joined keeps its own device and the readiness already given.
  auto state = practices().get(actor(1), second->id);
  EXPECT_EQ(state->view.device, Device::kOwn);
  EXPECT_EQ(state->view.ready_count, 1);
  EXPECT_EQ(practices_on(agreement.id), 1);
}

TEST_F(PracticeOpeningTest, ARunningOrPausedPracticeIsStillTheOpenOne) {
  auto practice = world.running_practice(group);
  const auto agreement_id = practices().get(actor(0), practice)->agreement_id;
  EXPECT_EQ(practices().open(actor(2), agreement_id, Device::kOwn)->id, practice);
  ASSERT_TRUE(practices().command(actor(2), practice, PracticeCommand::kPause));
  EXPECT_EQ(practices().open(actor(1), agreement_id, Device::kOwn)->id, practice);
  EXPECT_EQ(practices_on(agreement_id), 1);
}

TEST_F(PracticeOpeningTest, AnEndedPracticeMakesWayForANewOne) {
  auto practice = world.running_practice(group);
  const auto agreement_id = practices().get(actor(0), practice)->agreement_id;
  ASSERT_TRUE(practices().command(actor(1), practice, PracticeCommand::kEnd));
  auto next = practices().open(actor(1), agreement_id, Device::kOwn);
  ASSERT_TRUE(next);
  EXPECT_TRUE(next->created);
  EXPECT_NE(next->id, practice);
  EXPECT_EQ(practices_on(agreement_id), 2);
}

TEST_F(PracticeOpeningTest, APracticeThatEndedByTheClockMakesWayToo) {
  auto agreement = world.signed_agreement(group);
  auto first = *practices().open(actor(0), agreement.id, Device::kOwn);
  // Nobody finished starting it: it ends by itself, with nothing written.
  world.advance(core::kPracticeWaitingTimeout + std::chrono::seconds(1));
  auto next = practices().open(actor(0), agreement.id, Device::kOwn);
  ASSERT_TRUE(next);
  EXPECT_TRUE(next->created);
  EXPECT_NE(next->id, first.id);
}

TEST_F(PracticeOpeningTest, AVoidedPracticeIsNotJoinedAfterTheTermsChangeAndAreSignedAgain) {
  auto agreement = world.signed_agreement(group);
  auto first = *practices().open(actor(0), agreement.id, Device::kOwn);
  auto edited = world.services.agreements.update(actor(1), agreement.id, world.terms("cedar"));
  ASSERT_TRUE(edited);
  EXPECT_TRUE(practices().get(actor(0), first.id)->view.is_void);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(world.services.agreements.sign(actor(i), agreement.id, edited->version));
  }
  auto next = practices().open(actor(2), agreement.id, Device::kOwn);
  ASSERT_TRUE(next);
  EXPECT_TRUE(next->created);
  EXPECT_NE(next->id, first.id);
  EXPECT_FALSE(practices().get(actor(2), next->id)->view.is_void);
}

TEST_F(PracticeOpeningTest, EveryoneOpeningAtOnceGetsOnePractice) {
  auto agreement = world.signed_agreement(group);
  for (int round = 0; round < 5; ++round) {
    std::vector<std::future<base::Result<OpenedPractice>>> openings;
    for (int i = 0; i < 3; ++i) {
      openings.push_back(std::async(std::launch::async, [&, i] {
        return practices().open(actor(i), agreement.id, Device::kOwn);
      }));
    }
    std::set<std::string> ids;
    int created = 0;
    for (auto& opening : openings) {
      auto opened = opening.get();
      ASSERT_TRUE(opened) << opened.error().message;
      ids.insert(opened->id);
      created += opened->created ? 1 : 0;
    }
    EXPECT_EQ(ids.size(), 1u);
    EXPECT_EQ(created, 1);
    EXPECT_EQ(practices_on(agreement.id), round + 1);
    ASSERT_TRUE(practices().command(actor(0), *ids.begin(), PracticeCommand::kEnd));
  }
}

}  // namespace
}  // namespace attune::app::testing
