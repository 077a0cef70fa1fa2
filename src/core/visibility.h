// Who an entry is shared with. Each value means exactly its audiences: "therapist" does not
// include partners and "partners" does not include the therapist.
#pragma once

#include <optional>
#include <string_view>

namespace attune::core {

enum class Visibility { kPrivate, kPartners, kTherapist, kPartnersAndTherapist };

// "private", "partners", "therapist", "partners_and_therapist"; anything else is nullopt.
std::optional<Visibility> parse_visibility(std::string_view text);
std::string_view visibility_name(Visibility visibility);

bool reaches_partners(Visibility visibility);
bool reaches_therapist(Visibility visibility);

}  // namespace attune::core
