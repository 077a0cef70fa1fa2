#include "app/therapy/access_log_records.h"

#include <nlohmann/json.hpp>

#include "crypto/tokens.h"

namespace attune::app {
namespace {

void insert(const Context& context, store::Transaction& tx, const std::string& relationship_id,
            const std::string& subject_id, const AccessLogEntry& entry) {
  const std::string id = crypto::random_id();
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, subject_id);
  const std::string body = nlohmann::json{
      {"actor_id", entry.actor_id},
      {"actor_name", entry.actor_name},
      {"action", entry.action}}.dump();
  tx.execute(
      "INSERT INTO access_log (id, subject_id, relationship_id, entry_sealed, at) VALUES "
      "(?,?,?,?,?)",
      {id, subject_id, relationship_id, store::blob(context.keyring.seal(key, id, "entry", body)),
       entry.at});
}

}  // namespace

void log_therapist_read(const Context& context, store::Transaction& tx,
                        const policy::TherapistAccess& link, const std::string& subject_id,
                        const AccessLogEntry& entry) {
  insert(context, tx, link.relationship_id(), subject_id, entry);
}

void log_channel_read(const Context& context, store::Transaction& tx,
                      const policy::ChannelAccess& channel, const AccessLogEntry& entry) {
  insert(context, tx, channel.relationship_id(), channel.partner_id(), entry);
}

std::vector<AccessLogEntry> own_access_log(const Context& context, store::Transaction& tx,
                                           const policy::MembershipAccess& access) {
  std::vector<AccessLogEntry> entries;
  auto rows = tx.query(
      "SELECT id, entry_sealed, at FROM access_log WHERE subject_id = ? AND relationship_id = ? "
      "ORDER BY at DESC, id",
      {access.account_id(), access.relationship_id()});
  if (rows.empty()) return entries;
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, access.account_id());
  for (const auto& row : rows) {
    auto body =
        nlohmann::json::parse(context.keyring.open(key, row.text(0), "entry", row.bytes(1)));
    entries.push_back({body.at("actor_id").get<std::string>(),
                       body.at("actor_name").get<std::string>(),
                       body.at("action").get<std::string>(), row.integer(2)});
  }
  return entries;
}

}  // namespace attune::app
