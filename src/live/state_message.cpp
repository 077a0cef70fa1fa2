#include "live/state_message.h"

#include "base/rfc3339.h"
#include "core/practice_state.h"

namespace attune::live {

nlohmann::json state_json(const app::PracticeSnapshot& snapshot) {
  const auto& view = snapshot.view;
  nlohmann::json phase = nullptr;
  if (view.step_index >= 0) {
    phase = {{"index", view.step_index},
             {"name", view.step_name},
             {"instruction", view.step_instruction},
             {"giver", view.giver.empty() ? nlohmann::json(nullptr) : nlohmann::json(view.giver)},
             {"receiver",
              view.receiver.empty() ? nlohmann::json(nullptr) : nlohmann::json(view.receiver)},
             {"ends_at", view.ends_at ? nlohmann::json(base::to_rfc3339(*view.ends_at))
                                      : nlohmann::json(nullptr)}};
  }
  nlohmann::json care = nlohmann::json::array();
  for (const auto& note : snapshot.care) {
    nlohmann::json one{{"kind", note.kind}, {"text", note.text}};
    if (!note.author_name.empty()) one["author_name"] = note.author_name;
    care.push_back(std::move(one));
  }
  return {{"id", snapshot.id},
          {"agreement_id", snapshot.agreement_id},
          {"status", core::practice_status_name(view.status)},
          {"void", view.is_void},
          {"device", core::device_name(view.device)},
          {"phase", phase},
          {"pause_word", snapshot.pause_word},
          {"participant_count", view.participant_count},
          {"ready_count", view.ready_count},
          {"you_ready", view.you_ready},
          {"paused_by_count", view.paused_by_count},
          {"resume_consent_count", view.resume_consent_count},
          {"you_consented", view.you_consented},
          {"time_left_seconds", view.time_left_seconds},
          {"seq", view.seq},
          {"care", care}};
}

std::string state_message(const app::PracticeSnapshot& snapshot) {
  return nlohmann::json{{"type", "state"}, {"state", state_json(snapshot)}}.dump();
}

}  // namespace attune::live
