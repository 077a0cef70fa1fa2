#include "app/debriefs/debrief_records.h"

#include <nlohmann/json.hpp>

#include "base/corruption.h"

namespace attune::app {
namespace {

constexpr const char* kField = "answer";

// A debrief is one row per (practice, author): that pair is its record id.
std::string record_id(const std::string& practice_id, const std::string& author) {
  return practice_id + "/" + author;
}

std::string answer_plaintext(const core::DebriefAnswer& answer) {
  return nlohmann::json{{"skipped", answer.skipped},
                        {"nourishing", answer.nourishing},
                        {"discomfort", answer.discomfort},
                        {"adjust", answer.adjust}}
      .dump();
}

core::DebriefAnswer open_answer(const Context& context, store::Transaction& tx,
                                const std::string& practice_id, const std::string& author,
                                const std::string& sealed) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, author);
  auto json = nlohmann::json::parse(
      context.keyring.open(key, record_id(practice_id, author), kField, sealed), nullptr, false);
  if (!json.is_object()) throw base::Corruption("a debrief does not hold an answer");
  return {author, json.value("skipped", false), json.value("nourishing", ""),
          json.value("discomfort", ""), json.value("adjust", "")};
}

}  // namespace

bool has_given_debrief(store::Transaction& tx, const policy::PracticeAccess& access) {
  return tx
      .query_one("SELECT 1 FROM debriefs WHERE practice_id = ? AND account_id = ?",
                 {access.practice_id(), access.account_id()})
      .has_value();
}

void insert_debrief(const Context& context, store::Transaction& tx,
                    const policy::PracticeAccess& access, const core::DebriefAnswer& answer,
                    std::int64_t at) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, access.account_id());
  const auto sealed = context.keyring.seal(
      key, record_id(access.practice_id(), access.account_id()), kField, answer_plaintext(answer));
  tx.execute(
      "INSERT INTO debriefs (practice_id, account_id, answer_sealed, given_at) VALUES (?,?,?,?)",
      {access.practice_id(), access.account_id(), store::blob(sealed), at});
}

std::vector<core::DebriefAnswer> practice_debriefs(const Context& context, store::Transaction& tx,
                                                   const policy::PracticeAccess& access) {
  std::vector<core::DebriefAnswer> answers;
  for (const auto& row :
       tx.query("SELECT account_id, answer_sealed FROM debriefs WHERE practice_id = ? "
                "ORDER BY account_id",
                {access.practice_id()})) {
    answers.push_back(open_answer(context, tx, access.practice_id(), row.text(0), row.bytes(1)));
  }
  return answers;
}

std::vector<OwnDebrief> own_debriefs(const Context& context, store::Transaction& tx,
                                     const policy::MemberAccess& member) {
  std::vector<OwnDebrief> own;
  for (const auto& row : tx.query(
           "SELECT d.practice_id, d.answer_sealed, d.given_at, s.shared_at FROM debriefs d "
           "JOIN practices p ON p.id = d.practice_id JOIN agreements a ON a.id = p.agreement_id "
           "LEFT JOIN debrief_therapist_shares s ON s.practice_id = d.practice_id AND "
           "s.account_id = d.account_id "
           "WHERE a.relationship_id = ? AND d.account_id = ? ORDER BY d.given_at, d.practice_id",
           {member.relationship_id(), member.account_id()})) {
    own.push_back({row.text(0),
                   open_answer(context, tx, row.text(0), member.account_id(), row.bytes(1)),
                   row.integer(2), !row.is_null(3)});
  }
  return own;
}

std::optional<core::DebriefAnswer> own_debrief(const Context& context, store::Transaction& tx,
                                               const policy::PracticeAccess& access) {
  auto row =
      tx.query_one("SELECT answer_sealed FROM debriefs WHERE practice_id = ? AND account_id = ?",
                   {access.practice_id(), access.account_id()});
  if (!row) return std::nullopt;
  return open_answer(context, tx, access.practice_id(), access.account_id(), row->bytes(0));
}

bool debrief_shared_with_therapist(store::Transaction& tx, const policy::PracticeAccess& access) {
  return tx
      .query_one("SELECT 1 FROM debrief_therapist_shares WHERE practice_id = ? AND account_id = ?",
                 {access.practice_id(), access.account_id()})
      .has_value();
}

void set_debrief_shared_with_therapist(store::Transaction& tx, const policy::PracticeAccess& access,
                                       bool shared, std::int64_t at) {
  if (!shared) {
    tx.execute("DELETE FROM debrief_therapist_shares WHERE practice_id = ? AND account_id = ?",
               {access.practice_id(), access.account_id()});
    return;
  }
  if (debrief_shared_with_therapist(tx, access)) return;
  tx.execute(
      "INSERT INTO debrief_therapist_shares (practice_id, account_id, shared_at) VALUES (?,?,?)",
      {access.practice_id(), access.account_id(), at});
}

std::vector<SharedDebrief> debriefs_shared_with_therapist(const Context& context,
                                                          store::Transaction& tx,
                                                          const policy::TherapistAccess& link) {
  std::vector<SharedDebrief> shared;
  for (const auto& row : tx.query(
           "SELECT d.practice_id, d.account_id, d.answer_sealed, d.given_at FROM debriefs d "
           "JOIN debrief_therapist_shares s ON s.practice_id = d.practice_id AND "
           "s.account_id = d.account_id "
           "JOIN practices p ON p.id = d.practice_id JOIN agreements a ON a.id = p.agreement_id "
           "JOIN memberships m ON m.relationship_id = a.relationship_id AND "
           "m.account_id = d.account_id AND m.status = 'active' "
           "WHERE a.relationship_id = ? ORDER BY d.given_at DESC, d.practice_id, d.account_id",
           {link.relationship_id()})) {
    shared.push_back({row.text(0), open_answer(context, tx, row.text(0), row.text(1), row.bytes(2)),
                      row.integer(3)});
  }
  return shared;
}

void delete_own_debriefs(store::Transaction& tx, const policy::MembershipAccess& membership) {
  tx.execute(
      "DELETE FROM debriefs WHERE account_id = ? AND practice_id IN (SELECT p.id FROM practices "
      "p JOIN agreements a ON a.id = p.agreement_id WHERE a.relationship_id = ?)",
      {membership.account_id(), membership.relationship_id()});
}

}  // namespace attune::app
