#include "live/event_bus.h"

#include "live/in_process_bus.h"
#include "live/postgres_bus.h"
#include "store/notifications.h"

namespace attune::live {

std::shared_ptr<EventBus> make_event_bus(const std::string& database_url) {
  if (!store::carries_notifications(database_url)) return std::make_shared<InProcessBus>();
  return std::make_shared<PostgresBus>(database_url);
}

}  // namespace attune::live
