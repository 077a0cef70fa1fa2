// Decrypted agreement terms kept in memory by (agreement, version) for kTermsLifetime
// (issue 13 item 6), so the reads and writes that check them do not open the same sealed
// terms again and again. An entry is used only for the exact sealed bytes it was opened
// from, read from the store by the request that asks; a new version is a new entry. A
// relationship's terms are dropped at once when anyone leaves it or is deleted.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/agreement_terms.h"

namespace attune::app {

inline constexpr std::chrono::milliseconds kTermsLifetime{5'000};
inline constexpr std::size_t kTermsKept = 4'096;

// The kept terms of this version when they were opened from `sealed`; otherwise open()'s,
// kept for next time.
core::AgreementTerms terms_through_cache(std::string_view relationship_id,
                                         std::string_view agreement_id, std::int64_t version,
                                         std::string_view sealed,
                                         const std::function<core::AgreementTerms()>& open);

void forget_terms_of(std::string_view relationship_id);

// For tests: how many times terms were opened rather than found kept.
std::int64_t terms_opened();

}  // namespace attune::app
