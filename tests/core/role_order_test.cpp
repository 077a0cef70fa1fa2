#include "core/role_order.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

namespace attune::core {
namespace {

using Ids = std::vector<std::string>;

TEST(RoleOrder, TwoPeopleSwapWhoStarts) {
  EXPECT_EQ(next_role_order({"ana", "bo"}, "ana", Ids{"ana", "bo"}), (Ids{"bo", "ana"}));
  EXPECT_EQ(next_role_order({"ana", "bo"}, "ana", Ids{"bo", "ana"}), (Ids{"ana", "bo"}));
}

TEST(RoleOrder, ThreePeopleRotateByOnePlace) {
  EXPECT_EQ(next_role_order({"ana", "bo", "cy"}, "cy", Ids{"bo", "cy", "ana"}),
            (Ids{"cy", "ana", "bo"}));
}

TEST(RoleOrder, WithoutAnEarlierAgreementTheCallerStarts) {
  EXPECT_EQ(next_role_order({"ana", "bo", "cy"}, "bo", std::nullopt), (Ids{"bo", "ana", "cy"}));
  EXPECT_EQ(next_role_order({"ana", "bo"}, "ana", std::nullopt), (Ids{"ana", "bo"}));
}

TEST(RoleOrder, AnEarlierOrderForOtherPeopleIsIgnored) {
  EXPECT_EQ(next_role_order({"ana", "bo"}, "bo", Ids{"ana", "bo", "cy"}), (Ids{"bo", "ana"}));
  EXPECT_EQ(next_role_order({"ana", "bo"}, "bo", Ids{}), (Ids{"bo", "ana"}));
}

RC_GTEST_PROP(RoleOrder, EveryoneStartsOnceInAsManyAgreementsAsThereArePeople, ()) {
  const auto size = *rc::gen::inRange<std::size_t>(2, 9);
  Ids people;
  for (std::size_t i = 0; i < size; ++i) people.push_back("p" + std::to_string(i));
  const auto caller = *rc::gen::elementOf(people);
  std::optional<Ids> last;
  Ids starters;
  for (std::size_t i = 0; i < size; ++i) {
    last = next_role_order(people, caller, last);
    RC_ASSERT(std::ranges::is_permutation(*last, people));
    starters.push_back(last->front());
  }
  RC_ASSERT(std::ranges::is_permutation(starters, people));
  RC_ASSERT(starters.front() == caller);
}

}  // namespace
}  // namespace attune::core
