// Test helpers for the therapist capability: a therapist account (as the operator's CLI
// makes it) and a link every partner of a group has consented to.
#pragma once

#include <stdexcept>
#include <string>

#include "app_fixture.h"

namespace attune::app::testing {

inline Person therapist(World& world, const std::string& name = "Dr Rowan") {
  static int made = 0;
  Person person;
  person.email = "therapist" + std::to_string(++made) + "@example.org";
  person.password = "a long therapist password";
  auto id = world.services.accounts.sign_up({person.email, person.password, name, true, "", true});
  if (!id) throw std::runtime_error("sign_up: " + id.error().message);
  person.id = *id;
  person.actor = world.log_in(person.email, person.password);
  return person;
}

// Every partner of the group consents (the first one requests with the therapist's code).
inline void link(World& world, const Person& therapist, const Group& group) {
  auto code = world.services.therapist_links.create_code(therapist.actor);
  if (!code) throw std::runtime_error("create_code: " + code.error().message);
  auto requested =
      world.services.therapist_links.request(group.people[0].actor, group.rid, *code, true);
  if (!requested) throw std::runtime_error("request: " + requested.error().message);
  for (std::size_t i = 1; i < group.people.size(); ++i) {
    auto consented = world.services.therapist_links.consent(group.people[i].actor, group.rid, true);
    if (!consented) throw std::runtime_error("consent: " + consented.error().message);
  }
}

inline Person therapist_linked_to(World& world, const Group& group) {
  Person person = therapist(world);
  link(world, person, group);
  return person;
}

}  // namespace attune::app::testing
