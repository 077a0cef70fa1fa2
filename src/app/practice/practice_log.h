// A practice's append-only act log in the store, and the setup its state is folded with
// (the agreement version's terms and the exercise).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/practice_act.h"
#include "core/practice_setup.h"
#include "core/practice_state.h"

namespace attune::app {

struct PracticeRecord {
  std::string id;
  std::string agreement_id;
  std::string relationship_id;
  std::string pause_word;
  core::PracticeSetup setup;
  std::vector<core::Act> acts;

  core::PracticeState state_at(base::TimePoint now) const;
};

std::optional<PracticeRecord> load_practice(const Context& context, store::Transaction& tx,
                                            const std::string& practice_id);

// Appends the next act; (practice, seq) is unique, so two writers can never both append
// the same seq.
void append_act(store::Transaction& tx, PracticeRecord& practice, core::ActKind kind,
                std::string actor, base::TimePoint at);

// Appends an unattributed act unless the practice has already ended. True when appended.
bool append_system_act(const Context& context, store::Transaction& tx,
                       const std::string& practice_id, core::ActKind kind);

}  // namespace attune::app
