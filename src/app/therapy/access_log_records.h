// The access log (SPEC I5): one row per therapist read of one person's data, sealed under
// that person's own key, so only they can read it and deleting their account shreds it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"

namespace attune::app {

struct AccessLogEntry {
  std::string actor_id;
  std::string actor_name;  // the reader's display name when they read
  std::string action;      // what kind of data: "shared", "caseload", "messages"
  std::int64_t at = 0;
};

// A read by the linked therapist of the subject's data in the relationship.
void log_therapist_read(const Context& context, store::Transaction& tx,
                        const policy::TherapistAccess& link, const std::string& subject_id,
                        const AccessLogEntry& entry);
// The same through the subject's individual channel.
void log_channel_read(const Context& context, store::Transaction& tx,
                      const policy::ChannelAccess& channel, const AccessLogEntry& entry);
// Reads of the member's own data in the relationship, newest first.
std::vector<AccessLogEntry> own_access_log(const Context& context, store::Transaction& tx,
                                           const policy::MembershipAccess& access);

}  // namespace attune::app
