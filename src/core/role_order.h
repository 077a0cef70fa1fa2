// Who starts alternates from one practice to the next: the next agreement drafted for the
// same people proposes the last one's role order turned by one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune::core {

// The role order to propose to `participants`. With `last` (the role order of the newest
// earlier agreement for exactly these people) it is `last` rotated by one, so whoever gave
// first last time receives first now. Without one, or when `last` does not name exactly the
// participants, it is `caller` first and then the others in the order given.
std::vector<std::string> next_role_order(const std::vector<std::string>& participants,
                                         std::string_view caller,
                                         const std::optional<std::vector<std::string>>& last);

}  // namespace attune::core
