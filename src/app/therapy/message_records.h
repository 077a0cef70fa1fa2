// Private messages on one partner's individual channel to their therapist, each sealed under
// its author's own key (the partner's or the therapist's).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"

namespace attune::app {

struct MessageRecord {
  std::string id;
  std::string relationship_id;
  std::string partner_id;
  std::string author_id;
  std::string text;  // opened
  std::int64_t created_at = 0;
};

void insert_message(const Context& context, store::Transaction& tx,
                    const policy::ChannelAccess& channel, const MessageRecord& message);
// The channel's messages, oldest first.
std::vector<MessageRecord> messages_on(const Context& context, store::Transaction& tx,
                                       const policy::ChannelAccess& channel);
// Every message the account wrote, on any channel, oldest first (their export).
std::vector<MessageRecord> messages_written_by(const Context& context, store::Transaction& tx,
                                               const std::string& author_id);

}  // namespace attune::app
