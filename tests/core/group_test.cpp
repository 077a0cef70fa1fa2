#include "core/group.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

using Ids = std::vector<std::string>;

const Ids kPartners = {"carol", "alex", "bea", "dee"};

TEST(Group, DefaultsToEveryPartnerSorted) {
  const auto group = resolve_group(kPartners, "bea", {});
  ASSERT_TRUE(group.has_value());
  EXPECT_EQ(*group, (Ids{"alex", "bea", "carol", "dee"}));
}

TEST(Group, DefaultForLonePartnerIsAGroupOfOne) {
  const auto group = resolve_group({"alex"}, "alex", {});
  ASSERT_TRUE(group.has_value());
  EXPECT_EQ(*group, (Ids{"alex"}));
}

TEST(Group, RejectsCallerWhoIsNotAPartner) {
  const auto group = resolve_group(kPartners, "eve", {});
  ASSERT_FALSE(group.has_value());
  EXPECT_EQ(group.error().code, base::ErrorCode::invalid_group);
}

TEST(Group, AcceptsSubgroupIncludingMeSortedAndDeduplicated) {
  const auto group = resolve_group(kPartners, "bea", {"dee", "bea", "dee"});
  ASSERT_TRUE(group.has_value());
  EXPECT_EQ(*group, (Ids{"bea", "dee"}));
}

TEST(Group, RejectsSubgroupWithoutMe) {
  const auto group = resolve_group(kPartners, "bea", {"alex", "carol"});
  ASSERT_FALSE(group.has_value());
  EXPECT_EQ(group.error().code, base::ErrorCode::invalid_group);
}

TEST(Group, RejectsNonPartnerWithoutNamingThem) {
  const auto group = resolve_group(kPartners, "bea", {"bea", "mallory"});
  ASSERT_FALSE(group.has_value());
  EXPECT_EQ(group.error().code, base::ErrorCode::invalid_group);
  EXPECT_EQ(group.error().message.find("mallory"), std::string::npos);
}

TEST(Group, NonPartnerMessageIsTheSameWhoeverItIs) {
  const auto first = resolve_group(kPartners, "bea", {"bea", "mallory"});
  const auto second = resolve_group(kPartners, "bea", {"bea", "alex", "zed"});
  ASSERT_FALSE(first.has_value());
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(first.error().message, second.error().message);
}

TEST(Group, RejectsMeAlone) {
  const auto group = resolve_group(kPartners, "bea", {"bea", "bea"});
  ASSERT_FALSE(group.has_value());
  EXPECT_EQ(group.error().code, base::ErrorCode::invalid_group);
}

TEST(Group, AcceptsEightAndRejectsNine) {
  Ids nine;
  for (char c = 'a'; c <= 'i'; ++c) nine.emplace_back(1, c);
  const Ids eight(nine.begin(), nine.end() - 1);
  EXPECT_TRUE(resolve_group(nine, "a", eight).has_value());
  const auto too_many = resolve_group(nine, "a", nine);
  ASSERT_FALSE(too_many.has_value());
  EXPECT_EQ(too_many.error().code, base::ErrorCode::invalid_group);
}

}  // namespace
}  // namespace attune::core
