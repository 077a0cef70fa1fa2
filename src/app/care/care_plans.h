// Triggers and a care plan (SPEC 8): what can set me off, what helps me when it happens and
// words that reassure me. Each entry is private until its author shares it through the one
// sharing mechanism; the entries shared with every participant of a practice show on its
// paused screen, named only when their author chose to show their name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "base/error.h"
#include "core/visibility.h"

namespace attune::app {

struct NewCarePlanEntry {
  std::string kind;  // "trigger" | "helps" | "reassurance"
  std::string text;
  core::Visibility visibility = core::Visibility::kPrivate;
  bool show_name = false;
};

struct CarePlanChange {
  std::optional<std::string> kind;
  std::optional<std::string> text;
  std::optional<core::Visibility> visibility;
  std::optional<bool> show_name;
};

struct CarePlanView {
  std::string id;
  std::string kind;
  std::string text;
  bool mine = false;
  bool show_name = false;                                    // meaningful to the author only
  core::Visibility visibility = core::Visibility::kPrivate;  // meaningful to the author only
  std::string author_name;  // empty for someone else's entry unless its author chose to show it
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

class CarePlans {
 public:
  explicit CarePlans(Context& context) : context_(context) {}

  base::Result<std::string> create(const Actor& actor, const std::string& rid,
                                   const NewCarePlanEntry& entry);
  base::Result<std::vector<CarePlanView>> list(const Actor& actor, const std::string& rid);
  base::Status update(const Actor& actor, const std::string& entry_id,
                      const CarePlanChange& change);
  base::Status remove(const Actor& actor, const std::string& entry_id);

 private:
  base::Result<policy::MemberAccess> own_entry_access(store::Transaction& tx, const Actor& actor,
                                                      const std::string& entry_id) const;
  // The relationship's practices that have not ended: their paused screens show the care
  // list, so they hear of every change to a shared entry.
  std::vector<std::string> open_practices(store::Transaction& tx,
                                          const policy::MemberAccess& member) const;

  Context& context_;
};

}  // namespace attune::app
