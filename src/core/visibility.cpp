#include "core/visibility.h"

namespace attune::core {

std::optional<Visibility> parse_visibility(std::string_view text) {
  if (text == "private") return Visibility::kPrivate;
  if (text == "partners") return Visibility::kPartners;
  if (text == "therapist") return Visibility::kTherapist;
  if (text == "partners_and_therapist") return Visibility::kPartnersAndTherapist;
  return std::nullopt;
}

std::string_view visibility_name(Visibility visibility) {
  switch (visibility) {
    case Visibility::kPrivate:
      return "private";
    case Visibility::kPartners:
      return "partners";
    case Visibility::kTherapist:
      return "therapist";
    case Visibility::kPartnersAndTherapist:
      return "partners_and_therapist";
  }
  return "private";
}

bool reaches_partners(Visibility visibility) {
  return visibility == Visibility::kPartners || visibility == Visibility::kPartnersAndTherapist;
}

bool reaches_therapist(Visibility visibility) {
  return visibility == Visibility::kTherapist || visibility == Visibility::kPartnersAndTherapist;
}

}  // namespace attune::core
