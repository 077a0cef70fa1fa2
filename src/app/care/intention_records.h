// A relationship's shared intention for the coming weeks, and every earlier one: the only
// code that reads and writes intention_versions. Each version's text is sealed under the key
// of the partner who wrote it, so deleting their account shreds it; leaving removes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"

namespace attune::app {

struct IntentionVersion {
  std::string id;
  std::string author_id;
  std::string text;
  std::int64_t set_at = 0;
};

void insert_intention(const Context& context, store::Transaction& tx,
                      const policy::MemberAccess& author, const std::string& text, std::int64_t at);
// Every version in the relationship, newest first (the first is the current one).
std::vector<IntentionVersion> intention_versions(const Context& context, store::Transaction& tx,
                                                 const policy::MemberAccess& member);
// The versions the holder wrote, oldest first (export).
std::vector<IntentionVersion> own_intention_versions(const Context& context, store::Transaction& tx,
                                                     const policy::MembershipAccess& access);
// Removes the versions the holder wrote (leaving).
void delete_own_intentions(store::Transaction& tx, const policy::MembershipAccess& access);

}  // namespace attune::app
