#include "app/safety_check/practice_hold_records.h"

#include <array>
#include <nlohmann/json.hpp>

#include "base/corruption.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr const char* kField = "cause";
constexpr std::array kCauses{HoldCause::kSafetyCheck, HoldCause::kProgrammePause,
                             HoldCause::kTherapist};

HoldCause cause_of(std::string_view name) {
  for (auto cause : kCauses) {
    if (hold_cause_name(cause) == name) return cause;
  }
  throw base::Corruption("a practice hold names an unknown cause");
}

}  // namespace

std::string_view hold_cause_name(HoldCause cause) {
  switch (cause) {
    case HoldCause::kSafetyCheck:
      return "safety_check";
    case HoldCause::kProgrammePause:
      return "programme_pause";
    case HoldCause::kTherapist:
      return "therapist";
  }
  return "programme_pause";
}

bool practice_held(store::Transaction& tx, const std::string& relationship_id) {
  return tx
      .query_one("SELECT 1 FROM practice_holds WHERE relationship_id = ? LIMIT 1",
                 {relationship_id})
      .has_value();
}

std::vector<HoldRecord> practice_holds(const Context& context, store::Transaction& tx,
                                       const policy::MembershipAccess& in) {
  std::vector<HoldRecord> holds;
  auto rows = tx.query("SELECT id, cause_sealed FROM practice_holds WHERE relationship_id = ?",
                       {in.relationship_id()});
  if (rows.empty()) return holds;
  auto key = context.keyring.key_of(tx, KeyOwner::kRelationship, in.relationship_id());
  for (const auto& row : rows) {
    auto json = nlohmann::json::parse(context.keyring.open(key, row.text(0), kField, row.bytes(1)),
                                      nullptr, false);
    if (!json.is_object()) throw base::Corruption("a practice hold does not hold its cause");
    holds.push_back(
        {row.text(0), {cause_of(json.value("cause", "")), json.value("holder", std::string())}});
  }
  return holds;
}

void insert_practice_hold(const Context& context, store::Transaction& tx,
                          const policy::MembershipAccess& in, const HoldPlacer& placer) {
  const std::string id = crypto::random_id();
  auto key = context.keyring.key_of(tx, KeyOwner::kRelationship, in.relationship_id());
  const auto plaintext =
      nlohmann::json{{"cause", hold_cause_name(placer.cause)}, {"holder", placer.holder_id}}.dump();
  tx.execute(
      "INSERT INTO practice_holds (id, relationship_id, cause_sealed) VALUES (?,?,?)",
      {id, in.relationship_id(), store::blob(context.keyring.seal(key, id, kField, plaintext))});
}

void delete_practice_hold(store::Transaction& tx, const policy::MembershipAccess& in,
                          const std::string& hold_id) {
  tx.execute("DELETE FROM practice_holds WHERE id = ? AND relationship_id = ?",
             {hold_id, in.relationship_id()});
}

}  // namespace attune::app
