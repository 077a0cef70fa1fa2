#include "core/plan.h"

namespace attune::core {

std::optional<PlanKind> parse_plan_kind(std::string_view text) {
  if (text == "recreation") return PlanKind::kRecreation;
  if (text == "rest") return PlanKind::kRest;
  if (text == "stress_relief") return PlanKind::kStressRelief;
  if (text == "practice") return PlanKind::kPractice;
  return std::nullopt;
}

std::string_view plan_kind_name(PlanKind kind) {
  switch (kind) {
    case PlanKind::kRecreation:
      return "recreation";
    case PlanKind::kRest:
      return "rest";
    case PlanKind::kStressRelief:
      return "stress_relief";
    case PlanKind::kPractice:
      return "practice";
  }
  return "recreation";
}

std::optional<PlanResponse> parse_plan_response(std::string_view text) {
  if (text == "undecided") return PlanResponse::kUndecided;
  if (text == "joining") return PlanResponse::kJoining;
  if (text == "not_joining") return PlanResponse::kNotJoining;
  return std::nullopt;
}

std::string_view plan_response_name(PlanResponse response) {
  switch (response) {
    case PlanResponse::kUndecided:
      return "undecided";
    case PlanResponse::kJoining:
      return "joining";
    case PlanResponse::kNotJoining:
      return "not_joining";
  }
  return "undecided";
}

}  // namespace attune::core
