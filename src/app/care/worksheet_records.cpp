#include "app/care/worksheet_records.h"

#include <nlohmann/json.hpp>

#include "crypto/tokens.h"

namespace attune::app {
namespace {

WorksheetText text_of(const std::string& body) {
  auto json = nlohmann::json::parse(body);
  return {json.at("old_script").get<std::string>(), json.at("notice_now").get<std::string>(),
          json.at("new_narrative").get<std::string>()};
}

WorksheetVersion version_of(const Context& context, store::Transaction& tx,
                            const std::string& author_id, const store::Row& row) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, author_id);
  return {row.text(1), text_of(context.keyring.open(key, row.text(0), "body", row.bytes(2))),
          row.integer(3)};
}

}  // namespace

std::string worksheet_body(const WorksheetText& text) {
  return nlohmann::json{{"old_script", text.old_script},
                        {"notice_now", text.notice_now},
                        {"new_narrative", text.new_narrative}}
      .dump();
}

WorksheetRecord worksheet_of(const EntryRecord& entry) {
  return {entry.id,         entry.author_id,  text_of(entry.body),
          entry.visibility, entry.created_at, entry.updated_at};
}

std::vector<WorksheetRecord> worksheets_readable_by(const Context& context, store::Transaction& tx,
                                                    const policy::MemberAccess& viewer) {
  std::vector<WorksheetRecord> records;
  for (const auto& entry : entries_readable_by(context, tx, viewer, kWorksheetFeature)) {
    records.push_back(worksheet_of(entry));
  }
  return records;
}

void archive_worksheet_version(const Context& context, store::Transaction& tx,
                               const policy::MemberAccess& author, const std::string& worksheet_id,
                               const WorksheetText& replaced, std::int64_t at) {
  const std::string id = crypto::random_id();
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, author.account_id());
  tx.execute(
      "INSERT INTO worksheet_versions (id, entry_id, relationship_id, author_id, body_sealed, "
      "replaced_at) VALUES (?,?,?,?,?,?)",
      {id, worksheet_id, author.relationship_id(), author.account_id(),
       store::blob(context.keyring.seal(key, id, "body", worksheet_body(replaced))), at});
}

std::vector<WorksheetVersion> worksheet_versions(const Context& context, store::Transaction& tx,
                                                 const policy::MemberAccess& author,
                                                 const std::string& worksheet_id) {
  std::vector<WorksheetVersion> versions;
  for (const auto& row : tx.query(
           "SELECT id, entry_id, body_sealed, replaced_at FROM worksheet_versions WHERE "
           "entry_id = ? AND relationship_id = ? AND author_id = ? ORDER BY replaced_at DESC, id",
           {worksheet_id, author.relationship_id(), author.account_id()})) {
    versions.push_back(version_of(context, tx, author.account_id(), row));
  }
  return versions;
}

std::vector<WorksheetVersion> own_worksheet_versions(const Context& context, store::Transaction& tx,
                                                     const policy::MembershipAccess& access) {
  std::vector<WorksheetVersion> versions;
  for (const auto& row :
       tx.query("SELECT id, entry_id, body_sealed, replaced_at FROM worksheet_versions WHERE "
                "relationship_id = ? AND author_id = ? ORDER BY replaced_at, id",
                {access.relationship_id(), access.account_id()})) {
    versions.push_back(version_of(context, tx, access.account_id(), row));
  }
  return versions;
}

}  // namespace attune::app
