// The progress report a clinic files: rendered to PDF by headless Chromium, its text read
// back with pdftotext (poppler-utils, installed by scripts/bootstrap). It holds what was
// shared with the therapist and nothing private.
#include <gtest/gtest.h>

#include <fstream>

#include "app/app_fixture.h"
#include "ops/pdf_report.h"
#include "support/pdf_text.h"

namespace attune::app::testing {
namespace {

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

TEST(PdfReport, PrintsWhatWasSharedWithTheTherapistAndNothingPrivate) {
  World world;
  Person robin = world.person("Robin");
  Person alex = world.person("Alex");
  Group group = world.relationship_of({robin, alex});
  auto& s = world.services;
  ASSERT_TRUE(s.measures.answer(robin.actor, group.rid, "csi-4",
                                {{"q1", 2}, {"q2", 3}, {"q3", 3}, {"q4", 5}},
                                core::Visibility::kTherapist));
  ASSERT_TRUE(s.measures.answer(alex.actor, group.rid, "csi-4",
                                {{"q1", 6}, {"q2", 5}, {"q3", 5}, {"q4", 4}},
                                core::Visibility::kPartners));
  ASSERT_TRUE(s.checkins.create(alex.actor, {group.rid, core::CheckinKind::kDaily, std::nullopt,
                                             core::CheckinScores{{7, 6, 5, 9, 2}}, "a note",
                                             core::Visibility::kPartnersAndTherapist}));
  auto html = s.progress_reports.operator_report_html(group.rid);
  ASSERT_TRUE(html);
  const std::string pdf = (world.dir() / "report.pdf").string();
  auto printed = ops::print_html_to_pdf(*html, pdf);
  ASSERT_TRUE(printed) << printed.error().message;
  std::ifstream in(pdf, std::ios::binary);
  std::string head(5, '\0');
  in.read(head.data(), 5);
  EXPECT_EQ(head, "%PDF-");

  const auto text = attune::test::pdf_text(pdf);
  ASSERT_NE(text.find("Progress report"), std::string::npos)
      << "pdftotext missing? run scripts/bootstrap. Output: " << text;
  EXPECT_NE(text.find("Robin"), std::string::npos);
  EXPECT_NE(text.find("0-21"), std::string::npos);
  EXPECT_NE(text.find("notable dissatisfaction"), std::string::npos);
  EXPECT_NE(text.find("Funk"), std::string::npos);
  // One questionnaire row: Robin's 13. Alex's 20 went to partners only.
  EXPECT_EQ(occurrences(text, "CSI-4"), 1u);
  EXPECT_EQ(text.find(" 20 "), std::string::npos);
  // Alex's check-in reached the therapist; its note is never printed.
  EXPECT_NE(text.find("Alex"), std::string::npos);
  EXPECT_EQ(text.find("a note"), std::string::npos);
}

TEST(PdfReport, UnknownRelationshipIsNotFound) {
  World world;
  EXPECT_EQ(code_of(world.services.progress_reports.operator_report_html("nope")), "not_found");
}

TEST(PdfReport, AMissingChromiumIsAClearError) {
  World world;
  auto printed = ops::print_html_to_pdf("<p>x</p>", (world.dir() / "x.pdf").string(),
                                        {"/nonexistent/chromium", std::chrono::seconds(5)});
  ASSERT_FALSE(printed);
  EXPECT_NE(printed.error().message.find("printing the report failed"), std::string::npos);
}

}  // namespace
}  // namespace attune::app::testing
