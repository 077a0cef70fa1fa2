#include "app/consent/boundary_records.h"

#include <nlohmann/json.hpp>

#include "app/data_keys.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

std::string answer_record_id(const std::string& rid, const std::string& account_id,
                             const std::string& item_id) {
  return rid + "/" + account_id + "/" + item_id;
}

std::string encode_answer(core::Answer answer, const std::string& note) {
  return nlohmann::json{{"answer", core::answer_name(answer)}, {"note", note}}.dump();
}

// What encode_answer writes for an answer without a note, read without a JSON parser: a
// shared view opens every member's answers on every read, and most carry no note. Any
// other text (a note, an older shape) goes through the parser.
std::optional<core::Answer> answer_without_note(std::string_view text) {
  constexpr std::string_view kHead = R"({"answer":")";
  constexpr std::string_view kTail = R"(","note":""})";
  if (text.size() < kHead.size() + kTail.size() || !text.starts_with(kHead) ||
      !text.ends_with(kTail)) {
    return std::nullopt;
  }
  return core::parse_answer(text.substr(kHead.size(), text.size() - kHead.size() - kTail.size()));
}

MyAnswer decode_answer(const std::string& item_id, const std::string& text) {
  if (auto answer = answer_without_note(text)) return {item_id, *answer, ""};
  auto json = nlohmann::json::parse(text);
  return {item_id,
          core::parse_answer(json.at("answer").get<std::string>()).value_or(core::Answer::kUnset),
          json.value("note", "")};
}

MyAnswer open_answer(const Context& context, const crypto::SecretKey& key, const std::string& rid,
                     const std::string& account_id, const std::string& item_id,
                     std::string_view sealed) {
  return decode_answer(
      item_id,
      context.keyring.open(key, answer_record_id(rid, account_id, item_id), "answer", sealed));
}

std::vector<MyAnswer> answers_of(const Context& context, store::Transaction& tx,
                                 const std::string& rid, const std::string& account_id) {
  std::vector<MyAnswer> answers;
  auto rows = tx.query(
      "SELECT item_id, answer_sealed FROM boundary_answers WHERE relationship_id = ? AND "
      "account_id = ? ORDER BY item_id",
      {rid, account_id});
  if (rows.empty()) return answers;
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  for (const auto& row : rows) {
    answers.push_back(open_answer(context, key, rid, account_id, row.text(0), row.bytes(1)));
  }
  return answers;
}

CustomItemRecord custom_item_of(const Context& context, store::Transaction& tx,
                                const store::Row& row) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, row.text(1));
  auto json = nlohmann::json::parse(context.keyring.open(key, row.text(0), "item", row.bytes(2)));
  return {row.text(0),
          row.text(1),
          json.at("category").get<std::string>(),
          json.at("label").get<std::string>(),
          !row.is_null(3),
          row.integer(4)};
}

constexpr const char* kCustomItemColumns =
    "SELECT id, author_id, item_sealed, proposed_at, created_at FROM custom_items ";

}  // namespace

core::AnswerSheet answer_sheet(const Context& context, store::Transaction& tx,
                               const policy::MemberAccess& access, const std::string& partner_id) {
  core::AnswerSheet sheet;
  for (auto& answer : answers_of(context, tx, access.relationship_id(), partner_id)) {
    sheet.emplace(std::move(answer.item_id), answer.answer);
  }
  return sheet;
}

std::vector<MyAnswer> own_answers(const Context& context, store::Transaction& tx,
                                  const policy::MemberAccess& access) {
  return answers_of(context, tx, access.relationship_id(), access.account_id());
}

SealedSheets sealed_sheets(store::Transaction& tx, const policy::MemberAccess& access) {
  // Every active member's wrapped key and answers, with whether a custom item answered is
  // one the member may see (their own, or proposed).
  SealedSheets sealed;
  sealed.rows = tx.query(
      "SELECT m.account_id, a.wrapped_key, b.item_id, b.answer_sealed, CASE WHEN c.id IS NOT "
      "NULL AND (c.author_id = ? OR c.proposed_at IS NOT NULL) THEN 1 ELSE 0 END "
      "FROM memberships m JOIN accounts a ON a.id = m.account_id "
      "LEFT JOIN boundary_answers b ON b.relationship_id = m.relationship_id AND b.account_id = "
      "m.account_id "
      "LEFT JOIN custom_items c ON c.id = b.item_id AND c.relationship_id = m.relationship_id "
      "WHERE m.relationship_id = ? AND m.status = 'active' ORDER BY m.account_id, b.item_id",
      {access.account_id(), access.relationship_id()});
  for (const auto& row : sealed.rows) {
    if (sealed.members.empty() || sealed.members.back() != row.text(0)) {
      sealed.members.push_back(row.text(0));
    }
  }
  return sealed;
}

GroupAnswers open_group_answers(const Context& context, const policy::MemberAccess& access,
                                const SealedSheets& sealed, const std::vector<std::string>& group) {
  const std::string& rid = access.relationship_id();
  GroupAnswers answers;
  answers.sheets.resize(group.size());
  for (std::size_t i = 0; i < group.size(); ++i) {
    std::optional<crypto::SecretKey> key;
    for (const auto& row : sealed.rows) {
      if (row.text(0) != group[i]) continue;
      if (!key) key = unwrap_data_key(context.vault, KeyOwner::kPerson, group[i], row.bytes(1));
      if (row.is_null(2)) continue;  // no answers: the member's one row, for the key
      const std::string& item = row.text(2);
      answers.sheets[i].emplace(
          item, open_answer(context, *key, rid, group[i], item, row.bytes(3)).answer);
      if (row.integer(4) != 0) answers.visible_custom_items.insert(item);
    }
  }
  return answers;
}

void record_answer(const Context& context, store::Transaction& tx,
                   const policy::MemberAccess& access, const MyAnswer& answer, std::int64_t at) {
  const std::string& rid = access.relationship_id();
  const std::string& account_id = access.account_id();
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  if (answer.answer == core::Answer::kUnset && answer.note.empty()) {
    tx.execute(
        "DELETE FROM boundary_answers WHERE relationship_id = ? AND account_id = ? AND item_id = ?",
        {rid, account_id, answer.item_id});
  } else {
    tx.execute(
        "INSERT INTO boundary_answers (relationship_id, account_id, item_id, answer_sealed, "
        "updated_at) VALUES (?,?,?,?,?) ON CONFLICT (relationship_id, account_id, item_id) DO "
        "UPDATE SET answer_sealed = excluded.answer_sealed, updated_at = excluded.updated_at",
        {rid, account_id, answer.item_id,
         store::blob(context.keyring.seal(key, answer_record_id(rid, account_id, answer.item_id),
                                          "answer", encode_answer(answer.answer, answer.note))),
         at});
  }
  const std::string id = crypto::random_id();
  nlohmann::json change{{"item_id", answer.item_id},
                        {"answer", core::answer_name(answer.answer)},
                        {"note", answer.note}};
  tx.execute(
      "INSERT INTO boundary_history (id, relationship_id, account_id, change_sealed, at) VALUES "
      "(?,?,?,?,?)",
      {id, rid, account_id, store::blob(context.keyring.seal(key, id, "change", change.dump())),
       at});
}

std::vector<AnswerChange> own_answer_history(const Context& context, store::Transaction& tx,
                                             const policy::MemberAccess& access) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, access.account_id());
  std::vector<AnswerChange> changes;
  for (const auto& row :
       tx.query("SELECT id, change_sealed, at FROM boundary_history WHERE relationship_id = ? AND "
                "account_id = ? ORDER BY at DESC, id DESC",
                {access.relationship_id(), access.account_id()})) {
    auto json =
        nlohmann::json::parse(context.keyring.open(key, row.text(0), "change", row.bytes(1)));
    changes.push_back(
        {json.at("item_id").get<std::string>(),
         core::parse_answer(json.at("answer").get<std::string>()).value_or(core::Answer::kUnset),
         json.value("note", ""), row.integer(2)});
  }
  return changes;
}

std::vector<CustomItemRecord> visible_custom_items(const Context& context, store::Transaction& tx,
                                                   const policy::MemberAccess& access) {
  std::vector<CustomItemRecord> items;
  for (const auto& row :
       tx.query(std::string(kCustomItemColumns) +
                    "WHERE relationship_id = ? AND (author_id = ? OR proposed_at IS NOT NULL) "
                    "ORDER BY created_at",
                {access.relationship_id(), access.account_id()})) {
    items.push_back(custom_item_of(context, tx, row));
  }
  return items;
}

bool custom_item_visible_to(store::Transaction& tx, const policy::MemberAccess& access,
                            const std::string& partner_id, const std::string& item_id) {
  return tx
      .query_one(
          "SELECT 1 FROM custom_items WHERE id = ? AND relationship_id = ? AND (author_id = ? OR "
          "proposed_at IS NOT NULL)",
          {item_id, access.relationship_id(), partner_id})
      .has_value();
}

std::int64_t count_own_custom_items(store::Transaction& tx, const policy::MemberAccess& access) {
  return tx
      .query_one("SELECT COUNT(*) FROM custom_items WHERE relationship_id = ? AND author_id = ?",
                 {access.relationship_id(), access.account_id()})
      ->integer(0);
}

void insert_custom_item(const Context& context, store::Transaction& tx,
                        const policy::MemberAccess& access, const CustomItemRecord& item) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, access.account_id());
  nlohmann::json sealed{{"category", item.category}, {"label", item.label}};
  tx.execute(
      "INSERT INTO custom_items (id, relationship_id, author_id, item_sealed, proposed_at, "
      "created_at) VALUES (?,?,?,?,NULL,?)",
      {item.id, access.relationship_id(), access.account_id(),
       store::blob(context.keyring.seal(key, item.id, "item", sealed.dump())), item.created_at});
}

std::optional<std::string> own_custom_item_relationship(store::Transaction& tx,
                                                        const std::string& author_id,
                                                        const std::string& item_id) {
  auto row = tx.query_one("SELECT relationship_id FROM custom_items WHERE id = ? AND author_id = ?",
                          {item_id, author_id});
  if (!row) return std::nullopt;
  return row->text(0);
}

void propose_custom_item(store::Transaction& tx, const policy::MemberAccess& access,
                         const std::string& item_id, std::int64_t at) {
  tx.execute(
      "UPDATE custom_items SET proposed_at = COALESCE(proposed_at, ?) WHERE id = ? AND "
      "relationship_id = ? AND author_id = ?",
      {at, item_id, access.relationship_id(), access.account_id()});
}

std::vector<CustomItemRecord> own_custom_items(const Context& context, store::Transaction& tx,
                                               const policy::MembershipAccess& access) {
  std::vector<CustomItemRecord> items;
  for (const auto& row :
       tx.query(std::string(kCustomItemColumns) + "WHERE relationship_id = ? AND author_id = ? "
                                                  "ORDER BY created_at, id",
                {access.relationship_id(), access.account_id()})) {
    items.push_back(custom_item_of(context, tx, row));
  }
  return items;
}

std::vector<std::string> own_proposed_custom_item_ids(store::Transaction& tx,
                                                      const policy::MembershipAccess& access) {
  std::vector<std::string> ids;
  for (const auto& row :
       tx.query("SELECT id FROM custom_items WHERE relationship_id = ? AND author_id = ? AND "
                "proposed_at IS NOT NULL",
                {access.relationship_id(), access.account_id()})) {
    ids.push_back(row.text(0));
  }
  return ids;
}

void delete_own_boundary_rows(store::Transaction& tx, const policy::MembershipAccess& access) {
  for (const char* sql : {
           "DELETE FROM boundary_answers WHERE relationship_id = ? AND account_id = ?",
           "DELETE FROM boundary_history WHERE relationship_id = ? AND account_id = ?",
           "DELETE FROM custom_items WHERE relationship_id = ? AND author_id = ?",
       }) {
    tx.execute(sql, {access.relationship_id(), access.account_id()});
  }
}

}  // namespace attune::app
