#include "core/agreement_status.h"

#include <algorithm>

namespace attune::core {

std::optional<AgreementStatus> parse_agreement_status(std::string_view text) {
  if (text == "draft") return AgreementStatus::kDraft;
  if (text == "signed") return AgreementStatus::kSigned;
  if (text == "void") return AgreementStatus::kVoid;
  return std::nullopt;
}

std::string_view agreement_status_name(AgreementStatus status) {
  switch (status) {
    case AgreementStatus::kDraft:
      return "draft";
    case AgreementStatus::kSigned:
      return "signed";
    case AgreementStatus::kVoid:
      return "void";
  }
  return "draft";
}

AgreementStatus agreement_status(bool is_void, const std::vector<std::string>& participants,
                                 const std::set<std::string>& signed_current_version) {
  if (is_void) return AgreementStatus::kVoid;
  const bool all_signed =
      !participants.empty() && std::ranges::all_of(participants, [&](const std::string& id) {
        return signed_current_version.contains(id);
      });
  return all_signed ? AgreementStatus::kSigned : AgreementStatus::kDraft;
}

SignatureView signature_view(const std::vector<std::string>& participants,
                             const std::set<std::string>& signed_current_version,
                             std::string_view viewer) {
  SignatureView view{0, static_cast<int>(participants.size()), false};
  for (const auto& id : participants) {
    if (!signed_current_version.contains(id)) continue;
    ++view.signature_count;
    if (id == viewer) view.you_signed = true;
  }
  return view;
}

}  // namespace attune::core
