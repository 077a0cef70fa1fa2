#include "app/together/plan_records.h"

#include <nlohmann/json.hpp>

#include "base/corruption.h"

namespace attune::app {
namespace {

constexpr const char* kPlanField = "plan";
constexpr const char* kAnswerField = "response";

std::string answer_record_id(const std::string& plan_id, const std::string& account_id) {
  return plan_id + "/" + account_id;
}

std::string plan_plaintext(const PlanRecord& plan) {
  nlohmann::json body{{"kind", core::plan_kind_name(plan.kind)},
                      {"title", plan.title},
                      {"note", plan.note},
                      {"starts_at", nullptr}};
  if (plan.starts_at) body["starts_at"] = *plan.starts_at;
  return body.dump();
}

PlanRecord plan_of(const Context& context, store::Transaction& tx, const store::Row& row) {
  PlanRecord plan;
  plan.id = row.text(0);
  plan.proposer_id = row.text(1);
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, plan.proposer_id);
  auto body = nlohmann::json::parse(context.keyring.open(key, plan.id, kPlanField, row.bytes(2)),
                                    nullptr, false);
  if (!body.is_object()) throw base::Corruption("a plan does not hold a plan");
  plan.kind = core::parse_plan_kind(body.value("kind", "")).value_or(core::PlanKind::kRecreation);
  plan.title = body.value("title", "");
  plan.note = body.value("note", "");
  if (body.contains("starts_at") && body["starts_at"].is_number_integer()) {
    plan.starts_at = body["starts_at"].get<std::int64_t>();
  }
  plan.created_at = row.integer(3);
  plan.updated_at = row.integer(4);
  return plan;
}

core::PlanResponse open_answer(const Context& context, store::Transaction& tx,
                               const std::string& plan_id, const std::string& account_id,
                               const std::string& sealed) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  const auto text =
      context.keyring.open(key, answer_record_id(plan_id, account_id), kAnswerField, sealed);
  auto response = core::parse_plan_response(text);
  if (!response) throw base::Corruption("a plan answer is not an answer");
  return *response;
}

void write_answer(const Context& context, store::Transaction& tx, const std::string& plan_id,
                  const std::string& account_id, core::PlanResponse response, std::int64_t at) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, account_id);
  const auto sealed = context.keyring.seal(key, answer_record_id(plan_id, account_id), kAnswerField,
                                           core::plan_response_name(response));
  tx.execute(
      "INSERT INTO plan_responses (plan_id, account_id, response_sealed, answered_at) VALUES "
      "(?,?,?,?) ON CONFLICT (plan_id, account_id) DO UPDATE SET response_sealed = "
      "excluded.response_sealed, answered_at = excluded.answered_at",
      {plan_id, account_id, store::blob(sealed), at});
}

constexpr const char* kColumns =
    "SELECT p.id, p.proposer_id, p.plan_sealed, p.created_at, p.updated_at FROM plans p ";

}  // namespace

void insert_plan(const Context& context, store::Transaction& tx,
                 const policy::MemberAccess& proposer, const PlanRecord& plan,
                 const std::vector<std::string>& partners) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, proposer.account_id());
  tx.execute(
      "INSERT INTO plans (id, relationship_id, proposer_id, plan_sealed, created_at, updated_at) "
      "VALUES (?,?,?,?,?,?)",
      {plan.id, proposer.relationship_id(), proposer.account_id(),
       store::blob(context.keyring.seal(key, plan.id, kPlanField, plan_plaintext(plan))),
       plan.created_at, plan.updated_at});
  for (const auto& partner : partners) {
    write_answer(context, tx, plan.id, partner,
                 partner == proposer.account_id() ? core::PlanResponse::kJoining
                                                  : core::PlanResponse::kUndecided,
                 plan.created_at);
  }
}

std::optional<std::string> plan_relationship(store::Transaction& tx, const std::string& plan_id) {
  auto row = tx.query_one("SELECT relationship_id FROM plans WHERE id = ?", {plan_id});
  if (!row) return std::nullopt;
  return row->text(0);
}

std::optional<PlanRecord> plan_seen_by(const Context& context, store::Transaction& tx,
                                       const policy::MemberAccess& viewer,
                                       const std::string& plan_id) {
  auto row = tx.query_one(std::string(kColumns) +
                              "JOIN plan_responses r ON r.plan_id = p.id AND r.account_id = ? "
                              "WHERE p.id = ? AND p.relationship_id = ?",
                          {viewer.account_id(), plan_id, viewer.relationship_id()});
  if (!row) return std::nullopt;
  return plan_of(context, tx, *row);
}

std::vector<PlanRecord> plans_seen_by(const Context& context, store::Transaction& tx,
                                      const policy::MemberAccess& viewer) {
  std::vector<PlanRecord> plans;
  for (const auto& row :
       tx.query(std::string(kColumns) + "JOIN plan_responses r ON r.plan_id = p.id AND "
                                        "r.account_id = ? WHERE p.relationship_id = ? "
                                        "ORDER BY p.created_at, p.id",
                {viewer.account_id(), viewer.relationship_id()})) {
    plans.push_back(plan_of(context, tx, row));
  }
  return plans;
}

// The plan came from plan_seen_by or plans_seen_by under the same access.
std::vector<PlanAnswer> plan_answers(const Context& context, store::Transaction& tx,
                                     const policy::MemberAccess& /*viewer*/,
                                     const PlanRecord& plan) {
  std::vector<PlanAnswer> answers;
  for (const auto& row :
       tx.query("SELECT account_id, response_sealed, answered_at FROM plan_responses WHERE "
                "plan_id = ? ORDER BY account_id",
                {plan.id})) {
    answers.push_back({row.text(0), open_answer(context, tx, plan.id, row.text(0), row.bytes(1)),
                       row.integer(2)});
  }
  return answers;
}

void set_plan_answer(const Context& context, store::Transaction& tx,
                     const policy::MemberAccess& responder, const std::string& plan_id,
                     core::PlanResponse response, std::int64_t at) {
  write_answer(context, tx, plan_id, responder.account_id(), response, at);
}

bool delete_own_plan(store::Transaction& tx, const policy::MemberAccess& proposer,
                     const std::string& plan_id) {
  return tx.execute("DELETE FROM plans WHERE id = ? AND relationship_id = ? AND proposer_id = ?",
                    {plan_id, proposer.relationship_id(), proposer.account_id()}) > 0;
}

std::vector<PlanRecord> own_plans(const Context& context, store::Transaction& tx,
                                  const policy::MembershipAccess& access) {
  std::vector<PlanRecord> plans;
  for (const auto& row :
       tx.query(std::string(kColumns) + "WHERE p.relationship_id = ? AND p.proposer_id = ? "
                                        "ORDER BY p.created_at, p.id",
                {access.relationship_id(), access.account_id()})) {
    plans.push_back(plan_of(context, tx, row));
  }
  return plans;
}

std::vector<OwnPlanAnswer> own_plan_answers(const Context& context, store::Transaction& tx,
                                            const policy::MembershipAccess& access) {
  std::vector<OwnPlanAnswer> answers;
  for (const auto& row : tx.query(
           "SELECT r.plan_id, r.response_sealed, r.answered_at FROM plan_responses r JOIN plans p "
           "ON p.id = r.plan_id WHERE p.relationship_id = ? AND r.account_id = ? "
           "ORDER BY r.answered_at, r.plan_id",
           {access.relationship_id(), access.account_id()})) {
    answers.push_back({row.text(0),
                       open_answer(context, tx, row.text(0), access.account_id(), row.bytes(1)),
                       row.integer(2)});
  }
  return answers;
}

void delete_own_plan_rows(store::Transaction& tx, const policy::MembershipAccess& access) {
  for (const char* sql : {
           "DELETE FROM plans WHERE relationship_id = ?1 AND proposer_id = ?2",
           "DELETE FROM plan_responses WHERE account_id = ?2 AND plan_id IN (SELECT id FROM "
           "plans WHERE relationship_id = ?1)",
       }) {
    tx.execute(sql, {access.relationship_id(), access.account_id()});
  }
}

}  // namespace attune::app
