#include "app/therapy/message_records.h"

namespace attune::app {
namespace {

constexpr const char* kMessageColumns =
    "SELECT id, relationship_id, partner_id, author_id, body_sealed, created_at FROM "
    "therapist_messages ";

MessageRecord message_of(const Context& context, store::Transaction& tx, const store::Row& row) {
  MessageRecord message{row.text(0), row.text(1), row.text(2), row.text(3), {}, row.integer(5)};
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, message.author_id);
  message.text = context.keyring.open(key, message.id, "body", row.bytes(4));
  return message;
}

}  // namespace

void insert_message(const Context& context, store::Transaction& tx,
                    const policy::ChannelAccess& channel, const MessageRecord& message) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, message.author_id);
  tx.execute(
      "INSERT INTO therapist_messages (id, relationship_id, partner_id, author_id, body_sealed, "
      "created_at) VALUES (?,?,?,?,?,?)",
      {message.id, channel.relationship_id(), channel.partner_id(), message.author_id,
       store::blob(context.keyring.seal(key, message.id, "body", message.text)),
       message.created_at});
}

std::vector<MessageRecord> messages_on(const Context& context, store::Transaction& tx,
                                       const policy::ChannelAccess& channel) {
  std::vector<MessageRecord> messages;
  for (const auto& row : tx.query(std::string(kMessageColumns) +
                                      "WHERE relationship_id = ? AND partner_id = ? ORDER BY "
                                      "created_at, id",
                                  {channel.relationship_id(), channel.partner_id()})) {
    messages.push_back(message_of(context, tx, row));
  }
  return messages;
}

std::vector<MessageRecord> messages_written_by(const Context& context, store::Transaction& tx,
                                               const std::string& author_id) {
  std::vector<MessageRecord> messages;
  for (const auto& row :
       tx.query(std::string(kMessageColumns) + "WHERE author_id = ? ORDER BY created_at, id",
                {author_id})) {
    messages.push_back(message_of(context, tx, row));
  }
  return messages;
}

}  // namespace attune::app
