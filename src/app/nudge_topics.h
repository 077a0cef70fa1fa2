// The fixed set of nudge topics: what kind of thing changed, optionally in which
// relationship (one the person is a member of, so naming it tells them nothing new). A
// topic never says who did what.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"

namespace attune::app::nudge_topic {

inline constexpr std::string_view kRelationships = "relationships";  // members, join requests
inline constexpr std::string_view kAgreements = "agreements";        // drafts, signatures
inline constexpr std::string_view kIntake = "intake";
inline constexpr std::string_view kCheckins = "checkins";
inline constexpr std::string_view kCarePlan = "care_plan";
inline constexpr std::string_view kWorksheets = "worksheets";
inline constexpr std::string_view kAppreciation = "appreciation";
inline constexpr std::string_view kPlans = "plans";

// "<kind>:<relationship id>", the form the live layer expects with a relationship.
inline std::string in(std::string_view kind, const std::string& relationship_id) {
  return std::string(kind) + ":" + relationship_id;
}

}  // namespace attune::app::nudge_topic

namespace attune::app {

// The people to nudge about the actor's change: those who can see it, never the actor
// (their own screen already shows it).
inline std::vector<std::string> others_than(const Actor& actor, std::vector<std::string> people) {
  std::erase(people, actor.account_id);
  return people;
}

}  // namespace attune::app
