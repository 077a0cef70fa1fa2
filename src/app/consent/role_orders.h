// Proposes who starts in the next agreement for the same people: the other order from
// last time (core/role_order.h), so giving first and receiving first take turns.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

struct ProposedRoleOrder {
  std::vector<std::string> role_order;
  // The order of the newest earlier agreement for exactly these people, if there is one.
  std::optional<std::vector<std::string>> last_role_order;
};

class RoleOrders {
 public:
  explicit RoleOrders(Context& context) : context_(context) {}

  // `participants` empty = every partner; otherwise they must include the caller and be
  // current partners (invalid_group, naming nobody).
  base::Result<ProposedRoleOrder> propose(const Actor& actor, const std::string& rid,
                                          const std::vector<std::string>& participants);

 private:
  Context& context_;
};

}  // namespace attune::app
