#include "core/visibility.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

constexpr Visibility kAll[] = {Visibility::kPrivate, Visibility::kPartners, Visibility::kTherapist,
                               Visibility::kPartnersAndTherapist};

TEST(Visibility, NamesRoundTrip) {
  for (Visibility visibility : kAll) {
    EXPECT_EQ(parse_visibility(visibility_name(visibility)), visibility);
  }
  EXPECT_EQ(visibility_name(Visibility::kPartnersAndTherapist), "partners_and_therapist");
}

TEST(Visibility, RejectsUnknownWords) {
  for (std::string_view text : {"", "Private", "public", "partners-and-therapist", "everyone"}) {
    EXPECT_EQ(parse_visibility(text), std::nullopt) << text;
  }
}

TEST(Visibility, PrivateReachesNobody) {
  EXPECT_FALSE(reaches_partners(Visibility::kPrivate));
  EXPECT_FALSE(reaches_therapist(Visibility::kPrivate));
}

TEST(Visibility, PartnersDoesNotImplyTherapist) {
  EXPECT_TRUE(reaches_partners(Visibility::kPartners));
  EXPECT_FALSE(reaches_therapist(Visibility::kPartners));
}

TEST(Visibility, TherapistDoesNotImplyPartners) {
  EXPECT_FALSE(reaches_partners(Visibility::kTherapist));
  EXPECT_TRUE(reaches_therapist(Visibility::kTherapist));
}

TEST(Visibility, PartnersAndTherapistReachesBoth) {
  EXPECT_TRUE(reaches_partners(Visibility::kPartnersAndTherapist));
  EXPECT_TRUE(reaches_therapist(Visibility::kPartnersAndTherapist));
}

}  // namespace
}  // namespace attune::core
