#include "core/progress_report.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

TEST(ProgressReport, EscapesEveryTextFromPeople) {
  ProgressReport report;
  report.relationship_name = "<script>alert(1)</script> & co";
  report.measures.push_back({"Sam \"S\" <b>", "CSI-4", 16, 0, 21, std::nullopt, 0});
  const auto html = render_progress_report_html(report);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), std::string::npos);
  EXPECT_NE(html.find("Sam &quot;S&quot; &lt;b&gt;"), std::string::npos);
}

TEST(ProgressReport, ShowsScoresRangesAndCutoffMeaning) {
  ProgressReport report;
  report.relationship_name = "Us";
  report.measures.push_back({"Robin", "CSI-4", 12, 0, 21, "Below 13.5: notable", 86400000});
  CheckinScores scores;
  scores.values = {7, 6, 5, 8, 2};
  report.checkins.push_back({"Robin", CheckinKind::kDaily, scores, 0});
  report.citations.push_back("Funk & Rogge (2007)");
  const auto html = render_progress_report_html(report);
  EXPECT_NE(html.find("<td>1970-01-02</td><td>Robin</td><td>CSI-4</td><td>12</td><td>0-21</td>"
                      "<td>Below 13.5: notable</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td>daily</td><td>7</td><td>6</td><td>5</td><td>8</td><td>2</td>"),
            std::string::npos);
  EXPECT_NE(html.find("Funk &amp; Rogge (2007)"), std::string::npos);
}

TEST(ProgressReport, AllowsNoScriptAndNoOutsideResource) {
  const auto html = render_progress_report_html({});
  EXPECT_NE(html.find("content=\"default-src 'none'; style-src 'unsafe-inline'\""),
            std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(ProgressReport, SaysSoWhenNothingWasShared) {
  const auto html = render_progress_report_html({});
  EXPECT_NE(html.find("No questionnaire results were shared"), std::string::npos);
  EXPECT_NE(html.find("No check-ins were shared"), std::string::npos);
}

}  // namespace
}  // namespace attune::core
