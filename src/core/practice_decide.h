// What a participant's command adds to a practice's log, decided on the state it sees now.
// The pause is never refused to a participant; ready and resume are refused once void or ended.
#pragma once

#include <optional>
#include <string_view>

#include "base/error.h"
#include "core/practice_act.h"
#include "core/practice_setup.h"
#include "core/practice_state.h"

namespace attune::core {

enum class PracticeCommand { kReady, kPause, kResume, kEnd };

std::string_view practice_command_name(
    PracticeCommand command);  // "ready", "pause", "resume", "end"
std::optional<PracticeCommand> parse_practice_command(std::string_view name);

// The act to append for `actor`'s command, or nullopt when the command would change nothing
// (an idempotent repeat: answer with the current state, append nothing). Errors:
// not_a_participant; agreement_void for ready/resume once void; practice_ended for
// ready/resume once ended. A pause by someone who already paused is a no-op only while
// they have not since consented to resume: pausing again withdraws that consent.
base::Result<std::optional<ActKind>> decide(const PracticeSetup& setup,
                                            const PracticeState& now_state, std::string_view actor,
                                            PracticeCommand command);

}  // namespace attune::core
