#include "app/consent/terms_cache.h"

#include <atomic>
#include <optional>

#include "app/expiring_cache.h"

namespace attune::app {
namespace {

struct KeptTerms {
  std::string sealed;
  core::AgreementTerms terms;
};

using TermsCache = ExpiringCache<KeptTerms>;

TermsCache& kept_terms() {
  static TermsCache cache(kTermsLifetime, kTermsKept);
  return cache;
}

std::atomic<std::int64_t> opened{0};

std::string group_of(std::string_view relationship_id) {
  return "relationship:" + std::string(relationship_id);
}

}  // namespace

core::AgreementTerms terms_through_cache(std::string_view relationship_id,
                                         std::string_view agreement_id, std::int64_t version,
                                         std::string_view sealed,
                                         const std::function<core::AgreementTerms()>& open) {
  const std::string key = std::string(agreement_id) + "/" + std::to_string(version);
  const auto now = TermsCache::Clock::now();
  auto kept = kept_terms().find(key, now, [&](const KeptTerms& entry) {
    return entry.sealed == sealed ? std::optional(entry.terms) : std::nullopt;
  });
  if (kept) return std::move(*kept);
  ++opened;
  auto terms = open();
  kept_terms().keep(key, group_of(relationship_id), KeptTerms{std::string(sealed), terms}, now);
  return terms;
}

void forget_terms_of(std::string_view relationship_id) {
  kept_terms().forget(group_of(relationship_id), TermsCache::Clock::now());
}

std::int64_t terms_opened() { return opened.load(); }

}  // namespace attune::app
