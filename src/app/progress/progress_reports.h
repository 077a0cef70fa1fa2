// The printable progress report a clinic can file: only what each partner shared with the
// therapist (measure scores and check-in scores, never private entries and never free
// text), rendered as HTML by core/progress_report. The gathering takes the partners'
// memberships, so the operator's command (`attune report`) and a therapist's download can
// both call it once they hold them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
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

 private:
  Context& context_;
  const content::MeasureLibrary& library_;
};

}  // namespace attune::app
