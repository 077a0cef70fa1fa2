#include "app/therapy/confidentiality.h"

#include <spdlog/spdlog.h>

namespace attune::app {

content::Resources confidentiality_text(const Context& context) {
  if (!context.config.confidentiality_file.empty()) {
    auto text = content::load_resources_file(context.config.confidentiality_file);
    if (text) return *text;
    spdlog::error("confidentiality_file is unusable: {}", text.error().message);
  }
  // Never share without some statement of the limits: a plain one when no file is readable.
  return {"Before you share with a therapist",
          "A therapist may have duties to report or to warn when someone may be at serious "
          "risk of harm. Ask your therapist what these limits are where you live.",
          {}};
}

}  // namespace attune::app
