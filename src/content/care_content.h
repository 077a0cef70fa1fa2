// The care capability's content (content/worksheet_prompts.toml): optional prompts for each
// step of a reframing worksheet, loaded and validated once at start.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"

namespace attune::content {

struct WorksheetPrompt {
  std::string id;
  std::string step;  // "old_script" | "notice_now" | "new_narrative"
  std::string text;
};

struct CareContent {
  std::vector<WorksheetPrompt> worksheet_prompts;  // in file order
};

// Loads content_dir/worksheet_prompts.toml. Every problem is an invalid_field error naming the
// file, the line, the entry and what is wrong; every step needs at least one prompt.
base::Result<CareContent> load_care_content(const std::string& content_dir);

}  // namespace attune::content
