#include "core/agreement_status.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

const std::vector<std::string> kParticipants = {"alex", "bea", "carol"};

TEST(AgreementStatus, NamesRoundTrip) {
  for (auto status : {AgreementStatus::kDraft, AgreementStatus::kSigned, AgreementStatus::kVoid}) {
    EXPECT_EQ(parse_agreement_status(agreement_status_name(status)), status);
  }
  EXPECT_EQ(agreement_status_name(AgreementStatus::kSigned), "signed");
  EXPECT_EQ(parse_agreement_status("Signed"), std::nullopt);
  EXPECT_EQ(parse_agreement_status(""), std::nullopt);
}

TEST(AgreementStatus, SignedWhenEveryParticipantSigned) {
  EXPECT_EQ(agreement_status(false, kParticipants, {"alex", "bea", "carol"}),
            AgreementStatus::kSigned);
}

TEST(AgreementStatus, DraftWhileOneParticipantHasNotSigned) {
  EXPECT_EQ(agreement_status(false, kParticipants, {"alex", "carol"}), AgreementStatus::kDraft);
  EXPECT_EQ(agreement_status(false, kParticipants, {}), AgreementStatus::kDraft);
}

TEST(AgreementStatus, NonParticipantSignatureDoesNotCount) {
  EXPECT_EQ(agreement_status(false, kParticipants, {"alex", "bea", "eve"}),
            AgreementStatus::kDraft);
}

TEST(AgreementStatus, VoidOverridesEverySignature) {
  EXPECT_EQ(agreement_status(true, kParticipants, {"alex", "bea", "carol"}),
            AgreementStatus::kVoid);
  EXPECT_EQ(agreement_status(true, kParticipants, {}), AgreementStatus::kVoid);
}

TEST(AgreementStatus, NoParticipantsIsNeverSigned) {
  EXPECT_EQ(agreement_status(false, {}, {}), AgreementStatus::kDraft);
}

TEST(SignatureView, CountsParticipantsWhoSigned) {
  EXPECT_EQ(signature_view(kParticipants, {"alex", "carol"}, "alex"), (SignatureView{2, 3, true}));
}

TEST(SignatureView, ViewerWhoHasNotSignedSeesCountsOnly) {
  EXPECT_EQ(signature_view(kParticipants, {"alex", "carol"}, "bea"), (SignatureView{2, 3, false}));
}

TEST(SignatureView, IgnoresSignaturesFromNonParticipants) {
  EXPECT_EQ(signature_view(kParticipants, {"alex", "eve"}, "eve"), (SignatureView{1, 3, false}));
}

TEST(SignatureView, SameCountLooksTheSameWhoeverIsMissing) {
  EXPECT_EQ(signature_view(kParticipants, {"alex", "bea"}, "alex"),
            signature_view(kParticipants, {"alex", "carol"}, "alex"));
}

}  // namespace
}  // namespace attune::core
