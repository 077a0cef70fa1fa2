// What a participant's practice socket sends, read before anything touches the store: a
// ping (answered on the spot) or a command (ready, pause, resume, end).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/pins.h"
#include "base/error.h"
#include "core/practice_decide.h"

namespace attune::live {

struct PracticeMessage {
  core::PracticeCommand command = core::PracticeCommand::kPause;
  // On a shared device, ready and resume may confirm for participants present in person:
  // at most 8 ids, and the proofs for them.
  std::vector<std::string> on_behalf_of;
  std::vector<app::InPersonProof> proofs;
};

// The pong for a {"type":"ping","t":…}, or nullopt when the text is not a ping.
std::optional<std::string> pong_for(std::string_view text);

// The command in `text` (strict JSON), or invalid_json for an unknown message and
// invalid_field for malformed proofs. Proofs are read only for ready and resume: nothing in
// a pause or an end may stand in its way.
base::Result<PracticeMessage> parse_practice_message(std::string_view text);

}  // namespace attune::live
