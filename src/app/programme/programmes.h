// The practice programme of a relationship (SPEC 7): which stages are open, the next stage
// when it is on offer (with how many partners accepted, never who), and a gentle step back
// after a hard practice. A stage opens only when every current partner accepts its offer.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"
#include "core/programme.h"

namespace attune::app {

struct ProgrammeStageView {
  int stage = 1;
  std::string title;
  core::StageStatus status = core::StageStatus::kClosed;
};

struct ProgrammeOfferView {
  int stage = 0;
  std::size_t accepted_count = 0;
  std::size_t participant_count = 0;
  bool you_accepted = false;
};

struct ProgrammeSuggestion {
  int stage = 1;
  std::string message;
};

struct ProgrammeState {
  std::vector<ProgrammeStageView> stages;
  std::optional<ProgrammeOfferView> offer;
  std::optional<ProgrammeSuggestion> suggestion;
};

class Programmes {
 public:
  explicit Programmes(Context& context) : context_(context) {}

  base::Result<ProgrammeState> get(const Actor& actor, const std::string& rid);
  // no_offer unless `stage` is on offer now; the stage opens when the last partner accepts.
  base::Result<ProgrammeState> accept(const Actor& actor, const std::string& rid, int stage);
  // The linked therapist offers the next stage without the rule; the partners still accept.
  // Only the stage after the highest open one can be offered: no_offer otherwise. 0 means
  // that next stage, whichever it is. Returns the stage offered.
  base::Result<int> offer_stage(const Actor& actor, const std::string& rid, int stage);

 private:
  ProgrammeState state_of(const core::ProgrammeFacts& facts, const std::string& me) const;

  Context& context_;
};

}  // namespace attune::app
