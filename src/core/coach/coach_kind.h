// The kinds of phrasing the language coach points out, with their stable API names.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace attune::core {

enum class CoachKind { kGeneralisation, kBlame, kContempt, kMindReading, kDemand, kSarcasm };

inline constexpr std::array kCoachKinds = {CoachKind::kGeneralisation, CoachKind::kBlame,
                                           CoachKind::kContempt,       CoachKind::kMindReading,
                                           CoachKind::kDemand,         CoachKind::kSarcasm};

// "generalisation", "blame", "contempt", "mind_reading", "demand", "sarcasm".
std::string_view coach_kind_name(CoachKind kind);
std::optional<CoachKind> coach_kind_from_name(std::string_view name);

}  // namespace attune::core
