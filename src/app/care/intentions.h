// A shared intention for the coming weeks (SPEC "collaborative goal-setting"): one short text
// per relationship that any partner may set, revisit and change, with its history kept for
// everyone in it. Never scored, never counted, never attributed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

struct IntentionEntry {
  std::string text;
  std::int64_t set_at = 0;
};

struct IntentionView {
  std::vector<IntentionEntry> versions;  // newest first; the first is the current one
};

class Intentions {
 public:
  explicit Intentions(Context& context) : context_(context) {}

  base::Result<IntentionView> get(const Actor& actor, const std::string& rid);
  base::Result<IntentionView> set(const Actor& actor, const std::string& rid,
                                  const std::string& text);

 private:
  Context& context_;
};

}  // namespace attune::app
