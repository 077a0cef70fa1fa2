// The only code that reads and writes agreements, their versions, participants and
// signatures in the store. Terms are sealed under the relationship's key: pause words and
// after-care plans are content like any other. Every function touching a relationship's
// rows takes an access value from the policy.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"
#include "core/agreement_terms.h"

namespace attune::app {

struct AgreementRecord {
  std::string id;
  std::string relationship_id;
  std::int64_t version = 0;
  bool is_void = false;
  core::AgreementTerms terms;  // of the current version
  std::set<std::string> signed_current;
};

struct AgreementVersion {
  std::int64_t version = 0;
  std::int64_t created_at = 0;
  core::AgreementTerms terms;
};

struct SignatureRecord {
  std::int64_t version = 0;
  std::int64_t signed_at = 0;
};

// The terms of one version of an agreement of the relationship (a practice runs on the
// version it was created on).
core::AgreementTerms load_terms(const Context& context, store::Transaction& tx,
                                const policy::MembershipAccess& in, const std::string& agreement_id,
                                std::int64_t version);

AgreementRecord load_agreement(const Context& context, store::Transaction& tx,
                               const policy::AgreementAccess& access);
// Every version of the agreement, oldest first.
std::vector<AgreementVersion> agreement_versions(const Context& context, store::Transaction& tx,
                                                 const policy::AgreementAccess& access);
// Stores a new agreement in the member's relationship with its first version.
void create_agreement(const Context& context, store::Transaction& tx,
                      const policy::MemberAccess& access, const std::string& agreement_id,
                      const core::AgreementTerms& terms);
// Stores a version and makes it current; participants follow the newest version.
void save_version(const Context& context, store::Transaction& tx,
                  const policy::AgreementAccess& access, std::int64_t version,
                  const core::AgreementTerms& terms);
void add_signature(store::Transaction& tx, const policy::AgreementAccess& access,
                   std::int64_t version, std::int64_t at);
// The signatures the holder gave, by version (export).
std::vector<SignatureRecord> own_signatures(store::Transaction& tx,
                                            const policy::AgreementAccess& access);
// Live (not void) agreements of the relationship, for auto-void (I2): all of them, or those
// naming the holder as a participant.
std::vector<AgreementRecord> live_agreements(const Context& context, store::Transaction& tx,
                                             const policy::MembershipAccess& in);
std::vector<AgreementRecord> live_agreements_naming(const Context& context, store::Transaction& tx,
                                                    const policy::MembershipAccess& access);
// The current terms of the live agreements naming the holder, by agreement id, in one
// statement: what a change of answer must check for auto-void (I2).
std::vector<std::pair<std::string, core::AgreementTerms>> live_terms_naming(
    const Context& context, store::Transaction& tx, const policy::MembershipAccess& access);
void mark_void(store::Transaction& tx, const policy::MembershipAccess& in,
               const std::string& agreement_id);
// The role order of the newest agreement (in force or not) the member takes part in whose
// participants are exactly `participants`; nothing when there is none.
std::optional<std::vector<std::string>> last_role_order(
    const Context& context, store::Transaction& tx, const policy::MemberAccess& member,
    const std::vector<std::string>& participants);

}  // namespace attune::app
