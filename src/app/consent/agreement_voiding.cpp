#include "app/consent/agreement_voiding.h"

#include <algorithm>

#include "app/consent/agreement_records.h"
#include "app/practice/practice_log.h"

namespace attune::app {
namespace {

std::vector<std::string> void_one(const Context& context, store::Transaction& tx,
                                  const policy::MembershipAccess& in,
                                  const std::string& agreement_id) {
  mark_void(tx, in, agreement_id);
  return stop_practices_on(context, tx, in, agreement_id);
}

}  // namespace

std::vector<std::string> stop_practices_on(const Context& context, store::Transaction& tx,
                                           const policy::MembershipAccess& in,
                                           const std::string& agreement_id) {
  std::vector<std::string> touched;
  for (const auto& practice_id : practices_on(tx, in, agreement_id)) {
    if (append_system_act(context, tx, in, practice_id, core::ActKind::kAgreementVoided)) {
      touched.push_back(practice_id);
    }
  }
  return touched;
}

std::vector<std::string> void_agreement(const Context& context, store::Transaction& tx,
                                        const policy::AgreementAccess& access) {
  return void_one(context, tx, access.member().membership(), access.agreement_id());
}

std::vector<std::string> void_agreements_naming(const Context& context, store::Transaction& tx,
                                                const policy::MembershipAccess& access) {
  std::vector<std::string> touched;
  for (const auto& record : live_agreements_naming(context, tx, access)) {
    auto some = void_one(context, tx, access, record.id);
    touched.insert(touched.end(), some.begin(), some.end());
  }
  return touched;
}

std::vector<std::string> void_agreements_broken_by(const Context& context, store::Transaction& tx,
                                                   const policy::MemberAccess& access,
                                                   const std::string& item_id,
                                                   core::Answer answer) {
  std::vector<std::string> touched;
  const auto membership = access.membership();
  for (const auto& [agreement_id, terms] : live_terms_naming(context, tx, membership)) {
    if (!core::answer_change_voids(terms, access.account_id(), item_id, answer)) continue;
    auto some = void_one(context, tx, membership, agreement_id);
    touched.insert(touched.end(), some.begin(), some.end());
  }
  return touched;
}

std::vector<std::string> void_agreements_over_items(const Context& context, store::Transaction& tx,
                                                    const policy::MembershipAccess& in,
                                                    const std::set<std::string>& items) {
  std::vector<std::string> touched;
  if (items.empty()) return touched;
  for (const auto& record : live_agreements(context, tx, in)) {
    if (std::ranges::none_of(record.terms.items,
                             [&](const auto& item) { return items.contains(item); })) {
      continue;
    }
    auto some = void_one(context, tx, in, record.id);
    touched.insert(touched.end(), some.begin(), some.end());
  }
  return touched;
}

}  // namespace attune::app
