// Live practices: created on a signed agreement, started when everyone is ready now,
// paused by anyone at any time, resumed only by everyone together (I2, I3).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "core/error.h"
#include "core/practice_decide.h"
#include "core/practice_view.h"

namespace attune::app {

struct PracticeSnapshot {
  std::string id;
  std::string agreement_id;
  std::string pause_word;
  core::ParticipantView view;
};

struct PracticeSummary {
  std::string id;
  std::string agreement_id;
  core::PracticeStatus status = core::PracticeStatus::kWaiting;
};

class Practices {
 public:
  explicit Practices(Context& context) : context_(context) {}

  core::Result<std::string> create(const Actor& actor, const std::string& agreement_id,
                                   core::Device device);
  // on_behalf_of: participants confirming in person on a shared device (ready, resume).
  core::Result<PracticeSnapshot> command(const Actor& actor, const std::string& practice_id,
                                         core::PracticeCommand command,
                                         const std::vector<std::string>& on_behalf_of = {});
  core::Result<PracticeSnapshot> get(const Actor& actor, const std::string& practice_id);
  core::Result<std::vector<PracticeSummary>> list(const Actor& actor, const std::string& rid);
  // A participant's device has been gone too long: an unattributed pause.
  void pause_unattributed(const std::string& practice_id);
  // The state as one participant sees it, for the live layer's pushes.
  std::optional<PracticeSnapshot> snapshot_for(const std::string& practice_id,
                                               const std::string& account_id);
  // The state for several participants from one read of the log (fan-out); accounts that
  // are not participants are left out.
  std::vector<std::pair<std::string, PracticeSnapshot>> snapshots_for(
      const std::string& practice_id, const std::vector<std::string>& account_ids);
  core::Result<std::string> issue_ticket(const Actor& actor, const std::string& practice_id);
  // Redeems a single-use ticket: the account it was issued to, if valid for this practice.
  std::optional<std::string> redeem_ticket(const std::string& practice_id, const std::string& ticket);
  // The practice's participants and when its state next changes by itself.
  std::optional<std::pair<std::vector<std::string>, std::optional<core::TimePoint>>> schedule_of(
      const std::string& practice_id);

 private:
  Context& context_;
};

}  // namespace attune::app
