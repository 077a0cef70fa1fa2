#include "app/therapy/therapy_export.h"

#include "base/rfc3339.h"

namespace attune::app {

ExportedTherapy therapy_export(const Context& context, const Actor& actor) {
  ExportedTherapy therapy;
  context.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
    for (const auto& own : context.policy.memberships_of(tx, actor.account_id)) {
      for (auto& entry : own_access_log(context, tx, own))
        therapy.access_log.push_back({own.relationship_id(), std::move(entry)});
    }
    therapy.my_messages = messages_written_by(context, tx, actor.account_id);
    if (auto role = context.policy.therapist(actor)) {
      therapy.my_notes = own_notes(context, tx, *role);
    }
    return true;
  });
  return therapy;
}

nlohmann::json therapy_json(const ExportedTherapy& therapy) {
  nlohmann::json reads = nlohmann::json::array();
  for (const auto& read : therapy.access_log) {
    reads.push_back({{"relationship_id", read.relationship_id},
                     {"actor", read.entry.actor_name},
                     {"actor_id", read.entry.actor_id},
                     {"action", read.entry.action},
                     {"at", base::to_rfc3339_ms(read.entry.at)}});
  }
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& message : therapy.my_messages) {
    messages.push_back({{"id", message.id},
                        {"relationship_id", message.relationship_id},
                        {"channel_of", message.partner_id},
                        {"text", message.text},
                        {"at", base::to_rfc3339_ms(message.created_at)}});
  }
  nlohmann::json notes = nlohmann::json::array();
  for (const auto& note : therapy.my_notes) {
    notes.push_back({{"id", note.id},
                     {"relationship_id", note.relationship_id},
                     {"text", note.text},
                     {"created_at", base::to_rfc3339_ms(note.created_at)}});
  }
  return {{"access_log", std::move(reads)},
          {"my_messages", std::move(messages)},
          {"my_notes", std::move(notes)}};
}

}  // namespace attune::app
