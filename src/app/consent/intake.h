// Intake (consent-focused dialogue): each partner privately writes hurts, what feels safe
// and desires; an entry stays private until its author shares it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "base/error.h"
#include "core/visibility.h"

namespace attune::app {

struct IntakeEntry {
  std::string id;
  std::string kind;  // "hurt" | "safe" | "desire"
  std::string text;
  core::Visibility visibility = core::Visibility::kPrivate;
  bool mine = false;
  std::string author_name;
  std::int64_t created_at = 0;
};

class Intake {
 public:
  explicit Intake(Context& context) : context_(context) {}

  base::Result<std::string> create(const Actor& actor, const std::string& rid,
                                   const std::string& kind, const std::string& text,
                                   core::Visibility visibility);
  base::Result<std::vector<IntakeEntry>> list(const Actor& actor, const std::string& rid);
  base::Status update(const Actor& actor, const std::string& entry_id,
                      const std::optional<std::string>& text,
                      const std::optional<core::Visibility>& visibility);
  base::Status remove(const Actor& actor, const std::string& entry_id);

 private:
  // The author's access to their own intake entry, or not_found.
  base::Result<policy::MemberAccess> own_entry_access(store::Transaction& tx, const Actor& actor,
                                                      const std::string& entry_id) const;

  Context& context_;
};

}  // namespace attune::app
