// Live practices: created on a signed agreement, started when everyone is ready now,
// paused by anyone at any time, resumed only by everyone together (I2, I3).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/accounts/password_gate.h"
#include "app/accounts/pins.h"
#include "app/actor.h"
#include "app/care/care_note.h"
#include "app/context.h"
#include "base/error.h"
#include "core/practice_decide.h"
#include "core/practice_view.h"

namespace attune::app {

struct PracticeSnapshot {
  std::string id;
  std::string agreement_id;
  std::string pause_word;
  core::ParticipantView view;
  // While paused: the care-plan entries shared with every participant (empty otherwise).
  std::vector<CareNote> care{};
};

struct CommandOutcome {
  PracticeSnapshot snapshot;
  // false when the command was already in effect (a second pause) and nothing was written:
  // then nobody else is told, and only the caller needs an answer.
  bool changed = false;
};

// One read of a practice for the live layer's fan-out.
struct PracticeFanOut {
  // Participants' views; accounts that are not (or no longer) participants are left out.
  std::vector<std::pair<std::string, PracticeSnapshot>> views;
  // When the state next changes by itself (a step or the time limit ends).
  std::optional<base::TimePoint> next_change_at;
};

struct PracticeSummary {
  std::string id;
  std::string agreement_id;
  core::PracticeStatus status = core::PracticeStatus::kWaiting;
};

struct OpenedPractice {
  std::string id;
  bool created = false;  // false when the agreement's open practice was joined
};

class Practices {
 public:
  // Without the gate, nobody can be confirmed for in person (proof_required).
  explicit Practices(Context& context) : context_(context) {}
  Practices(Context& context, PasswordGate& gate) : context_(context), pins_(Pins(context, gate)) {}

  // Opens a practice on a signed agreement, or joins the one already open on it: an
  // agreement has at most one open practice, however many participants open it at once.
  base::Result<OpenedPractice> open(const Actor& actor, const std::string& agreement_id,
                                    core::Device device);
  // open(), for callers that only need the id.
  base::Result<std::string> create(const Actor& actor, const std::string& agreement_id,
                                   core::Device device);
  // on_behalf_of: participants confirming in person on a shared device (ready, resume),
  // each but the caller with a proof of their own (their PIN or password) in `proofs`,
  // checked before anything changes (I3). A pause or an end needs no proof.
  base::Result<CommandOutcome> command(const Actor& actor, const std::string& practice_id,
                                       core::PracticeCommand command,
                                       const std::vector<std::string>& on_behalf_of = {},
                                       const std::vector<InPersonProof>& proofs = {});
  base::Result<PracticeSnapshot> get(const Actor& actor, const std::string& practice_id);
  base::Result<std::vector<PracticeSummary>> list(const Actor& actor, const std::string& rid);
  // A participant's own device has been gone too long: an unattributed pause.
  void pause_unattributed(const Actor& absent, const std::string& practice_id);
  // The state as one participant sees it, for the live layer's pushes.
  std::optional<PracticeSnapshot> snapshot_for(const std::string& practice_id,
                                               const Actor& participant);
  // The state for several watchers from one read of the log.
  PracticeFanOut fan_out(const std::string& practice_id, const std::vector<Actor>& watchers);
  base::Result<std::string> issue_ticket(const Actor& actor, const std::string& practice_id);
  // Redeems a single-use ticket: who it was issued to, if valid for this practice.
  std::optional<Actor> redeem_ticket(const std::string& practice_id, const std::string& ticket);

 private:
  // On a shared-device practice the caller takes part in, every other person named is
  // named in the practice and proves they are present.
  base::Status check_in_person(const Actor& actor, const std::string& practice_id,
                               const std::vector<std::string>& on_behalf_of,
                               const std::vector<InPersonProof>& proofs);

  Context& context_;
  std::optional<Pins> pins_;
};

}  // namespace attune::app
