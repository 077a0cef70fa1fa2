#include "app/consent/sharing.h"

#include "app/policy/policy.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

EntryRecord entry_of(const Context& context, store::Transaction& tx, const store::Row& row) {
  EntryRecord entry{row.text(0), row.text(1), row.text(2), row.text(3), {},
                    core::parse_visibility(row.text(5)).value_or(core::Visibility::kPrivate),
                    row.integer(6), row.integer(7)};
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, entry.author_id);
  entry.body = context.keyring.open(key, entry.id, "body", row.bytes(4));
  return entry;
}

constexpr const char* kEntryColumns =
    "SELECT e.id, e.relationship_id, e.author_id, e.feature, e.body_sealed, e.visibility, "
    "e.created_at, e.updated_at FROM entries e ";

}  // namespace

std::string Sharing::create(store::Transaction& tx, const std::string& rid, const std::string& author,
                            const std::string& feature, const std::string& body,
                            core::Visibility visibility) {
  const std::string id = crypto::random_id();
  auto key = context_.keyring.key_of(tx, KeyOwner::kPerson, author);
  const auto now = context_.now_ms();
  tx.execute(
      "INSERT INTO entries (id, relationship_id, author_id, feature, body_sealed, visibility, "
      "created_at, updated_at) VALUES (?,?,?,?,?,'private',?,?)",
      {id, rid, author, feature, store::blob(context_.keyring.seal(key, id, "body", body)), now, now});
  EntryRecord entry{id, rid, author, feature, body, core::Visibility::kPrivate, now, now};
  set_visibility(tx, entry, visibility);
  return id;
}

void Sharing::update_body(store::Transaction& tx, const EntryRecord& entry, const std::string& body) {
  auto key = context_.keyring.key_of(tx, KeyOwner::kPerson, entry.author_id);
  tx.execute("UPDATE entries SET body_sealed = ?, updated_at = ? WHERE id = ?",
             {store::blob(context_.keyring.seal(key, entry.id, "body", body)), context_.now_ms(), entry.id});
}

void Sharing::set_visibility(store::Transaction& tx, const EntryRecord& entry,
                             core::Visibility visibility) {
  const bool was_shared = core::reaches_partners(entry.visibility);
  tx.execute("UPDATE entries SET visibility = ?, updated_at = ? WHERE id = ?",
             {std::string(core::visibility_name(visibility)), context_.now_ms(), entry.id});
  if (!core::reaches_partners(visibility)) {
    tx.execute("DELETE FROM entry_audience WHERE entry_id = ?", {entry.id});
    return;
  }
  if (was_shared) return;  // the audience stays the partners of the moment it was shared
  for (const auto& partner : policy::active_partners(tx, entry.relationship_id)) {
    if (partner == entry.author_id) continue;
    tx.execute("INSERT INTO entry_audience (entry_id, account_id) VALUES (?,?) ON CONFLICT DO NOTHING",
               {entry.id, partner});
  }
}

std::vector<EntryRecord> Sharing::readable_by_partner(store::Transaction& tx, const std::string& rid,
                                                      const std::string& feature,
                                                      const std::string& viewer) {
  std::vector<EntryRecord> entries;
  for (const auto& row : tx.query(
           std::string(kEntryColumns) +
               "WHERE e.relationship_id = ? AND e.feature = ? AND (e.author_id = ? OR EXISTS "
               "(SELECT 1 FROM entry_audience x WHERE x.entry_id = e.id AND x.account_id = ?)) "
               "ORDER BY e.created_at DESC, e.id",
           {rid, feature, viewer, viewer})) {
    entries.push_back(entry_of(context_, tx, row));
  }
  return entries;
}

std::optional<EntryRecord> Sharing::load(store::Transaction& tx, const std::string& entry_id) {
  auto row = tx.query_one(std::string(kEntryColumns) + "WHERE e.id = ?", {entry_id});
  if (!row) return std::nullopt;
  return entry_of(context_, tx, *row);
}

}  // namespace attune::app
