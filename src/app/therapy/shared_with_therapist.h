// What the linked therapist sees of a relationship: every entry, of any feature, that its
// author shared with the therapist through the one sharing mechanism (app/consent/sharing).
// A feature added later appears here without change, and so do the debrief answers their
// authors chose to share (app/debriefs/debrief_shares.h, feature "debrief"). Each read is
// logged for each author.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"
#include "core/visibility.h"

namespace attune::app {

struct SharedEntryView {
  std::string id;
  std::string feature;  // "intake", "checkin", …
  std::string author_id;
  std::string author_name;
  std::string body;  // the feature's own JSON body
  core::Visibility visibility = core::Visibility::kTherapist;
  std::int64_t created_at = 0;
};

class SharedWithTherapist {
 public:
  explicit SharedWithTherapist(Context& context) : context_(context) {}

  // not_found unless the caller is the therapist of an active link.
  base::Result<std::vector<SharedEntryView>> of(const Actor& actor, const std::string& rid);

 private:
  Context& context_;
};

}  // namespace attune::app
