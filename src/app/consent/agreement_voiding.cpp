#include "app/consent/agreement_voiding.h"

#include "app/consent/agreement_records.h"
#include "app/practice/practice_log.h"

namespace attune::app {
namespace {

std::vector<std::string> live_agreements_naming(store::Transaction& tx, const std::string& rid,
                                                const std::string& account_id) {
  std::vector<std::string> ids;
  for (const auto& row : tx.query(
           "SELECT a.id FROM agreements a JOIN agreement_participants p ON p.agreement_id = a.id "
           "WHERE a.relationship_id = ? AND p.account_id = ? AND a.is_void = 0",
           {rid, account_id})) {
    ids.push_back(row.text(0));
  }
  return ids;
}

}  // namespace

std::vector<std::string> void_agreement(const Context& context, store::Transaction& tx,
                                        const std::string& agreement_id) {
  tx.execute("UPDATE agreements SET is_void = 1 WHERE id = ?", {agreement_id});
  std::vector<std::string> touched;
  for (const auto& row : tx.query("SELECT id FROM practices WHERE agreement_id = ?", {agreement_id})) {
    if (append_system_act(context, tx, row.text(0), core::ActKind::kAgreementVoided)) {
      touched.push_back(row.text(0));
    }
  }
  return touched;
}

std::vector<std::string> void_agreements_naming(const Context& context, store::Transaction& tx,
                                                const std::string& relationship_id,
                                                const std::string& account_id) {
  std::vector<std::string> touched;
  for (const auto& agreement_id : live_agreements_naming(tx, relationship_id, account_id)) {
    auto some = void_agreement(context, tx, agreement_id);
    touched.insert(touched.end(), some.begin(), some.end());
  }
  return touched;
}

std::vector<std::string> void_agreements_broken_by(const Context& context, store::Transaction& tx,
                                                   const std::string& relationship_id,
                                                   const std::string& account_id,
                                                   const std::string& item_id, core::Answer answer) {
  std::vector<std::string> touched;
  for (const auto& agreement_id : live_agreements_naming(tx, relationship_id, account_id)) {
    auto record = load_agreement(context, tx, agreement_id);
    if (!record || !core::answer_change_voids(record->terms, account_id, item_id, answer)) continue;
    auto some = void_agreement(context, tx, agreement_id);
    touched.insert(touched.end(), some.begin(), some.end());
  }
  return touched;
}

}  // namespace attune::app
