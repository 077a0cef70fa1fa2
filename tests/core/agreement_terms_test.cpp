#include "core/agreement_terms.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

namespace attune::core {
namespace {

using Ids = std::vector<std::string>;
using Answers = std::unordered_map<std::string, AnswerSheet>;

class AgreementTermsTest : public ::testing::Test {
 protected:
  AgreementTermsTest() {
    exercise_.id = "presence-1";
    exercise_.requires_items = {"hold"};
    terms_.exercise_id = "presence-1";
    terms_.participants = {"alex", "bea", "carol"};
    terms_.items = {"hold", "kiss"};
    terms_.time_limit_minutes = 30;
    terms_.role_order = {"bea", "alex", "carol"};
    terms_.pause_word = "red";
    terms_.aftercare = "Tea and a blanket.";
  }

  base::Status validate() const {
    return validate_agreement_terms(terms_, "alex", partners_, answers_, &exercise_);
  }

  void expect_error(base::ErrorCode code) const {
    const auto status = validate();
    ASSERT_FALSE(status.has_value()) << "expected " << code_name(code);
    EXPECT_EQ(status.error().code, code) << status.error().message;
  }

  Ids partners_ = {"alex", "bea", "carol", "dee"};
  Answers answers_ = {
      {"alex",
       {{"hold", Answer::kYes},
        {"kiss", Answer::kYes},
        {"massage", Answer::kMaybe},
        {"blind", Answer::kYes}}},
      {"bea",
       {{"hold", Answer::kYes},
        {"kiss", Answer::kMaybe},
        {"massage", Answer::kYes},
        {"blind", Answer::kNo}}},
      {"carol",
       {{"hold", Answer::kMaybe},
        {"kiss", Answer::kYes},
        {"massage", Answer::kYes},
        {"blind", Answer::kUnset}}},
  };
  Exercise exercise_;
  AgreementTerms terms_;
};

TEST_F(AgreementTermsTest, AcceptsValidTerms) { EXPECT_TRUE(validate().has_value()); }

TEST_F(AgreementTermsTest, AcceptsTwoOfFourPartners) {
  terms_.participants = {"alex", "bea"};
  terms_.role_order = {"alex", "bea"};
  terms_.items = {"hold", "massage"};
  EXPECT_TRUE(validate().has_value());
}

TEST_F(AgreementTermsTest, RejectsRepeatedParticipant) {
  terms_.participants = {"alex", "bea", "alex"};
  expect_error(base::ErrorCode::invalid_group);
}

TEST_F(AgreementTermsTest, RejectsSingleParticipant) {
  terms_.participants = {"alex"};
  terms_.role_order = {"alex"};
  expect_error(base::ErrorCode::too_few_participants);
}

TEST_F(AgreementTermsTest, RejectsNoParticipants) {
  terms_.participants = {};
  expect_error(base::ErrorCode::too_few_participants);
}

TEST_F(AgreementTermsTest, RejectsAuthorOutsideParticipants) {
  terms_.participants = {"bea", "carol"};
  terms_.role_order = {"bea", "carol"};
  expect_error(base::ErrorCode::not_a_participant);
}

TEST_F(AgreementTermsTest, RejectsParticipantWhoIsNotAPartnerWithoutNamingThem) {
  terms_.participants = {"alex", "bea", "mallory"};
  terms_.role_order = {"alex", "bea", "mallory"};
  expect_error(base::ErrorCode::invalid_group);
  EXPECT_EQ(validate().error().message.find("mallory"), std::string::npos);
}

TEST_F(AgreementTermsTest, RejectsUnknownExercise) {
  const auto status = validate_agreement_terms(terms_, "alex", partners_, answers_, nullptr);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code, base::ErrorCode::invalid_field);
  EXPECT_EQ(status.error().message, "unknown exercise");
}

TEST_F(AgreementTermsTest, RejectsExerciseThatDoesNotMatchTheId) {
  terms_.exercise_id = "presence-2";
  expect_error(base::ErrorCode::invalid_field);
}

TEST_F(AgreementTermsTest, RejectsRepeatedItem) {
  terms_.items = {"hold", "kiss", "hold"};
  expect_error(base::ErrorCode::invalid_field);
}

TEST_F(AgreementTermsTest, AcceptsTwoHundredItemsAndRejectsMore) {
  exercise_.requires_items = {};
  terms_.items.clear();
  for (int i = 0; i < 200; ++i) {
    const std::string item = "item-" + std::to_string(i);
    terms_.items.push_back(item);
    for (auto& [partner, sheet] : answers_) sheet[item] = Answer::kYes;
  }
  EXPECT_TRUE(validate().has_value());
  terms_.items.push_back("kiss");
  expect_error(base::ErrorCode::field_too_long);
}

TEST_F(AgreementTermsTest, RejectsItemSomeoneSaidNoTo) {
  terms_.items = {"hold", "blind"};
  expect_error(base::ErrorCode::item_not_mutual);
}

TEST_F(AgreementTermsTest, RejectsItemSomeoneHasNotAnswered) {
  terms_.items = {"hold", "never-answered"};
  expect_error(base::ErrorCode::item_not_mutual);
}

TEST_F(AgreementTermsTest, ParticipantWithoutAnyAnswersBlocksEveryItem) {
  terms_.participants = {"alex", "dee"};
  terms_.role_order = {"alex", "dee"};
  expect_error(base::ErrorCode::item_not_mutual);
}

TEST_F(AgreementTermsTest, NonParticipantsAnswersDoNotMatter) {
  answers_["dee"] = {{"hold", Answer::kNo}, {"kiss", Answer::kNo}};
  EXPECT_TRUE(validate().has_value());
}

// Whoever blocks, and whether by no, unset or silence, the caller learns the same thing.
TEST_F(AgreementTermsTest, NotMutualErrorIsIdenticalForNoUnsetAndSilenceFromAnyone) {
  terms_.items = {"hold", "kiss", "massage"};
  exercise_.requires_items = {};
  std::vector<std::string> messages;
  for (const std::string blocker : {"bea", "carol"}) {
    for (int how = 0; how < 3; ++how) {
      Answers answers = answers_;
      if (how == 0) answers[blocker]["massage"] = Answer::kNo;
      if (how == 1) answers[blocker]["massage"] = Answer::kUnset;
      if (how == 2) answers[blocker].erase("massage");
      const auto status = validate_agreement_terms(terms_, "alex", partners_, answers, &exercise_);
      ASSERT_FALSE(status.has_value());
      EXPECT_EQ(status.error().code, base::ErrorCode::item_not_mutual);
      EXPECT_EQ(status.error().message.find(blocker), std::string::npos);
      EXPECT_EQ(status.error().message.find("massage"), std::string::npos);
      messages.push_back(status.error().message);
    }
  }
  for (const auto& message : messages) EXPECT_EQ(message, messages.front());
}

TEST_F(AgreementTermsTest, RejectsMissingRequiredItem) {
  terms_.items = {"kiss"};
  expect_error(base::ErrorCode::exercise_item_missing);
}

TEST_F(AgreementTermsTest, AcceptsNoItemsWhenTheExerciseRequiresNone) {
  exercise_.requires_items = {};
  terms_.items = {};
  EXPECT_TRUE(validate().has_value());
}

TEST_F(AgreementTermsTest, TimeLimitIsFiveToOneHundredEighty) {
  for (int minutes : {5, 180}) {
    terms_.time_limit_minutes = minutes;
    EXPECT_TRUE(validate().has_value()) << minutes;
  }
  for (int minutes : {-5, 0, 4, 181, 10000}) {
    terms_.time_limit_minutes = minutes;
    expect_error(base::ErrorCode::invalid_field);
  }
}

TEST_F(AgreementTermsTest, AcceptsAnyRoleOrderPermutation) {
  terms_.role_order = {"carol", "bea", "alex"};
  EXPECT_TRUE(validate().has_value());
}

TEST_F(AgreementTermsTest, RejectsRoleOrderThatIsNotAPermutation) {
  for (const Ids& order : {Ids{"alex", "bea"}, Ids{"alex", "bea", "carol", "dee"},
                           Ids{"alex", "bea", "bea"}, Ids{"alex", "bea", "mallory"}, Ids{}}) {
    terms_.role_order = order;
    expect_error(base::ErrorCode::invalid_field);
  }
}

TEST_F(AgreementTermsTest, RejectsEmptyOrBlankPauseWord) {
  for (const std::string word : {"", "  ", "\t\n"}) {
    terms_.pause_word = word;
    expect_error(base::ErrorCode::missing_field);
  }
}

TEST_F(AgreementTermsTest, PauseWordIsAtMostSixtyFourCharacters) {
  terms_.pause_word.clear();
  for (int i = 0; i < 64; ++i) terms_.pause_word += "\xC3\xA9";  // é: 128 bytes, 64 characters
  EXPECT_TRUE(validate().has_value());
  terms_.pause_word += "e";
  expect_error(base::ErrorCode::field_too_long);
}

TEST_F(AgreementTermsTest, RejectsPauseWordThatIsNotUtf8) {
  terms_.pause_word =
      "r\xC0\xAE"
      "d";
  expect_error(base::ErrorCode::invalid_utf8);
}

TEST_F(AgreementTermsTest, AftercareIsOptionalUpToTwoThousandCharacters) {
  terms_.aftercare = "";
  EXPECT_TRUE(validate().has_value());
  terms_.aftercare = std::string(2000, 'a');
  EXPECT_TRUE(validate().has_value());
  terms_.aftercare += "a";
  expect_error(base::ErrorCode::field_too_long);
}

TEST_F(AgreementTermsTest, RejectsAftercareThatIsNotUtf8) {
  terms_.aftercare = "tea \xED\xA0\x80";
  expect_error(base::ErrorCode::invalid_utf8);
}

TEST_F(AgreementTermsTest, DowngradeOfInScopeItemByParticipantVoids) {
  EXPECT_TRUE(answer_change_voids(terms_, "bea", "kiss", Answer::kNo));
  EXPECT_TRUE(answer_change_voids(terms_, "carol", "hold", Answer::kUnset));
}

TEST_F(AgreementTermsTest, YesOrMaybeNeverVoids) {
  EXPECT_FALSE(answer_change_voids(terms_, "bea", "kiss", Answer::kYes));
  EXPECT_FALSE(answer_change_voids(terms_, "bea", "kiss", Answer::kMaybe));
}

TEST_F(AgreementTermsTest, OutOfScopeItemOrNonParticipantDoesNotVoid) {
  EXPECT_FALSE(answer_change_voids(terms_, "bea", "massage", Answer::kNo));
  EXPECT_FALSE(answer_change_voids(terms_, "dee", "kiss", Answer::kNo));
}

// I2 over random relationships: terms pass only when every in-scope item is yes or maybe
// for every participant, and whenever that holds (all else valid) they do pass.
RC_GTEST_PROP(AgreementTerms, AcceptsExactlyWhenEveryItemIsOpenToEveryParticipant, ()) {
  const int partner_count = *rc::gen::inRange(2, 9);
  const int item_count = *rc::gen::inRange(0, 12);
  Ids partners;
  for (int p = 0; p < partner_count; ++p) partners.push_back("p" + std::to_string(p));
  Answers answers;
  for (const auto& partner : partners) {
    for (int i = 0; i < item_count; ++i) {
      const int cell = *rc::gen::weightedElement<int>({{6, 0}, {3, 1}, {1, 2}, {1, 3}, {1, 4}});
      if (cell == 4) continue;  // unanswered
      constexpr Answer kAnswers[] = {Answer::kYes, Answer::kMaybe, Answer::kNo, Answer::kUnset};
      answers[partner]["i" + std::to_string(i)] = kAnswers[cell];
    }
  }
  AgreementTerms terms;
  terms.exercise_id = "free";
  terms.time_limit_minutes = 20;
  terms.pause_word = "stop";
  for (const auto& partner : partners) {
    if (partner == "p0" || *rc::gen::arbitrary<bool>()) terms.participants.push_back(partner);
  }
  RC_PRE(terms.participants.size() >= 2);
  terms.role_order = terms.participants;
  for (int i = 0; i < item_count; ++i) {
    if (*rc::gen::arbitrary<bool>()) terms.items.push_back("i" + std::to_string(i));
  }
  Exercise exercise;
  exercise.id = "free";

  bool all_open = true;
  for (const auto& partner : terms.participants) {
    for (const auto& item : terms.items) {
      const auto& sheet = answers[partner];
      const auto found = sheet.find(item);
      all_open = all_open && found != sheet.end() && is_yes_or_maybe(found->second);
    }
  }
  const auto status = validate_agreement_terms(terms, "p0", partners, answers, &exercise);
  RC_TAG(all_open ? "accepted" : "rejected");
  RC_ASSERT(status.has_value() == all_open);
  if (!status) RC_ASSERT(status.error().code == base::ErrorCode::item_not_mutual);
}

}  // namespace
}  // namespace attune::core
