#include "core/coach/coach_kind.h"

namespace attune::core {

std::string_view coach_kind_name(CoachKind kind) {
  switch (kind) {
    case CoachKind::kGeneralisation:
      return "generalisation";
    case CoachKind::kBlame:
      return "blame";
    case CoachKind::kContempt:
      return "contempt";
    case CoachKind::kMindReading:
      return "mind_reading";
    case CoachKind::kDemand:
      return "demand";
    case CoachKind::kSarcasm:
      return "sarcasm";
  }
  return "generalisation";
}

std::optional<CoachKind> coach_kind_from_name(std::string_view name) {
  for (const CoachKind kind : kCoachKinds) {
    if (coach_kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

}  // namespace attune::core
