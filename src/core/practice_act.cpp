#include "core/practice_act.h"

#include <array>
#include <utility>

namespace attune::core {
namespace {

constexpr std::array<std::pair<ActKind, std::string_view>, 6> kActKindNames{{
    {ActKind::kCreated, "created"},
    {ActKind::kReady, "ready"},
    {ActKind::kPaused, "paused"},
    {ActKind::kResumeConsent, "resume_consent"},
    {ActKind::kAgreementVoided, "agreement_voided"},
    {ActKind::kEnded, "ended"},
}};

}  // namespace

std::string_view act_kind_name(ActKind kind) {
  for (const auto& [k, name] : kActKindNames) {
    if (k == kind) return name;
  }
  return "created";
}

std::optional<ActKind> parse_act_kind(std::string_view name) {
  for (const auto& [kind, n] : kActKindNames) {
    if (n == name) return kind;
  }
  return std::nullopt;
}

Act next_act(const std::vector<Act>& acts, ActKind kind, std::string actor, base::TimePoint at) {
  const std::int64_t seq = acts.empty() ? 1 : acts.back().seq + 1;
  return Act{seq, kind, std::move(actor), at};
}

}  // namespace attune::core
