#include "core/practice_view.h"

namespace attune::core {

ParticipantView view_for(const PracticeSetup& setup, const PracticeState& state,
                         std::string_view recipient) {
  ParticipantView view;
  view.status = state.status;
  view.is_void = state.is_void;
  view.device = setup.device;
  view.step_index = state.step_index;
  const auto& steps = setup.exercise.steps;
  if (state.step_index >= 0 && static_cast<std::size_t>(state.step_index) < steps.size()) {
    const auto& step = steps[static_cast<std::size_t>(state.step_index)];
    view.step_name = step.name;
    view.step_instruction = step.instruction;
  }
  view.giver = state.giver;
  view.receiver = state.receiver;
  view.ends_at = state.step_ends_at;
  view.participant_count = static_cast<int>(setup.participants.size());
  view.ready_count = static_cast<int>(state.ready.size());
  view.you_ready = state.ready.contains(recipient);
  view.paused_by_count = static_cast<int>(state.paused_by.size());
  view.resume_consent_count = static_cast<int>(state.resume_consent.size());
  view.you_consented = state.resume_consent.contains(recipient);
  view.time_left_seconds = state.time_left_seconds;
  view.seq = state.seq;
  return view;
}

}  // namespace attune::core
