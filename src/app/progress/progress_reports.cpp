#include "app/progress/progress_reports.h"

#include <algorithm>

#include "app/accounts/people.h"
#include "app/checkins/checkin_records.h"
#include "app/measures/measure_records.h"
#include "app/therapy/access_log_records.h"
#include "app/therapy/link_records.h"
#include "core/fhir_measures.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

void add_checkins(const Context& context, store::Transaction& tx,
                  const policy::MembershipAccess& partner, const std::string& name,
                  core::ProgressReport& report) {
  for (const auto& entry : own_entries(context, tx, partner)) {
    if (entry.feature != kCheckinFeature || !core::reaches_therapist(entry.visibility)) continue;
    const auto checkin = checkin_from_entry(entry);
    report.checkins.push_back({name, checkin.kind, checkin.scores, checkin.created_at});
  }
}

}  // namespace

core::ProgressReport gather_progress_report(const Context& context, store::Transaction& tx,
                                            const content::MeasureLibrary& library,
                                            const std::vector<policy::MembershipAccess>& partners,
                                            std::string title) {
  core::ProgressReport report;
  report.relationship_name = std::move(title);
  report.generated_at = context.now_ms();
  for (const auto& partner : partners) {
    const auto name = display_name_of(context, tx, partner.account_id());
    for (const auto& response : measure_responses_for_therapist(context, tx, partner)) {
      const auto* measure = library.find(response.measure_id);
      if (!measure) continue;
      auto score = core::score_measure(*measure, response.answers);
      report.measures.push_back({name, measure->short_name, response.total, measure->min_total,
                                 measure->max_total, score ? score->band : std::nullopt,
                                 response.created_at});
      if (!measure->citation.empty() &&
          std::ranges::find(report.citations, measure->citation) == report.citations.end()) {
        report.citations.push_back(measure->citation);
      }
    }
    add_checkins(context, tx, partner, name, report);
  }
  std::ranges::stable_sort(report.measures, {}, &core::ReportMeasureResult::at);
  std::ranges::stable_sort(report.checkins, {}, &core::ReportCheckin::at);
  return report;
}

base::Result<std::string> ProgressReports::operator_report_html(
    const std::string& relationship_id) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  std::vector<policy::MembershipAccess> partners;
  for (const auto& account : relationship_member_ids_for_operator(*tx, relationship_id)) {
    for (auto& membership : context_.policy.memberships_of(*tx, account)) {
      if (membership.relationship_id() == relationship_id) partners.push_back(membership);
    }
  }
  if (partners.empty()) return std::unexpected(policy::not_found());
  return core::render_progress_report_html(
      gather_progress_report(context_, *tx, library_, partners, "relationship " + relationship_id));
}

std::string ProgressReports::logged_report_html(store::Transaction& tx, const Actor& actor,
                                                const policy::TherapistAccess& link) {
  const auto partners = context_.policy.partners_of(tx, link);
  auto report = gather_progress_report(context_, tx, library_, partners,
                                       relationship_name_for(context_, tx, link));
  const std::string me = display_name_of(context_, tx, actor.account_id);
  for (const auto& partner : partners) {
    log_therapist_read(context_, tx, link, partner.account_id(),
                       {actor.account_id, me, "report", context_.now_ms()});
  }
  return core::render_progress_report_html(report);
}

base::Result<std::string> ProgressReports::therapist_report_html(const Actor& actor,
                                                                 const std::string& rid) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto link = context_.policy.linked_therapist(tx, actor, rid);
    if (!link) return base::error_of(link);
    return logged_report_html(tx, actor, *link);
  });
}

void ProgressReports::print_pdf_with(PrintPdf print, int at_once) {
  print_pdf_ = std::move(print);
  prints_at_once_ = at_once;
}

base::Result<std::string> ProgressReports::therapist_report_pdf(const Actor& actor,
                                                                const std::string& rid) {
  // A place among the prints, taken before the transaction (which may run its body again)
  // and given back however this ends.
  struct Place {
    std::atomic<int>& printing;
    const bool taken;
    ~Place() { printing.fetch_sub(1); }
  } place{printing_, printing_.fetch_add(1) < prints_at_once_};
  auto html = context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto link = context_.policy.linked_therapist(tx, actor, rid);
    if (!link) return base::error_of(link);
    if (!print_pdf_) {
      return base::fail(base::ErrorCode::pdf_unavailable,
                        "This server cannot make a PDF. The report is there to download as a "
                        "page you can print.");
    }
    if (!place.taken) {
      base::Error busy{base::ErrorCode::busy,
                       "Another report is being printed just now. Please try again shortly."};
      busy.retry_after_seconds = 5;
      return std::unexpected(busy);
    }
    return logged_report_html(tx, actor, *link);
  });
  if (!html) return base::error_of(html);
  return print_pdf_(*html);
}

base::Result<nlohmann::json> ProgressReports::therapist_fhir(const Actor& actor,
                                                             const std::string& rid) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<nlohmann::json> {
    auto link = context_.policy.linked_therapist(tx, actor, rid);
    if (!link) return base::error_of(link);
    std::vector<nlohmann::json> resources;
    const std::string me = display_name_of(context_, tx, actor.account_id);
    for (const auto& partner : context_.policy.partners_of(tx, *link)) {
      const auto name = display_name_of(context_, tx, partner.account_id());
      for (const auto& response : measure_responses_for_therapist(context_, tx, partner)) {
        const auto* measure = library_.find(response.measure_id);
        if (!measure) continue;
        resources.push_back(core::fhir_questionnaire_response(
            *measure, {response.id, name, response.created_at, response.answers, response.total}));
      }
      log_therapist_read(context_, tx, *link, partner.account_id(),
                         {actor.account_id, me, "report", context_.now_ms()});
    }
    return core::fhir_collection(crypto::random_id(), context_.now_ms(), resources);
  });
}

}  // namespace attune::app
