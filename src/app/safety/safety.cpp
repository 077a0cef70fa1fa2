#include "app/safety/safety.h"

#include "app/consent/agreement_voiding.h"
#include "app/policy/policy.h"

namespace attune::app {

base::Status Safety::feel_pressured(const Actor& actor, const std::string& rid) {
  std::vector<std::string> touched;
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    touched = void_agreements_naming(context_, tx, member->membership());
    return {};
  });
  if (done) context_.notify_practices(touched);
  return done;
}

}  // namespace attune::app
