#include "core/fhir_measures.h"

#include <gtest/gtest.h>

#include "core/fhir_r4_check.h"

namespace attune::core {
namespace {

using attune::testing::check_questionnaire;
using attune::testing::check_questionnaire_response;
using attune::testing::check_response_bundle;

Measure sample() {
  Measure measure;
  measure.id = "csi-4";
  measure.name = "Couples Satisfaction Index (4 items)";
  measure.short_name = "CSI-4";
  measure.validated = true;
  measure.citation = "Funk & Rogge (2007)";
  measure.scoring_note = "A sum.";
  for (auto [id, high] : {std::pair{"q1", 6}, {"q2", 5}, {"q3", 5}, {"q4", 5}}) {
    MeasureItem item;
    item.id = id;
    for (int v = 0; v <= high; ++v) item.points.push_back(v);
    measure.items.push_back(item);
  }
  return measure;
}

AnsweredMeasure answered() {
  return {"0123abcd", "Robin", 1700000000000, {{"q1", 5}, {"q2", 4}, {"q3", 3}, {"q4", 4}}, 16};
}

TEST(FhirMeasures, QuestionnaireFollowsR4) {
  const auto q = fhir_questionnaire(sample(), {{"q1", "Item 1 of 4"}});
  EXPECT_EQ(check_questionnaire(q), std::vector<std::string>{});
  EXPECT_EQ(q["url"], "urn:attune:questionnaire:csi-4");
  EXPECT_EQ(q["status"], "active");
  ASSERT_EQ(q["item"].size(), 5u);
  EXPECT_EQ(q["item"][0]["linkId"], "q1");
  EXPECT_EQ(q["item"][0]["text"], "Item 1 of 4");
  EXPECT_EQ(q["item"][0]["answerOption"].size(), 7u);
  EXPECT_EQ(q["item"][1]["answerOption"].size(), 6u);
  EXPECT_EQ(q["item"][4]["linkId"], "total");
}

TEST(FhirMeasures, ResponseAndBundleFollowR4AndTheQuestionnaire) {
  const auto q = fhir_questionnaire(sample(), {});
  const auto r = fhir_questionnaire_response(sample(), answered());
  EXPECT_EQ(check_questionnaire_response(r, q), std::vector<std::string>{});
  EXPECT_EQ(r["questionnaire"], "urn:attune:questionnaire:csi-4|1");
  EXPECT_EQ(r["status"], "completed");
  EXPECT_EQ(r["item"][4]["answer"][0]["valueInteger"], 16);
  const auto bundle = fhir_collection("b1", 1700000000000, {r});
  EXPECT_EQ(check_response_bundle(bundle, {q}), std::vector<std::string>{});
  EXPECT_EQ(bundle["type"], "collection");
}

// The checker itself catches what it claims to, so the tests above could fail.
TEST(FhirMeasures, CheckerRefusesBrokenResources) {
  const auto q = fhir_questionnaire(sample(), {});
  auto r = fhir_questionnaire_response(sample(), answered());
  auto wrong_link = r;
  wrong_link["item"][0]["linkId"] = "q9";
  EXPECT_FALSE(check_questionnaire_response(wrong_link, q).empty());
  auto off_scale = r;
  off_scale["item"][1]["answer"][0]["valueInteger"] = 6;  // q2 is 0-5
  EXPECT_FALSE(check_questionnaire_response(off_scale, q).empty());
  auto two_values = r;
  two_values["item"][0]["answer"][0]["valueString"] = "5";
  EXPECT_FALSE(check_questionnaire_response(two_values, q).empty());
  auto no_status = r;
  no_status.erase("status");
  EXPECT_FALSE(check_questionnaire_response(no_status, q).empty());
  auto missing_required = r;
  missing_required["item"].erase(0);
  EXPECT_FALSE(check_questionnaire_response(missing_required, q).empty());
  auto bad_q = q;
  bad_q["item"][1]["linkId"] = "q1";
  EXPECT_FALSE(check_questionnaire(bad_q).empty());
  auto bad_name = q;
  bad_name["name"] = "csi 4";
  EXPECT_FALSE(check_questionnaire(bad_name).empty());
  auto bundle = fhir_collection("b1", 0, {r});
  bundle["total"] = 1;
  EXPECT_FALSE(check_response_bundle(bundle, {q}).empty());
}

}  // namespace
}  // namespace attune::core
