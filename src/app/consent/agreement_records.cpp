#include "app/consent/agreement_records.h"

#include <nlohmann/json.hpp>

#include "base/corruption.h"

namespace attune::app {
namespace {

std::string terms_to_json(const core::AgreementTerms& terms) {
  return nlohmann::json{{"exercise_id", terms.exercise_id},
                        {"participants", terms.participants},
                        {"items", terms.items},
                        {"time_limit_minutes", terms.time_limit_minutes},
                        {"role_order", terms.role_order},
                        {"pause_word", terms.pause_word},
                        {"aftercare", terms.aftercare}}
      .dump();
}

core::AgreementTerms terms_from_json(const std::string& text) {
  auto json = nlohmann::json::parse(text);
  core::AgreementTerms terms;
  terms.exercise_id = json.at("exercise_id").get<std::string>();
  terms.participants = json.at("participants").get<std::vector<std::string>>();
  terms.items = json.at("items").get<std::vector<std::string>>();
  terms.time_limit_minutes = json.at("time_limit_minutes").get<int>();
  terms.role_order = json.at("role_order").get<std::vector<std::string>>();
  terms.pause_word = json.at("pause_word").get<std::string>();
  terms.aftercare = json.at("aftercare").get<std::string>();
  return terms;
}

std::string version_record_id(const std::string& agreement_id, std::int64_t version) {
  return agreement_id + "/" + std::to_string(version);
}

}  // namespace

core::AgreementTerms load_terms(const Context& context, store::Transaction& tx,
                                const std::string& relationship_id,
                                const std::string& agreement_id, std::int64_t version) {
  auto row = tx.query_one(
      "SELECT terms_sealed FROM agreement_versions WHERE agreement_id = ? AND version = ?",
      {agreement_id, version});
  if (!row) throw base::Corruption("agreement version is missing");
  auto key = context.keyring.key_of(tx, KeyOwner::kRelationship, relationship_id);
  return terms_from_json(
      context.keyring.open(key, version_record_id(agreement_id, version), "terms", row->bytes(0)));
}

std::optional<AgreementRecord> load_agreement(const Context& context, store::Transaction& tx,
                                              const std::string& agreement_id) {
  auto row = tx.query_one(
      "SELECT relationship_id, current_version, is_void FROM agreements WHERE id = ?", {agreement_id});
  if (!row) return std::nullopt;
  AgreementRecord record{agreement_id, row->text(0), row->integer(1), row->integer(2) != 0, {}, {}};
  record.terms = load_terms(context, tx, record.relationship_id, agreement_id, record.version);
  for (const auto& signature :
       tx.query("SELECT account_id FROM signatures WHERE agreement_id = ? AND version = ?",
                {agreement_id, record.version})) {
    record.signed_current.insert(signature.text(0));
  }
  return record;
}

void save_version(const Context& context, store::Transaction& tx, const std::string& relationship_id,
                  const std::string& agreement_id, std::int64_t version,
                  const core::AgreementTerms& terms) {
  auto key = context.keyring.key_of(tx, KeyOwner::kRelationship, relationship_id);
  tx.execute(
      "INSERT INTO agreement_versions (agreement_id, version, terms_sealed, created_at) VALUES "
      "(?,?,?,?)",
      {agreement_id, version,
       store::blob(context.keyring.seal(key, version_record_id(agreement_id, version), "terms",
                                        terms_to_json(terms))),
       context.now_ms()});
  tx.execute("UPDATE agreements SET current_version = ? WHERE id = ?", {version, agreement_id});
  tx.execute("DELETE FROM agreement_participants WHERE agreement_id = ?", {agreement_id});
  for (const auto& participant : terms.participants) {
    tx.execute("INSERT INTO agreement_participants (agreement_id, account_id) VALUES (?,?)",
               {agreement_id, participant});
  }
}

std::int64_t version_created_at(store::Transaction& tx, const std::string& agreement_id,
                                std::int64_t version) {
  auto row = tx.query_one(
      "SELECT created_at FROM agreement_versions WHERE agreement_id = ? AND version = ?",
      {agreement_id, version});
  return row ? row->integer(0) : 0;
}

}  // namespace attune::app
