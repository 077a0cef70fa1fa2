// Who starts next time: the role order proposed for the next agreement of the same people.
#include "http/id_list_param.h"
#include "http/routes.h"

namespace attune::http {

void add_role_order_routes(Router& router, app::RoleOrders& role_orders) {
  router.add("GET", "/api/v1/relationships/{}/role-order", [&](ApiCall& call) {
    auto participants = id_list_param(call.request, "participants");
    auto proposal = unwrap(role_orders.propose(call.me(), call.param(0), participants));
    nlohmann::json body{{"role_order", proposal.role_order}};
    if (proposal.last_role_order) body["last_role_order"] = *proposal.last_role_order;
    return ok_json(body);
  });
}

}  // namespace attune::http
