// The printable progress report a clinic can file: only what each partner shared with the
// therapist (measure scores and check-in scores, never private entries and never free
// text), rendered as HTML by core/progress_report. The gathering takes the partners'
// memberships, so the operator's command (`attune report`) and a therapist's download can
// both call it once they hold them. The therapist's PDF is printed by a function the server
// hands in (cli/serve, over ops/pdf_report), so no layer below starts a browser itself.
#pragma once

#include <atomic>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "base/error.h"
#include "content/measure_library.h"
#include "core/progress_report.h"

namespace attune::app {

core::ProgressReport gather_progress_report(const Context& context, store::Transaction& tx,
                                            const content::MeasureLibrary& library,
                                            const std::vector<policy::MembershipAccess>& partners,
                                            std::string title);

// The report's HTML printed to PDF bytes; its errors are the caller's to answer with.
using PrintPdf = std::function<base::Result<std::string>(std::string_view html)>;

class ProgressReports {
 public:
  ProgressReports(Context& context, const content::MeasureLibrary& library)
      : context_(context), library_(library) {}

  // For the operator: the relationship's report as HTML; not_found for an unknown id or a
  // relationship with no active members.
  base::Result<std::string> operator_report_html(const std::string& relationship_id);
  // For the linked therapist (the download): the same report, titled with the relationship's
  // name; each partner's access log records the read ("report"). not_found unless the caller
  // is the therapist of an active link.
  base::Result<std::string> therapist_report_html(const Actor& actor, const std::string& rid);
  // For the linked therapist: what the partners shared with them of their questionnaires, as
  // a FHIR R4 Bundle of QuestionnaireResponses; each partner's access log records the read
  // ("report").
  base::Result<nlohmann::json> therapist_fhir(const Actor& actor, const std::string& rid);

  // Lets therapist_report_pdf print with `print`, at most `at_once` reports at the same time.
  // Set once by the server before it serves; without it there is no PDF.
  void print_pdf_with(PrintPdf print, int at_once);
  // The therapist's report as PDF bytes, read and logged as therapist_report_html. After the
  // same not_found: pdf_unavailable when this server prints no PDF (nothing read, nothing
  // logged) and busy when `at_once` reports are printing already (likewise); a failed print
  // passes on the printer's error, the read already logged. Thread-safe.
  base::Result<std::string> therapist_report_pdf(const Actor& actor, const std::string& rid);

 private:
  // The report for an active link, with each partner's access log recording the read.
  std::string logged_report_html(store::Transaction& tx, const Actor& actor,
                                 const policy::TherapistAccess& link);

  Context& context_;
  const content::MeasureLibrary& library_;
  PrintPdf print_pdf_;
  int prints_at_once_ = 0;
  std::atomic<int> printing_{0};
};

}  // namespace attune::app
