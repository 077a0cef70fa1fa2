#include "app/safety/crisis_resources.h"

#include <spdlog/spdlog.h>

namespace attune::app {

content::Resources crisis_resources(const Context& context) {
  if (!context.config.resources_file.empty()) {
    auto own = content::load_resources_file(context.config.resources_file);
    if (own) return *own;
    // Someone in crisis must still see something: fall back, and tell the operator.
    spdlog::error("resources_file is unusable, showing the default: {}", own.error().message);
  }
  return context.content.default_resources;
}

}  // namespace attune::app
