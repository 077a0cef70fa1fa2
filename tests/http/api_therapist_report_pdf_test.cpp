// The therapist's report as a PDF through the real server and headless Chromium: what it says
// (read back with pdftotext), who may download it, that each download lands in every
// partner's access log, that nothing of it is left in the server's temp dir, and that a
// server without a browser says so plainly and reads nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/attune_process.h"
#include "http/therapist_account.h"
#include "support/pdf_text.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

// A server whose temp dir is its own, so a test can see what it leaves there.
std::map<std::string, std::string> server_env(const std::filesystem::path& tmp,
                                              const std::string& chromium) {
  std::filesystem::create_directories(tmp);
  std::map<std::string, std::string> env{{"TMPDIR", tmp.string()}};
  if (!chromium.empty()) env["ATTUNE_CHROMIUM"] = chromium;
  return env;
}

std::filesystem::path fresh_tmp(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("attune-pdf-test-" + name + "-" + std::to_string(::getpid()));
}

class ReportPdf : public ::testing::Test {
 protected:
  explicit ReportPdf(const std::string& chromium = "")
      : tmp(fresh_tmp(chromium.empty() ? "found" : "missing")),
        server({}, false, server_env(tmp, chromium)) {}

  void SetUp() override {
    api = std::make_unique<Api>(server.port());
    ann = api->sign_up("Ann");
    ben = api->sign_up("Ben");
    rid = api->relationship({&ann, &ben});
    doctor = add_therapist(server, *api, "Rowan");
    link_therapist(*api, rid, doctor, {&ann, &ben});
    ASSERT_EQ(
        api->call("POST", "/api/v1/relationships/" + rid + "/measures/csi-4",
                  R"({"answers":{"q1":5,"q2":4,"q3":3,"q4":4},"visibility":"therapist"})", &ann)
            .status,
        201);
  }

  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(tmp, ignored);
  }

  std::string pdf_path() const { return "/api/v1/therapist/relationships/" + rid + "/report.pdf"; }

  std::vector<std::string> log_actions_of(const Person& who) {
    std::vector<std::string> actions;
    auto log = json::parse(
        api->call("GET", "/api/v1/relationships/" + rid + "/access-log", "", &who).body);
    for (const auto& entry : log["entries"]) actions.push_back(entry["action"]);
    return actions;
  }

  std::filesystem::path tmp;
  AttuneProcess server;
  std::unique_ptr<Api> api;
  Person ann, ben, doctor;
  std::string rid;
};

class ReportPdfWithoutChromium : public ReportPdf {
 protected:
  ReportPdfWithoutChromium() : ReportPdf("/nonexistent/chromium") {}
};

TEST_F(ReportPdf, TheLinkedTherapistDownloadsThePdfAndEachPartnersLogShowsIt) {
  auto report = api->call("GET", pdf_path(), "", &doctor);
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.header("content-type"), "application/pdf");
  EXPECT_EQ(report.header("content-disposition"), R"(attachment; filename="attune-report.pdf")");
  EXPECT_EQ(report.header("cache-control"), "no-store");
  ASSERT_TRUE(report.body.starts_with("%PDF-"));

  const auto file = tmp / "downloaded.pdf";
  std::ofstream(file, std::ios::binary) << report.body;
  const std::string text = attune::test::pdf_text(file.string());
  std::filesystem::remove(file);
  EXPECT_NE(text.find("Progress report"), std::string::npos) << text;
  EXPECT_NE(text.find("Ann"), std::string::npos);
  EXPECT_NE(text.find("CSI-4"), std::string::npos);
  EXPECT_NE(text.find("16"), std::string::npos);  // 5 + 4 + 3 + 4
  EXPECT_NE(text.find("Funk"), std::string::npos);

  EXPECT_EQ(log_actions_of(ann), std::vector<std::string>{"report"});
  EXPECT_EQ(log_actions_of(ben), std::vector<std::string>{"report"});
  // The page and the PDF lived in a private directory for the print only.
  EXPECT_TRUE(std::filesystem::is_empty(tmp));
}

TEST_F(ReportPdf, OnlyTheLinkedTherapistMayDownloadIt) {
  EXPECT_EQ(api->call("GET", pdf_path(), "", &ann).status, 404);
  EXPECT_EQ(api->call("GET", pdf_path(), "", &ben).status, 404);
  const Person other = add_therapist(server, *api, "Sky");
  EXPECT_EQ(api->call("GET", pdf_path(), "", &other).status, 404);
  EXPECT_EQ(api->call("GET", pdf_path()).status, 401);

  ASSERT_EQ(api->call("DELETE", "/api/v1/relationships/" + rid + "/therapist", "", &ben).status,
            204);
  auto revoked = api->call("GET", pdf_path(), "", &doctor);
  EXPECT_EQ(revoked.status, 404);
  EXPECT_EQ(json::parse(revoked.body)["error"]["code"], "not_found");
  EXPECT_TRUE(log_actions_of(ann).empty());
  EXPECT_TRUE(log_actions_of(ben).empty());
}

TEST_F(ReportPdfWithoutChromium, TheServerSaysItCannotPrintAndReadsNothing) {
  auto refused = api->call("GET", pdf_path(), "", &doctor);
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(json::parse(refused.body)["error"]["code"], "pdf_unavailable");
  EXPECT_TRUE(log_actions_of(ann).empty());
  EXPECT_TRUE(log_actions_of(ben).empty());
  // A stranger still learns nothing, and the page to print is still there.
  const Person other = add_therapist(server, *api, "Sky");
  EXPECT_EQ(api->call("GET", pdf_path(), "", &other).status, 404);
  EXPECT_EQ(api->call("GET", "/api/v1/therapist/relationships/" + rid + "/report.html", "", &doctor)
                .status,
            200);
  EXPECT_NE(server.log().find("no Chromium found at /nonexistent/chromium"), std::string::npos);
}

}  // namespace
}  // namespace attune::http::test
