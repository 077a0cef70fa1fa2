// Reading and writing agreements and their versions. Terms are sealed under the
// relationship's key: pause words and after-care plans are content like any other.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/context.h"
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

std::optional<AgreementRecord> load_agreement(const Context& context, store::Transaction& tx,
                                              const std::string& agreement_id);
core::AgreementTerms load_terms(const Context& context, store::Transaction& tx,
                                const std::string& relationship_id,
                                const std::string& agreement_id, std::int64_t version);
// Stores a version and makes it current; participants follow the newest version.
void save_version(const Context& context, store::Transaction& tx, const std::string& relationship_id,
                  const std::string& agreement_id, std::int64_t version,
                  const core::AgreementTerms& terms);
std::int64_t version_created_at(store::Transaction& tx, const std::string& agreement_id,
                                std::int64_t version);

}  // namespace attune::app
