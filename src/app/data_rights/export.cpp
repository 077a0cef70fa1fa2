#include "app/data_rights/export.h"

#include "app/consent/agreements.h"
#include "app/consent/boundaries.h"
#include "app/practice/practices.h"
#include "app/relationships/relationships.h"
#include "base/rfc3339.h"

namespace attune::app {
namespace {

using nlohmann::json;

template <class T>
T value_or_throw(base::Result<T> result) {
  // The caller is an active member (checked just before): a failure here is the store's.
  if (!result) throw store::Unavailable("export: " + result.error().message);
  return std::move(*result);
}

json answer_json(const std::string& item_id, core::Answer answer, const std::string& note) {
  json entry{{"item_id", item_id}, {"answer", core::answer_name(answer)}};
  if (!note.empty()) entry["note"] = note;
  return entry;
}

json terms_json(const core::AgreementTerms& terms) {
  return {{"exercise_id", terms.exercise_id},
          {"participants", terms.participants},
          {"items", terms.items},
          {"time_limit_minutes", terms.time_limit_minutes},
          {"role_order", terms.role_order},
          {"pause_word", terms.pause_word},
          {"aftercare", terms.aftercare}};
}

// A sealed body is JSON for every feature so far; kept as text should one not be.
json body_json(const std::string& body) {
  auto parsed = json::parse(body, nullptr, false);
  return parsed.is_discarded() ? json(body) : parsed;
}

}  // namespace

base::Result<nlohmann::json> DataExport::of(const Actor& actor) {
  json document{{"format", "attune-export"},
                {"version", 1},
                {"exported_at", base::to_rfc3339(context_.clock.now())}};
  document["profile"] = profile(actor);
  if (document["profile"].is_null()) {
    return base::fail(base::ErrorCode::unauthenticated, "Please log in again.");
  }
  json relationships = json::array();
  for (const auto& summary : Relationships(context_).list(actor)) {
    auto one = relationship(actor, summary.id, summary.name);
    // Left between listing and reading: it is no longer theirs to export.
    if (!one) continue;
    relationships.push_back(std::move(*one));
  }
  document["relationships"] = std::move(relationships);
  // A newcomer waiting for approval sees nothing of the relationship, not even its name.
  json pending = json::array();
  context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
    for (const auto& row :
         tx.query("SELECT relationship_id, joined_at FROM memberships WHERE account_id = ? AND "
                  "status = 'pending' ORDER BY joined_at",
                  {actor.account_id})) {
      pending.push_back({{"id", row.text(0)}, {"asked_at", base::to_rfc3339_ms(row.integer(1))}});
    }
    return true;
  });
  document["pending_relationships"] = std::move(pending);
  return document;
}

json DataExport::profile(const Actor& actor) {
  return context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) -> json {
    auto row = tx.query_one(
        "SELECT email_sealed, display_name_sealed, time_zone, roles, created_at FROM accounts "
        "WHERE id = ?",
        {actor.account_id});
    if (!row) return nullptr;
    auto key = context_.keyring.key_of(tx, KeyOwner::kPerson, actor.account_id);
    return {{"id", actor.account_id},
            {"email", context_.keyring.open(key, actor.account_id, "email", row->bytes(0))},
            {"display_name",
             context_.keyring.open(key, actor.account_id, "display_name", row->bytes(1))},
            {"time_zone", row->text(2)},
            {"roles", json::array({row->text(3)})},
            {"created_at", base::to_rfc3339_ms(row->integer(4))}};
  });
}

base::Result<nlohmann::json> DataExport::relationship(const Actor& actor, const std::string& rid,
                                                      const std::string& name) {
  auto detail = Relationships(context_).get(actor, rid);
  if (!detail) return base::error_of(detail);
  json partners = json::array();
  for (const auto& partner : detail->partners) {
    if (partner.id == actor.account_id) continue;
    partners.push_back({{"id", partner.id}, {"display_name", partner.display_name}});
  }
  json one{{"id", rid}, {"name", name}, {"partners", std::move(partners)}};
  one["boundaries"] = boundaries(actor, rid);
  one.update(own_rows(actor, rid));
  one["agreements"] = agreements(actor, rid);
  one["practices"] = practices(actor, rid);
  return one;
}

json DataExport::boundaries(const Actor& actor, const std::string& rid) {
  Boundaries boundaries(context_);
  json answers = json::array();
  for (const auto& a : value_or_throw(boundaries.mine(actor, rid))) {
    answers.push_back(answer_json(a.item_id, a.answer, a.note));
  }
  json history = json::array();
  for (const auto& change : value_or_throw(boundaries.history(actor, rid))) {
    json entry = answer_json(change.item_id, change.answer, change.note);
    entry["at"] = base::to_rfc3339_ms(change.at);
    history.push_back(std::move(entry));
  }
  // Exactly what GET …/boundaries/shared shows: the items every partner marked yes or maybe.
  json shared = json::array();
  for (const auto& item : value_or_throw(boundaries.shared(actor, rid, {}))) {
    shared.push_back({{"item_id", item.item_id}, {"level", core::shared_level_name(item.level)}});
  }
  return {{"my_answers", std::move(answers)},
          {"my_history", std::move(history)},
          {"shared_with_everyone", std::move(shared)}};
}

// What the person authored in the relationship, opened with their own key only: custom
// items and entries (intake and any later feature), whatever their visibility.
json DataExport::own_rows(const Actor& actor, const std::string& rid) {
  return context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) -> json {
    auto key = context_.keyring.key_of(tx, KeyOwner::kPerson, actor.account_id);
    json items = json::array();
    for (const auto& row :
         tx.query("SELECT id, item_sealed, proposed_at, created_at FROM custom_items WHERE "
                  "relationship_id = ? AND author_id = ? ORDER BY created_at, id",
                  {rid, actor.account_id})) {
      json item = body_json(context_.keyring.open(key, row.text(0), "item", row.bytes(1)));
      item["id"] = row.text(0);
      item["proposed"] = !row.is_null(2);
      item["created_at"] = base::to_rfc3339_ms(row.integer(3));
      items.push_back(std::move(item));
    }
    json entries = json::array();
    for (const auto& row : tx.query(
             "SELECT id, feature, body_sealed, visibility, created_at, updated_at FROM entries "
             "WHERE relationship_id = ? AND author_id = ? ORDER BY created_at, id",
             {rid, actor.account_id})) {
      entries.push_back(
          {{"id", row.text(0)},
           {"feature", row.text(1)},
           {"body", body_json(context_.keyring.open(key, row.text(0), "body", row.bytes(2)))},
           {"visibility", row.text(3)},
           {"created_at", base::to_rfc3339_ms(row.integer(4))},
           {"updated_at", base::to_rfc3339_ms(row.integer(5))}});
    }
    return {{"my_custom_items", std::move(items)}, {"my_entries", std::move(entries)}};
  });
}

json DataExport::agreements(const Actor& actor, const std::string& rid) {
  Agreements agreements(context_);
  json result = json::array();
  for (const auto& view : value_or_throw(agreements.list(actor, rid))) {
    json versions = json::array();
    for (const auto& version : value_or_throw(agreements.versions(actor, view.id))) {
      versions.push_back({{"version", version.version},
                          {"created_at", base::to_rfc3339_ms(version.created_at)},
                          {"terms", terms_json(version.terms)}});
    }
    json signatures = json::array();
    context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
      for (const auto& row :
           tx.query("SELECT version, signed_at FROM signatures WHERE agreement_id = ? AND "
                    "account_id = ? ORDER BY version",
                    {view.id, actor.account_id})) {
        signatures.push_back(
            {{"version", row.integer(0)}, {"signed_at", base::to_rfc3339_ms(row.integer(1))}});
      }
      return true;
    });
    result.push_back({{"id", view.id},
                      {"current_version", view.version},
                      {"status", core::agreement_status_name(view.status)},
                      {"versions", std::move(versions)},
                      {"my_signatures", std::move(signatures)}});
  }
  return result;
}

json DataExport::practices(const Actor& actor, const std::string& rid) {
  json result = json::array();
  for (const auto& summary : value_or_throw(Practices(context_).list(actor, rid))) {
    json acts = json::array();
    context_.db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
      for (const auto& row : tx.query(
               "SELECT seq, kind, at FROM practice_acts WHERE practice_id = ? AND actor_id = ? "
               "ORDER BY seq",
               {summary.id, actor.account_id})) {
        acts.push_back({{"seq", row.integer(0)},
                        {"kind", row.text(1)},
                        {"at", base::to_rfc3339_ms(row.integer(2))}});
      }
      return true;
    });
    result.push_back({{"id", summary.id},
                      {"agreement_id", summary.agreement_id},
                      {"status", core::practice_status_name(summary.status)},
                      {"my_acts", std::move(acts)}});
  }
  return result;
}

}  // namespace attune::app
