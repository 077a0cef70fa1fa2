// Reframing worksheets (SPEC 9): old script → what I notice now → a new narrative, with
// optional prompts from content/worksheet_prompts.toml. Private until shared through the one
// sharing mechanism; editable, with every earlier version kept for the author alone — others
// see only the current version of what was shared with them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/care/worksheet_records.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "base/error.h"
#include "content/care_content.h"
#include "core/visibility.h"

namespace attune::app {

struct WorksheetChange {
  std::optional<std::string> old_script;
  std::optional<std::string> notice_now;
  std::optional<std::string> new_narrative;
  std::optional<core::Visibility> visibility;
};

struct WorksheetView {
  std::string id;
  WorksheetText text;
  bool mine = false;
  core::Visibility visibility = core::Visibility::kPrivate;  // meaningful to the author only
  std::string author_name;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

class Worksheets {
 public:
  Worksheets(Context& context, const content::CareContent& content)
      : context_(context), content_(content) {}

  const std::vector<content::WorksheetPrompt>& prompts() const {
    return content_.worksheet_prompts;
  }
  base::Result<std::string> create(const Actor& actor, const std::string& rid,
                                   const WorksheetText& text, core::Visibility visibility);
  base::Result<std::vector<WorksheetView>> list(const Actor& actor, const std::string& rid);
  base::Status update(const Actor& actor, const std::string& worksheet_id,
                      const WorksheetChange& change);
  // The author's earlier versions, newest first; not_found for anyone else.
  base::Result<std::vector<WorksheetVersion>> history(const Actor& actor,
                                                      const std::string& worksheet_id);
  base::Status remove(const Actor& actor, const std::string& worksheet_id);

 private:
  base::Result<policy::MemberAccess> own_access(store::Transaction& tx, const Actor& actor,
                                                const std::string& worksheet_id) const;

  Context& context_;
  const content::CareContent& content_;
};

}  // namespace attune::app
