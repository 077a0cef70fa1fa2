#include "app/safety_check/safety_check_records.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/corruption.h"

namespace attune::app {
namespace {

constexpr const char* kField = "answers";

std::string sealed_plaintext(const SafetyCheckRecord& check) {
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& [question, value] : check.answers) answers[question] = value;
  return nlohmann::json{{"form_version", check.form_version},
                        {"answers", std::move(answers)},
                        {"signals_danger", check.signals_danger}}
      .dump();
}

SafetyCheckRecord open_check(const crypto::SecretKey& key, const Context& context,
                             const store::Row& row) {
  SafetyCheckRecord check;
  check.id = row.text(0);
  auto json = nlohmann::json::parse(context.keyring.open(key, check.id, kField, row.bytes(1)),
                                    nullptr, false);
  if (!json.is_object() || !json.contains("answers") || !json["answers"].is_object()) {
    throw base::Corruption("a safety check does not hold answers");
  }
  check.form_version = json.value("form_version", 0);
  for (const auto& [question, value] : json["answers"].items()) {
    check.answers[question] = value.get<int>();
  }
  check.signals_danger = json.value("signals_danger", false);
  check.answered_at = row.integer(2);
  return check;
}

std::vector<SafetyCheckRecord> checks_of(const Context& context, store::Transaction& tx,
                                         const std::string& relationship_id,
                                         const std::string& partner_id) {
  std::vector<SafetyCheckRecord> checks;
  auto rows = tx.query(
      "SELECT id, answers_sealed, answered_at FROM safety_checks "
      "WHERE relationship_id = ? AND account_id = ? ORDER BY answered_at DESC, id",
      {relationship_id, partner_id});
  if (rows.empty()) return checks;
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, partner_id);
  for (const auto& row : rows) checks.push_back(open_check(key, context, row));
  return checks;
}

}  // namespace

void insert_safety_check(const Context& context, store::Transaction& tx,
                         const policy::MemberAccess& member, const SafetyCheckRecord& check) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, member.account_id());
  const auto sealed = context.keyring.seal(key, check.id, kField, sealed_plaintext(check));
  // Never dated before the person's last check: two checks within one millisecond must still
  // read back newest first, or a later "I am afraid" could hide behind an earlier calm answer
  // (ties would otherwise fall to the random ids).
  const auto last = tx.query_one(
      "SELECT MAX(answered_at) FROM safety_checks WHERE relationship_id = ? AND account_id = ?",
      {member.relationship_id(), member.account_id()});
  const std::int64_t answered_at = last && !last->is_null(0)
                                       ? std::max(check.answered_at, last->integer(0) + 1)
                                       : check.answered_at;
  tx.execute(
      "INSERT INTO safety_checks (id, relationship_id, account_id, answers_sealed, answered_at) "
      "VALUES (?,?,?,?,?)",
      {check.id, member.relationship_id(), member.account_id(), store::blob(sealed), answered_at});
}

std::vector<SafetyCheckRecord> own_safety_checks(const Context& context, store::Transaction& tx,
                                                 const policy::MemberAccess& member) {
  return checks_of(context, tx, member.relationship_id(), member.account_id());
}

std::vector<SafetyCheckRecord> partner_safety_checks(const Context& context, store::Transaction& tx,
                                                     const policy::MembershipAccess& partner) {
  return checks_of(context, tx, partner.relationship_id(), partner.account_id());
}

void delete_own_safety_checks(store::Transaction& tx, const policy::MembershipAccess& membership) {
  tx.execute("DELETE FROM safety_checks WHERE relationship_id = ? AND account_id = ?",
             {membership.relationship_id(), membership.account_id()});
}

}  // namespace attune::app
