#include "app/therapy/access_log.h"

namespace attune::app {

base::Result<std::vector<AccessLogEntry>> AccessLog::mine(const Actor& actor,
                                                          const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  return own_access_log(context_, *tx, member->membership());
}

}  // namespace attune::app
