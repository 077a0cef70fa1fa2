// A shared plan's vocabulary: what kind of time it is, and where each partner it was proposed
// to stands (only the partner themself ever sees their own "not_joining").
#pragma once

#include <optional>
#include <string_view>

namespace attune::core {

// "practice" is a planned practice; the others are time together outside practice.
enum class PlanKind { kRecreation, kRest, kStressRelief, kPractice };
enum class PlanResponse { kUndecided, kJoining, kNotJoining };

// "recreation", "rest", "stress_relief", "practice"; anything else is nullopt.
std::optional<PlanKind> parse_plan_kind(std::string_view text);
std::string_view plan_kind_name(PlanKind kind);
// "undecided", "joining", "not_joining".
std::optional<PlanResponse> parse_plan_response(std::string_view text);
std::string_view plan_response_name(PlanResponse response);

// The one title every plan has in a calendar or a notification: nothing on a lock screen
// says what the time is for or who it is with.
inline constexpr std::string_view kNeutralTitle = "attune";

}  // namespace attune::core
