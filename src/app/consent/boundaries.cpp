#include "app/consent/boundaries.h"

#include <nlohmann/json.hpp>

#include "app/consent/agreement_voiding.h"
#include "app/policy/policy.h"
#include "core/group.h"
#include "core/text.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxNote = 500;
constexpr std::size_t kMaxCustomLabel = 80;
constexpr int kMaxCustomItemsPerPerson = 100;

std::string answer_record_id(const std::string& rid, const std::string& account_id,
                             const std::string& item_id) {
  return rid + "/" + account_id + "/" + item_id;
}

std::string encode_answer(core::Answer answer, const std::string& note) {
  return nlohmann::json{{"answer", core::answer_name(answer)}, {"note", note}}.dump();
}

MyAnswer decode_answer(const std::string& item_id, const std::string& text) {
  auto json = nlohmann::json::parse(text);
  return {item_id, core::parse_answer(json.at("answer").get<std::string>()).value_or(core::Answer::kUnset),
          json.value("note", "")};
}

struct CustomItem {
  std::string id, author, category, label;
  bool proposed = false;
};

std::vector<CustomItem> custom_items(const Context& context, store::Transaction& tx,
                                     const std::string& rid, const std::string& viewer) {
  std::vector<CustomItem> items;
  for (const auto& row : tx.query(
           "SELECT id, author_id, item_sealed, proposed_at FROM custom_items WHERE relationship_id = ? "
           "AND (author_id = ? OR proposed_at IS NOT NULL) ORDER BY created_at",
           {rid, viewer})) {
    auto key = context.keyring.key_of(tx, KeyOwner::kPerson, row.text(1));
    auto json = nlohmann::json::parse(context.keyring.open(key, row.text(0), "item", row.bytes(2)));
    items.push_back({row.text(0), row.text(1), json.at("category").get<std::string>(),
                     json.at("label").get<std::string>(), !row.is_null(3)});
  }
  return items;
}

}  // namespace

core::AnswerSheet load_answer_sheet(const Context& context, store::Transaction& tx,
                                    const std::string& rid, const std::string& account_id) {
  core::AnswerSheet sheet;
  auto rows = tx.query(
      "SELECT item_id, answer_sealed FROM boundary_answers WHERE relationship_id = ? AND account_id = ?",
      {rid, account_id});
  if (rows.empty()) return sheet;
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  for (const auto& row : rows) {
    const std::string& item = row.text(0);
    auto plain = context.keyring.open(key, answer_record_id(rid, account_id, item), "answer", row.bytes(1));
    sheet.emplace(item, decode_answer(item, plain).answer);
  }
  return sheet;
}

bool item_visible_to(const Context& context, store::Transaction& tx, const std::string& rid,
                     const std::string& account_id, const std::string& item_id) {
  if (context.content.find_item(item_id)) return true;
  return tx.query_one(
             "SELECT 1 FROM custom_items WHERE id = ? AND relationship_id = ? AND (author_id = ? OR "
             "proposed_at IS NOT NULL)",
             {item_id, rid, account_id})
      .has_value();
}

base::Result<std::vector<CatalogueEntry>> Boundaries::catalogue(const Actor& actor,
                                                                const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  ATTUNE_TRY(policy::require_member(*tx, actor, rid));
  std::vector<CatalogueEntry> entries;
  for (const auto& item : context_.content.catalogue.items) {
    entries.push_back({item.id, item.category, item.label, item.description, false, false, false});
  }
  for (const auto& item : custom_items(context_, *tx, rid, actor.account_id)) {
    entries.push_back({item.id, item.category, item.label, "", true,
                       item.author == actor.account_id, item.proposed});
  }
  return entries;
}

base::Status Boundaries::answer(const Actor& actor, const std::string& rid,
                                const std::string& item_id, core::Answer answer,
                                const std::string& note) {
  if (auto ok = core::check_text("note", note, kMaxNote, false); !ok) return ok;
  std::vector<std::string> touched;
  auto done = context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Status {
    if (auto ok = policy::require_member(tx, actor, rid); !ok) return ok;
    if (!item_visible_to(context_, tx, rid, actor.account_id, item_id)) {
      return std::unexpected(policy::not_found());
    }
    auto key = context_.keyring.key_of(tx, KeyOwner::kPerson, actor.account_id);
    const auto now = context_.now_ms();
    const std::string record = answer_record_id(rid, actor.account_id, item_id);
    if (answer == core::Answer::kUnset && note.empty()) {
      tx.execute(
          "DELETE FROM boundary_answers WHERE relationship_id = ? AND account_id = ? AND item_id = ?",
          {rid, actor.account_id, item_id});
    } else {
      tx.execute(
          "INSERT INTO boundary_answers (relationship_id, account_id, item_id, answer_sealed, "
          "updated_at) VALUES (?,?,?,?,?) ON CONFLICT (relationship_id, account_id, item_id) DO "
          "UPDATE SET answer_sealed = excluded.answer_sealed, updated_at = excluded.updated_at",
          {rid, actor.account_id, item_id,
           store::blob(context_.keyring.seal(key, record, "answer", encode_answer(answer, note))), now});
    }
    const std::string history_id = crypto::random_id();
    nlohmann::json change{{"item_id", item_id}, {"answer", core::answer_name(answer)}, {"note", note}};
    tx.execute(
        "INSERT INTO boundary_history (id, relationship_id, account_id, change_sealed, at) VALUES "
        "(?,?,?,?,?)",
        {history_id, rid, actor.account_id,
         store::blob(context_.keyring.seal(key, history_id, "change", change.dump())), now});
    touched = void_agreements_broken_by(context_, tx, rid, actor.account_id, item_id, answer);
    return {};
  });
  if (done) context_.notify_practices(touched);
  return done;
}

base::Result<std::vector<MyAnswer>> Boundaries::mine(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  ATTUNE_TRY(policy::require_member(*tx, actor, rid));
  auto key = context_.keyring.key_of(*tx, KeyOwner::kPerson, actor.account_id);
  std::vector<MyAnswer> answers;
  for (const auto& row : tx->query(
           "SELECT item_id, answer_sealed FROM boundary_answers WHERE relationship_id = ? AND "
           "account_id = ? ORDER BY item_id",
           {rid, actor.account_id})) {
    const std::string& item = row.text(0);
    answers.push_back(decode_answer(
        item, context_.keyring.open(key, answer_record_id(rid, actor.account_id, item), "answer",
                                    row.bytes(1))));
  }
  return answers;
}

base::Result<std::vector<AnswerChange>> Boundaries::history(const Actor& actor,
                                                            const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  ATTUNE_TRY(policy::require_member(*tx, actor, rid));
  auto key = context_.keyring.key_of(*tx, KeyOwner::kPerson, actor.account_id);
  std::vector<AnswerChange> changes;
  for (const auto& row : tx->query(
           "SELECT id, change_sealed, at FROM boundary_history WHERE relationship_id = ? AND "
           "account_id = ? ORDER BY at DESC, id DESC",
           {rid, actor.account_id})) {
    auto json = nlohmann::json::parse(context_.keyring.open(key, row.text(0), "change", row.bytes(1)));
    changes.push_back({json.at("item_id").get<std::string>(),
                       core::parse_answer(json.at("answer").get<std::string>()).value_or(core::Answer::kUnset),
                       json.value("note", ""), row.integer(2)});
  }
  return changes;
}

base::Result<std::vector<core::SharedItem>> Boundaries::shared(const Actor& actor,
                                                               const std::string& rid,
                                                               const std::vector<std::string>& with) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  ATTUNE_TRY(policy::require_member(*tx, actor, rid));
  auto group = core::resolve_group(policy::active_partners(*tx, rid), actor.account_id, with);
  if (!group) return base::error_of(group);
  std::vector<core::AnswerSheet> sheets;
  sheets.reserve(group->size());
  for (const auto& partner : *group) sheets.push_back(load_answer_sheet(context_, *tx, rid, partner));
  std::vector<const core::AnswerSheet*> pointers;
  for (const auto& sheet : sheets) pointers.push_back(&sheet);
  // A custom item that is not proposed may still be in everyone's sheets only if its author
  // answered it; it is invisible to the others, so it is filtered out unless proposed.
  auto items = core::mutual_items(pointers);
  std::erase_if(items, [&](const core::SharedItem& item) {
    return !item_visible_to(context_, *tx, rid, actor.account_id, item.item_id);
  });
  return items;
}

base::Result<std::string> Boundaries::add_custom_item(const Actor& actor, const std::string& rid,
                                                      const std::string& category,
                                                      const std::string& label) {
  ATTUNE_TRY(core::check_text("label", label, kMaxCustomLabel, true));
  bool known_category = false;
  for (const auto& c : context_.content.catalogue.categories) known_category |= c.id == category;
  if (!known_category) return base::fail(base::ErrorCode::invalid_field, "Please choose one of the categories.");
  const std::string id = "custom-" + crypto::random_id();
  return context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<std::string> {
    ATTUNE_TRY(policy::require_member(tx, actor, rid));
    auto count = tx.query_one("SELECT COUNT(*) FROM custom_items WHERE relationship_id = ? AND author_id = ?",
                              {rid, actor.account_id});
    if (count->integer(0) >= kMaxCustomItemsPerPerson) {
      return base::fail(base::ErrorCode::rule_violated, "You have reached the limit of custom items here.");
    }
    auto key = context_.keyring.key_of(tx, KeyOwner::kPerson, actor.account_id);
    nlohmann::json item{{"category", category}, {"label", core::trim(label)}};
    tx.execute(
        "INSERT INTO custom_items (id, relationship_id, author_id, item_sealed, proposed_at, "
        "created_at) VALUES (?,?,?,?,NULL,?)",
        {id, rid, actor.account_id, store::blob(context_.keyring.seal(key, id, "item", item.dump())),
         context_.now_ms()});
    return id;
  });
}

base::Status Boundaries::propose(const Actor& actor, const std::string& item_id) {
  return context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Status {
    auto row = tx.query_one("SELECT relationship_id FROM custom_items WHERE id = ? AND author_id = ?",
                            {item_id, actor.account_id});
    if (!row) return std::unexpected(policy::not_found());
    if (auto ok = policy::require_member(tx, actor, row->text(0)); !ok) return ok;
    tx.execute("UPDATE custom_items SET proposed_at = COALESCE(proposed_at, ?) WHERE id = ?",
               {context_.now_ms(), item_id});
    return {};
  });
}

}  // namespace attune::app
