#include "app/together/appreciation_records.h"

namespace attune::app {
namespace {

constexpr const char* kField = "text";

AppreciationRecord note_of(const Context& context, store::Transaction& tx, const store::Row& row) {
  AppreciationRecord note;
  note.id = row.text(0);
  note.author_id = row.text(1);
  note.to_everyone = row.integer(2) != 0;
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, note.author_id);
  note.text = context.keyring.open(key, note.id, kField, row.bytes(3));
  note.created_at = row.integer(4);
  return note;
}

constexpr const char* kColumns =
    "SELECT a.id, a.author_id, a.to_everyone, a.text_sealed, a.created_at FROM appreciations a ";

}  // namespace

void insert_appreciation(const Context& context, store::Transaction& tx,
                         const policy::MemberAccess& author, const AppreciationRecord& note) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, author.account_id());
  tx.execute(
      "INSERT INTO appreciations (id, relationship_id, author_id, to_everyone, text_sealed, "
      "created_at) VALUES (?,?,?,?,?,?)",
      {note.id, author.relationship_id(), author.account_id(),
       static_cast<std::int64_t>(note.to_everyone ? 1 : 0),
       store::blob(context.keyring.seal(key, note.id, kField, note.text)), note.created_at});
  for (const auto& recipient : note.recipients) {
    tx.execute("INSERT INTO appreciation_recipients (appreciation_id, account_id) VALUES (?,?)",
               {note.id, recipient});
  }
}

std::optional<std::string> own_appreciation_relationship(store::Transaction& tx,
                                                         const std::string& author_id,
                                                         const std::string& appreciation_id) {
  auto row =
      tx.query_one("SELECT relationship_id FROM appreciations WHERE id = ? AND author_id = ?",
                   {appreciation_id, author_id});
  if (!row) return std::nullopt;
  return row->text(0);
}

bool delete_own_appreciation(store::Transaction& tx, const policy::MemberAccess& author,
                             const std::string& appreciation_id) {
  return tx.execute(
             "DELETE FROM appreciations WHERE id = ? AND relationship_id = ? AND author_id = ?",
             {appreciation_id, author.relationship_id(), author.account_id()}) > 0;
}

std::vector<AppreciationRecord> sent_appreciations(const Context& context, store::Transaction& tx,
                                                   const policy::MembershipAccess& author) {
  std::vector<AppreciationRecord> notes;
  for (const auto& row :
       tx.query(std::string(kColumns) +
                    "WHERE a.relationship_id = ? AND a.author_id = ? ORDER BY a.created_at DESC, "
                    "a.id",
                {author.relationship_id(), author.account_id()})) {
    notes.push_back(note_of(context, tx, row));
  }
  for (auto& note : notes) {
    for (const auto& row :
         tx.query("SELECT account_id FROM appreciation_recipients WHERE appreciation_id = ? "
                  "ORDER BY account_id",
                  {note.id})) {
      note.recipients.push_back(row.text(0));
    }
  }
  return notes;
}

std::vector<AppreciationRecord> received_appreciations(const Context& context,
                                                       store::Transaction& tx,
                                                       const policy::MembershipAccess& recipient) {
  std::vector<AppreciationRecord> notes;
  for (const auto& row : tx.query(
           std::string(kColumns) +
               "JOIN appreciation_recipients r ON r.appreciation_id = a.id AND r.account_id = ? "
               "WHERE a.relationship_id = ? ORDER BY a.created_at DESC, a.id",
           {recipient.account_id(), recipient.relationship_id()})) {
    notes.push_back(note_of(context, tx, row));
  }
  return notes;
}

void delete_own_appreciation_rows(store::Transaction& tx, const policy::MembershipAccess& access) {
  for (const char* sql : {
           "DELETE FROM appreciations WHERE relationship_id = ?1 AND author_id = ?2",
           "DELETE FROM appreciation_recipients WHERE account_id = ?2 AND appreciation_id IN "
           "(SELECT id FROM appreciations WHERE relationship_id = ?1)",
       }) {
    tx.execute(sql, {access.relationship_id(), access.account_id()});
  }
  tx.execute(
      "DELETE FROM appreciations WHERE relationship_id = ? AND NOT EXISTS (SELECT 1 FROM "
      "appreciation_recipients r WHERE r.appreciation_id = appreciations.id)",
      {access.relationship_id()});
}

}  // namespace attune::app
