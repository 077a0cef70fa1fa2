#include "app/consent/role_orders.h"

#include "app/consent/agreement_records.h"
#include "app/policy/policy.h"
#include "core/group.h"
#include "core/role_order.h"

namespace attune::app {

base::Result<ProposedRoleOrder> RoleOrders::propose(const Actor& actor, const std::string& rid,
                                                    const std::vector<std::string>& participants) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  auto group = core::resolve_group(context_.policy.active_partners(*tx, *member), actor.account_id,
                                   participants);
  if (!group) return base::error_of(group);
  ProposedRoleOrder proposal;
  proposal.last_role_order = last_role_order(context_, *tx, *member, *group);
  proposal.role_order = core::next_role_order(*group, actor.account_id, proposal.last_role_order);
  return proposal;
}

}  // namespace attune::app
