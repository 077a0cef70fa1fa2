// The acts a live practice is made of: an append-only log whose fold is the practice's state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"

namespace attune::core {

enum class ActKind { kCreated, kReady, kPaused, kResumeConsent, kAgreementVoided, kEnded };

// Stable names used in storage: "created", "ready", "paused", "resume_consent",
// "agreement_voided", "ended".
std::string_view act_kind_name(ActKind kind);
std::optional<ActKind> parse_act_kind(std::string_view name);

struct Act {
  std::int64_t seq = 0;  // strictly increasing within one practice, 1 for kCreated
  ActKind kind = ActKind::kCreated;
  std::string
      actor;  // a participant's partner id; empty = unattributed (the system, e.g. device lost)
  base::TimePoint at;
};

// The act that follows `acts` (seq one past the last); the store's unique (practice, seq)
// turns a concurrent append of the same seq into a conflict rather than a lost act.
Act next_act(const std::vector<Act>& acts, ActKind kind, std::string actor, base::TimePoint at);

}  // namespace attune::core
