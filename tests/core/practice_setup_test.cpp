#include <gtest/gtest.h>

#include "core/practice_setup.h"

namespace attune::core {
namespace {

PracticeSetup valid() {
  PracticeSetup setup;
  setup.participants = {"ana", "ben", "cai"};
  setup.role_order = {"cai", "ana", "ben"};
  setup.time_limit_minutes = 20;
  return setup;
}

base::ErrorCode error_of(const PracticeSetup& setup) {
  const auto status = validate_setup(setup);
  EXPECT_FALSE(status.has_value());
  return status ? base::ErrorCode::internal : status.error().code;
}

TEST(PracticeSetup, AcceptsDistinctParticipantsWithARoleOrderAmongThem) {
  EXPECT_TRUE(validate_setup(valid()).has_value());
}

TEST(PracticeSetup, NeedsAtLeastTwoParticipants) {
  auto setup = valid();
  setup.participants = {"ana"};
  EXPECT_EQ(error_of(setup), base::ErrorCode::too_few_participants);
}

TEST(PracticeSetup, RejectsMoreThanEightParticipants) {
  auto setup = valid();
  setup.participants = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
  setup.role_order = {"a", "b"};
  EXPECT_EQ(error_of(setup), base::ErrorCode::invalid_field);
}

TEST(PracticeSetup, RejectsDuplicateOrEmptyParticipants) {
  auto setup = valid();
  setup.participants = {"ana", "ben", "ana"};
  EXPECT_EQ(error_of(setup), base::ErrorCode::invalid_field);
  setup.participants = {"ana", ""};
  EXPECT_EQ(error_of(setup), base::ErrorCode::invalid_field);
}

TEST(PracticeSetup, RoleOrderNamesOnlyParticipantsOnce) {
  auto setup = valid();
  setup.role_order = {"ana", "eve"};
  EXPECT_EQ(error_of(setup), base::ErrorCode::not_a_participant);
  setup.role_order = {"ana", "ana"};
  EXPECT_EQ(error_of(setup), base::ErrorCode::invalid_field);
  setup.role_order = {"ana"};
  EXPECT_EQ(error_of(setup), base::ErrorCode::invalid_field);
}

TEST(PracticeSetup, TimeLimitIsFiveToOneHundredEightyMinutes) {
  auto setup = valid();
  setup.time_limit_minutes = 4;
  EXPECT_EQ(error_of(setup), base::ErrorCode::invalid_field);
  setup.time_limit_minutes = 181;
  EXPECT_EQ(error_of(setup), base::ErrorCode::invalid_field);
  setup.time_limit_minutes = 180;
  EXPECT_TRUE(validate_setup(setup).has_value());
}

TEST(PracticeSetup, ParticipantIndexFindsOnlyParticipants) {
  EXPECT_EQ(participant_index(valid(), "ben"), 1u);
  EXPECT_EQ(participant_index(valid(), "eve"), std::nullopt);
  EXPECT_EQ(participant_index(valid(), ""), std::nullopt);
}

}  // namespace
}  // namespace attune::core
