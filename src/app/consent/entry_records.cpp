#include "app/consent/entry_records.h"

#include <algorithm>
#include <map>
#include <set>

namespace attune::app {
namespace {

EntryRecord entry_of(const Context& context, store::Transaction& tx, const store::Row& row) {
  EntryRecord entry{row.text(0),
                    row.text(1),
                    row.text(2),
                    row.text(3),
                    {},
                    core::parse_visibility(row.text(5)).value_or(core::Visibility::kPrivate),
                    row.integer(6),
                    row.integer(7)};
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, entry.author_id);
  entry.body = context.keyring.open(key, entry.id, "body", row.bytes(4));
  return entry;
}

constexpr const char* kEntryColumns =
    "SELECT e.id, e.relationship_id, e.author_id, e.feature, e.body_sealed, e.visibility, "
    "e.created_at, e.updated_at FROM entries e ";

}  // namespace

void insert_entry(const Context& context, store::Transaction& tx,
                  const policy::MemberAccess& author, const EntryRecord& entry) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, author.account_id());
  tx.execute(
      "INSERT INTO entries (id, relationship_id, author_id, feature, body_sealed, visibility, "
      "created_at, updated_at) VALUES (?,?,?,?,?,'private',?,?)",
      {entry.id, author.relationship_id(), author.account_id(), entry.feature,
       store::blob(context.keyring.seal(key, entry.id, "body", entry.body)), entry.created_at,
       entry.updated_at});
}

void update_entry_body(const Context& context, store::Transaction& tx,
                       const policy::MemberAccess& author, const std::string& entry_id,
                       const std::string& body, std::int64_t at) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, author.account_id());
  tx.execute(
      "UPDATE entries SET body_sealed = ?, updated_at = ? WHERE id = ? AND relationship_id = ? "
      "AND author_id = ?",
      {store::blob(context.keyring.seal(key, entry_id, "body", body)), at, entry_id,
       author.relationship_id(), author.account_id()});
}

void update_entry_visibility(store::Transaction& tx, const policy::MemberAccess& author,
                             const std::string& entry_id, core::Visibility visibility,
                             std::int64_t at) {
  tx.execute(
      "UPDATE entries SET visibility = ?, updated_at = ? WHERE id = ? AND relationship_id = ? AND "
      "author_id = ?",
      {std::string(core::visibility_name(visibility)), at, entry_id, author.relationship_id(),
       author.account_id()});
}

void clear_entry_audience(store::Transaction& tx, const policy::MemberAccess& author,
                          const std::string& entry_id) {
  tx.execute(
      "DELETE FROM entry_audience WHERE entry_id = ? AND entry_id IN (SELECT id FROM entries "
      "WHERE relationship_id = ? AND author_id = ?)",
      {entry_id, author.relationship_id(), author.account_id()});
}

// The entry id comes from load_own_entry or insert_entry under the same access.
void add_entry_audience(store::Transaction& tx, const policy::MemberAccess& /*author*/,
                        const std::string& entry_id, const std::string& partner_id) {
  tx.execute(
      "INSERT INTO entry_audience (entry_id, account_id) VALUES (?,?) ON CONFLICT DO NOTHING",
      {entry_id, partner_id});
}

std::vector<std::string> entry_audience_ids(store::Transaction& tx,
                                            const policy::MemberAccess& author,
                                            const std::string& entry_id) {
  std::vector<std::string> ids;
  for (const auto& row :
       tx.query("SELECT x.account_id FROM entry_audience x JOIN entries e ON e.id = x.entry_id "
                "WHERE x.entry_id = ? AND e.relationship_id = ? AND e.author_id = ? "
                "ORDER BY x.account_id",
                {entry_id, author.relationship_id(), author.account_id()})) {
    ids.push_back(row.text(0));
  }
  return ids;
}

void delete_entry(store::Transaction& tx, const policy::MemberAccess& author,
                  const std::string& entry_id) {
  tx.execute("DELETE FROM entries WHERE id = ? AND relationship_id = ? AND author_id = ?",
             {entry_id, author.relationship_id(), author.account_id()});
}

std::optional<std::string> own_entry_relationship(store::Transaction& tx,
                                                  const std::string& author_id,
                                                  const std::string& entry_id,
                                                  const std::string& feature) {
  auto row = tx.query_one(
      "SELECT relationship_id FROM entries WHERE id = ? AND author_id = ? AND feature = ?",
      {entry_id, author_id, feature});
  if (!row) return std::nullopt;
  return row->text(0);
}

std::optional<EntryRecord> load_own_entry(const Context& context, store::Transaction& tx,
                                          const policy::MemberAccess& author,
                                          const std::string& entry_id) {
  auto row = tx.query_one(
      std::string(kEntryColumns) + "WHERE e.id = ? AND e.relationship_id = ? AND e.author_id = ?",
      {entry_id, author.relationship_id(), author.account_id()});
  if (!row) return std::nullopt;
  return entry_of(context, tx, *row);
}

std::vector<EntryRecord> entries_readable_by(const Context& context, store::Transaction& tx,
                                             const policy::MemberAccess& viewer,
                                             const std::string& feature) {
  std::vector<EntryRecord> entries;
  for (const auto& row : tx.query(
           std::string(kEntryColumns) +
               "WHERE e.relationship_id = ? AND e.feature = ? AND (e.author_id = ? OR EXISTS "
               "(SELECT 1 FROM entry_audience x WHERE x.entry_id = e.id AND x.account_id = ?)) "
               "ORDER BY e.created_at DESC, e.id",
           {viewer.relationship_id(), feature, viewer.account_id(), viewer.account_id()})) {
    entries.push_back(entry_of(context, tx, row));
  }
  return entries;
}

std::vector<EntryRecord> entries_for_rules(const Context& context, store::Transaction& tx,
                                           const policy::MemberAccess& member,
                                           const std::string& feature) {
  std::vector<EntryRecord> entries;
  for (const auto& row :
       tx.query(std::string(kEntryColumns) + "WHERE e.relationship_id = ? AND e.feature = ? "
                                             "ORDER BY e.created_at DESC, e.id",
                {member.relationship_id(), feature})) {
    entries.push_back(entry_of(context, tx, row));
  }
  return entries;
}

std::vector<EntryRecord> entries_shared_with_therapist(const Context& context,
                                                       store::Transaction& tx,
                                                       const policy::TherapistAccess& link) {
  std::vector<EntryRecord> entries;
  for (const auto& row :
       tx.query(std::string(kEntryColumns) +
                    "WHERE e.relationship_id = ? AND e.visibility IN ('therapist', "
                    "'partners_and_therapist') ORDER BY e.created_at DESC, e.id",
                {link.relationship_id()})) {
    entries.push_back(entry_of(context, tx, row));
  }
  return entries;
}

std::optional<std::int64_t> latest_own_entry_at(store::Transaction& tx,
                                                const policy::MemberAccess& author,
                                                const std::string& feature) {
  auto row = tx.query_one(
      "SELECT MAX(created_at) FROM entries WHERE relationship_id = ? AND author_id = ? AND "
      "feature = ?",
      {author.relationship_id(), author.account_id(), feature});
  if (!row || row->is_null(0)) return std::nullopt;
  return row->integer(0);
}

std::vector<EntryRecord> entries_shared_among(const Context& context, store::Transaction& tx,
                                              const policy::MemberAccess& member,
                                              const std::string& feature,
                                              const std::vector<std::string>& participants) {
  const std::set<std::string> everyone(participants.begin(), participants.end());
  std::map<std::string, std::set<std::string>> audience;
  for (const auto& row :
       tx.query("SELECT x.entry_id, x.account_id FROM entry_audience x JOIN entries e ON e.id = "
                "x.entry_id WHERE e.relationship_id = ? AND e.feature = ?",
                {member.relationship_id(), feature})) {
    audience[row.text(0)].insert(row.text(1));
  }
  std::vector<EntryRecord> entries;
  for (const auto& row : tx.query(std::string(kEntryColumns) +
                                      "WHERE e.relationship_id = ? AND e.feature = ? AND "
                                      "e.visibility IN ('partners', 'partners_and_therapist') "
                                      "ORDER BY e.created_at DESC, e.id",
                                  {member.relationship_id(), feature})) {
    const auto author = row.text(2);
    if (!everyone.contains(author)) continue;
    const auto& reached = audience[row.text(0)];
    const bool reaches_all = std::ranges::all_of(
        everyone, [&](const auto& who) { return who == author || reached.contains(who); });
    if (reaches_all) entries.push_back(entry_of(context, tx, row));
  }
  return entries;
}

std::vector<EntryRecord> own_entries(const Context& context, store::Transaction& tx,
                                     const policy::MembershipAccess& access) {
  std::vector<EntryRecord> entries;
  for (const auto& row :
       tx.query(std::string(kEntryColumns) + "WHERE e.relationship_id = ? AND e.author_id = ? "
                                             "ORDER BY e.created_at, e.id",
                {access.relationship_id(), access.account_id()})) {
    entries.push_back(entry_of(context, tx, row));
  }
  return entries;
}

void delete_own_entry_rows(store::Transaction& tx, const policy::MembershipAccess& access) {
  for (const char* sql : {
           "DELETE FROM entries WHERE relationship_id = ? AND author_id = ?",
           "DELETE FROM entry_audience WHERE account_id = ?2 AND entry_id IN (SELECT id FROM "
           "entries WHERE relationship_id = ?1)",
       }) {
    tx.execute(sql, {access.relationship_id(), access.account_id()});
  }
}

}  // namespace attune::app
