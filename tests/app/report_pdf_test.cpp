// The therapist's report as a PDF, with the printer the server hands in replaced by a fake:
// the printer receives the same logged report as the HTML download; with no printer, or
// with every place among the prints taken, nothing is read and nothing is logged; and a
// stranger is told not_found whatever the printer's state.
#include <gtest/gtest.h>

#include <future>
#include <string>
#include <thread>
#include <vector>

#include "app_fixture.h"
#include "therapy_support.h"

namespace attune::app::testing {
namespace {

class ReportPdfTest : public ::testing::Test {
 protected:
  ReportPdfTest() : group(world.relationship(2)), doctor(therapist_linked_to(world, group)) {
    EXPECT_TRUE(world.services.measures.answer(group.people[0].actor, group.rid, "csi-4",
                                               {{"q1", 5}, {"q2", 4}, {"q3", 3}, {"q4", 4}},
                                               core::Visibility::kTherapist));
  }

  ProgressReports& reports() { return world.services.progress_reports; }

  std::size_t reads_logged_for(int who) {
    const auto log = world.services.access_log.mine(
        group.people[static_cast<std::size_t>(who)].actor, group.rid);
    EXPECT_TRUE(log) << code_of(log);
    return log ? log->size() : 0;
  }

  World world;
  Group group;
  Person doctor;
};

TEST_F(ReportPdfTest, ThePrinterReceivesTheReportAndEachPartnersLogShowsTheRead) {
  std::string printed_html;
  reports().print_pdf_with(
      [&](std::string_view html) -> base::Result<std::string> {
        printed_html = html;
        return std::string("%PDF-1.4 fake");
      },
      1);
  auto pdf = reports().therapist_report_pdf(doctor.actor, group.rid);
  ASSERT_TRUE(pdf) << code_of(pdf);
  EXPECT_EQ(*pdf, "%PDF-1.4 fake");
  EXPECT_NE(printed_html.find("<td>16</td>"), std::string::npos);  // 5 + 4 + 3 + 4
  EXPECT_EQ(reads_logged_for(0), 1u);
  EXPECT_EQ(reads_logged_for(1), 1u);
}

TEST_F(ReportPdfTest, WithoutAPrinterThePdfIsUnavailableAndNothingIsRead) {
  EXPECT_EQ(code_of(reports().therapist_report_pdf(doctor.actor, group.rid)), "pdf_unavailable");
  EXPECT_EQ(reads_logged_for(0), 0u);
  EXPECT_EQ(reads_logged_for(1), 0u);
  Person other = therapist(world, "Dr Other");
  EXPECT_EQ(code_of(reports().therapist_report_pdf(other.actor, group.rid)), "not_found");
  EXPECT_EQ(code_of(reports().therapist_report_pdf(group.people[0].actor, group.rid)), "not_found");
}

TEST_F(ReportPdfTest, APrintBeyondThoseAtOnceIsBusyAndReadsNothing) {
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future().share();
  reports().print_pdf_with(
      [&](std::string_view) -> base::Result<std::string> {
        entered.set_value();
        released.wait();
        return std::string("%PDF-1.4 first");
      },
      1);
  auto first = std::async(std::launch::async,
                          [&] { return reports().therapist_report_pdf(doctor.actor, group.rid); });
  entered.get_future().wait();

  auto second = reports().therapist_report_pdf(doctor.actor, group.rid);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, base::ErrorCode::busy);
  EXPECT_GT(second.error().retry_after_seconds, 0);
  Person other = therapist(world, "Dr Other");
  EXPECT_EQ(code_of(reports().therapist_report_pdf(other.actor, group.rid)), "not_found");
  EXPECT_EQ(reads_logged_for(0), 1u);  // the first print's read only

  release.set_value();
  auto done = first.get();
  ASSERT_TRUE(done) << code_of(done);
  EXPECT_EQ(*done, "%PDF-1.4 first");
  // The place is given back: the next print is not turned away.
  reports().print_pdf_with([](std::string_view) { return base::Result<std::string>("%PDF-"); }, 1);
  EXPECT_TRUE(reports().therapist_report_pdf(doctor.actor, group.rid));
  EXPECT_EQ(reads_logged_for(0), 2u);
}

TEST_F(ReportPdfTest, AFailedPrintPassesOnThePrintersErrorAfterTheRead) {
  reports().print_pdf_with(
      [](std::string_view) -> base::Result<std::string> {
        return base::fail(base::ErrorCode::pdf_unavailable, "no PDF this time");
      },
      2);
  auto pdf = reports().therapist_report_pdf(doctor.actor, group.rid);
  EXPECT_EQ(code_of(pdf), "pdf_unavailable");
  // The report was gathered before printing failed: the read stays in the log.
  EXPECT_EQ(reads_logged_for(0), 1u);
}

}  // namespace
}  // namespace attune::app::testing
