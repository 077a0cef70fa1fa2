#include "app/care/intention_records.h"

#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr const char* kColumns =
    "SELECT id, author_id, text_sealed, set_at FROM intention_versions ";

IntentionVersion version_of(const Context& context, store::Transaction& tx, const store::Row& row) {
  IntentionVersion version{row.text(0), row.text(1), {}, row.integer(3)};
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, version.author_id);
  version.text = context.keyring.open(key, version.id, "text", row.bytes(2));
  return version;
}

}  // namespace

void insert_intention(const Context& context, store::Transaction& tx,
                      const policy::MemberAccess& author, const std::string& text,
                      std::int64_t at) {
  const std::string id = crypto::random_id();
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, author.account_id());
  tx.execute(
      "INSERT INTO intention_versions (id, relationship_id, author_id, text_sealed, set_at) "
      "VALUES (?,?,?,?,?)",
      {id, author.relationship_id(), author.account_id(),
       store::blob(context.keyring.seal(key, id, "text", text)), at});
}

std::vector<IntentionVersion> intention_versions(const Context& context, store::Transaction& tx,
                                                 const policy::MemberAccess& member) {
  std::vector<IntentionVersion> versions;
  for (const auto& row :
       tx.query(std::string(kColumns) + "WHERE relationship_id = ? ORDER BY set_at DESC, id DESC",
                {member.relationship_id()})) {
    versions.push_back(version_of(context, tx, row));
  }
  return versions;
}

std::vector<IntentionVersion> own_intention_versions(const Context& context, store::Transaction& tx,
                                                     const policy::MembershipAccess& access) {
  std::vector<IntentionVersion> versions;
  for (const auto& row :
       tx.query(std::string(kColumns) +
                    "WHERE relationship_id = ? AND author_id = ? ORDER BY set_at, id",
                {access.relationship_id(), access.account_id()})) {
    versions.push_back(version_of(context, tx, row));
  }
  return versions;
}

void delete_own_intentions(store::Transaction& tx, const policy::MembershipAccess& access) {
  tx.execute("DELETE FROM intention_versions WHERE relationship_id = ? AND author_id = ?",
             {access.relationship_id(), access.account_id()});
}

}  // namespace attune::app
