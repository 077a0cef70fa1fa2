// Whether an agreement is a draft, signed by every participant on its current version, or
// void; and the signature counts a participant may see (never who is missing).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace attune::core {

enum class AgreementStatus { kDraft, kSigned, kVoid };

// "draft", "signed", "void"; anything else is nullopt.
std::optional<AgreementStatus> parse_agreement_status(std::string_view text);
std::string_view agreement_status_name(AgreementStatus status);

// Void wins; otherwise signed exactly when every participant (and there is at least one)
// is in `signed_current_version`. Signatures from non-participants count for nothing.
AgreementStatus agreement_status(bool is_void, const std::vector<std::string>& participants,
                                 const std::set<std::string>& signed_current_version);

struct SignatureView {
  int signature_count;
  int participant_count;
  bool you_signed;

  friend bool operator==(const SignatureView&, const SignatureView&) = default;
};

// Counts only participants' signatures of the current version; `you_signed` is whether
// the viewer is a participant who signed it.
SignatureView signature_view(const std::vector<std::string>& participants,
                             const std::set<std::string>& signed_current_version,
                             std::string_view viewer);

}  // namespace attune::core
