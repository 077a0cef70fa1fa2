// Session agreements: drafts, versions, signatures (counts, never names), withdrawal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/consent/agreement_records.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "base/error.h"
#include "core/agreement_status.h"
#include "core/agreement_terms.h"

namespace attune::app {

struct AgreementView {
  std::string id;
  std::string relationship_id;
  std::int64_t version = 0;
  core::AgreementStatus status = core::AgreementStatus::kDraft;
  core::SignatureView signatures{0, 0, false};
  core::AgreementTerms terms;
};

class Agreements {
 public:
  explicit Agreements(Context& context) : context_(context) {}

  // terms.participants empty = every partner.
  base::Result<AgreementView> create(const Actor& actor, const std::string& rid,
                                     core::AgreementTerms terms);
  base::Result<AgreementView> update(const Actor& actor, const std::string& agreement_id,
                                     core::AgreementTerms terms);
  base::Result<AgreementView> sign(const Actor& actor, const std::string& agreement_id,
                                   std::int64_t version);
  base::Result<AgreementView> withdraw(const Actor& actor, const std::string& agreement_id);
  base::Result<AgreementView> get(const Actor& actor, const std::string& agreement_id);
  base::Result<std::vector<AgreementView>> list(const Actor& actor, const std::string& rid);
  base::Result<std::vector<AgreementVersion>> versions(const Actor& actor,
                                                       const std::string& agreement_id);

 private:
  base::Status validate(store::Transaction& tx, const Actor& actor,
                        const policy::MemberAccess& member, core::AgreementTerms& terms);
  AgreementView view_of(store::Transaction& tx, const policy::AgreementAccess& access);
  void nudge_participants(const Actor& actor, const base::Result<AgreementView>& changed);

  Context& context_;
};

}  // namespace attune::app
