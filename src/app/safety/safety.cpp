#include "app/safety/safety.h"

#include "app/consent/agreement_voiding.h"
#include "app/policy/policy.h"

namespace attune::app {

base::Status Safety::feel_pressured(const Actor& actor, const std::string& rid) {
  std::vector<std::string> touched;
  auto done = context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Status {
    if (auto ok = policy::require_member(tx, actor, rid); !ok) return ok;
    touched = void_agreements_naming(context_, tx, rid, actor.account_id);
    return {};
  });
  if (done) context_.notify_practices(touched);
  return done;
}

}  // namespace attune::app
