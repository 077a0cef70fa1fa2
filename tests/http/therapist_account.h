// A therapist account made the way an operator makes one: `attune user add --therapist`
// against the running server's data dir, the password on stdin; then logged in. And the
// link to a relationship every partner consented to.
#pragma once

#include <string>
#include <vector>

#include "http/attune_process.h"

namespace attune::http::test {

Person add_therapist(const AttuneProcess& server, Api& api, const std::string& name);

// Links `therapist` to the relationship as a couple does: the first partner requests with
// the therapist's code after "I understand", every other partner consents. Throws if a step
// is refused.
void link_therapist(Api& api, const std::string& rid, const Person& therapist,
                    const std::vector<const Person*>& partners);

}  // namespace attune::http::test
