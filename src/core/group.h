// Which partners a shared view is computed for: everyone by default, or a subgroup the
// asking partner names, which must include themself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace attune::core {

inline constexpr std::size_t kMinGroupSize = 2;
inline constexpr std::size_t kMaxGroupSize = 8;

// Empty `requested` means every partner (a relationship of one then gives a group of one,
// which shares nothing). Otherwise the ids are deduplicated and must include `me`, name
// only current partners and number 2..8. Every failure is invalid_group, and the message
// never says which id was wrong, so the call cannot probe who is a partner. Sorted.
base::Result<std::vector<std::string>> resolve_group(const std::vector<std::string>& partners,
                                                     std::string_view me,
                                                     const std::vector<std::string>& requested);

}  // namespace attune::core
