#include "app/therapy/therapist_messages.h"

#include "app/accounts/people.h"
#include "app/therapy/access_log_records.h"
#include "core/text.h"
#include "crypto/tokens.h"

namespace attune::app {

base::Result<std::string> TherapistMessages::send(const Actor& actor, const std::string& rid,
                                                  const std::string& text) {
  ATTUNE_TRY(core::check_text("text", text, kMaxMessageChars, true));
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto channel = context_.policy.own_channel(tx, actor, rid);
    if (!channel) return base::error_of(channel);
    MessageRecord message{crypto::random_id(), rid,  actor.account_id,
                          actor.account_id,    text, context_.now_ms()};
    insert_message(context_, tx, *channel, message);
    return message.id;
  });
}

base::Result<std::vector<MessageRecord>> TherapistMessages::mine(const Actor& actor,
                                                                 const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto channel = context_.policy.own_channel(*tx, actor, rid);
  if (!channel) return base::error_of(channel);
  return messages_on(context_, *tx, *channel);
}

base::Result<std::vector<ChannelView>> TherapistMessages::inbox(const Actor& actor) {
  auto role = context_.policy.therapist(actor);
  if (!role) return base::error_of(role);
  return context_.write(actor, [&](store::Transaction& tx) {
    std::vector<ChannelView> channels;
    const std::string me = display_name_of(context_, tx, actor.account_id);
    for (const auto& channel : context_.policy.channels_of(tx, *role)) {
      channels.push_back({channel.relationship_id(), channel.partner_id(),
                          display_name_of(context_, tx, channel.partner_id()),
                          messages_on(context_, tx, channel)});
      log_channel_read(context_, tx, channel,
                       {actor.account_id, me, "messages", context_.now_ms()});
    }
    return base::Result<std::vector<ChannelView>>(std::move(channels));
  });
}

base::Result<std::string> TherapistMessages::reply(const Actor& actor, const std::string& rid,
                                                   const std::string& partner_id,
                                                   const std::string& text) {
  auto role = context_.policy.therapist(actor);
  if (!role) return base::error_of(role);
  ATTUNE_TRY(core::check_text("text", text, kMaxMessageChars, true));
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto channel = context_.policy.channel_of(tx, *role, rid, partner_id);
    if (!channel) return base::error_of(channel);
    MessageRecord message{crypto::random_id(), rid,  partner_id,
                          actor.account_id,    text, context_.now_ms()};
    insert_message(context_, tx, *channel, message);
    return message.id;
  });
}

}  // namespace attune::app
