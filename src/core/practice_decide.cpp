#include "core/practice_decide.h"

namespace attune::core {
namespace {

using Decision = base::Result<std::optional<ActKind>>;

Decision append(ActKind kind) { return std::optional<ActKind>{kind}; }
Decision no_op() { return std::optional<ActKind>{}; }

bool ended(const PracticeState& state) { return state.status == PracticeStatus::kEnded; }

Decision decide_pause(const PracticeState& state, std::string_view actor) {
  switch (state.status) {
    case PracticeStatus::kWaiting:
      // Nothing to withdraw when nobody is ready yet.
      return state.ready.empty() ? no_op() : append(ActKind::kPaused);
    case PracticeStatus::kRunning:
      return append(ActKind::kPaused);
    case PracticeStatus::kPaused:
      if (state.paused_by.contains(actor) && !state.resume_consent.contains(actor)) return no_op();
      return append(ActKind::kPaused);
    case PracticeStatus::kEnded:
      break;
  }
  return no_op();
}

// Ready and resume share their refusals: nothing restarts once ended or void.
std::optional<base::Error> refuse_restart(const PracticeState& state) {
  if (ended(state)) {
    return base::Error{base::ErrorCode::practice_ended, "This practice has ended."};
  }
  if (state.is_void) {
    return base::Error{
        base::ErrorCode::agreement_void,
        "The agreement for this practice is no longer in place, so it can only end."};
  }
  return std::nullopt;
}

Decision decide_ready(const PracticeState& state, std::string_view actor) {
  if (auto refusal = refuse_restart(state)) return std::unexpected(std::move(*refusal));
  if (state.status != PracticeStatus::kWaiting || state.ready.contains(actor)) return no_op();
  return append(ActKind::kReady);
}

Decision decide_resume(const PracticeState& state, std::string_view actor) {
  if (auto refusal = refuse_restart(state)) return std::unexpected(std::move(*refusal));
  if (state.status != PracticeStatus::kPaused || state.resume_consent.contains(actor)) {
    return no_op();
  }
  return append(ActKind::kResumeConsent);
}

}  // namespace

std::string_view practice_command_name(PracticeCommand command) {
  switch (command) {
    case PracticeCommand::kReady:
      return "ready";
    case PracticeCommand::kPause:
      return "pause";
    case PracticeCommand::kResume:
      return "resume";
    case PracticeCommand::kEnd:
      return "end";
  }
  return "pause";
}

std::optional<PracticeCommand> parse_practice_command(std::string_view name) {
  for (auto command : {PracticeCommand::kReady, PracticeCommand::kPause, PracticeCommand::kResume,
                       PracticeCommand::kEnd}) {
    if (practice_command_name(command) == name) return command;
  }
  return std::nullopt;
}

Decision decide(const PracticeSetup& setup, const PracticeState& now_state, std::string_view actor,
                PracticeCommand command) {
  if (!participant_index(setup, actor)) {
    return base::fail(base::ErrorCode::not_a_participant,
                      "Only the participants can act in this practice.");
  }
  switch (command) {
    case PracticeCommand::kReady:
      return decide_ready(now_state, actor);
    case PracticeCommand::kPause:
      return decide_pause(now_state, actor);
    case PracticeCommand::kResume:
      return decide_resume(now_state, actor);
    case PracticeCommand::kEnd:
      return ended(now_state) ? no_op() : append(ActKind::kEnded);
  }
  return no_op();
}

}  // namespace attune::core
