#include "core/progress_report.h"

#include "base/rfc3339.h"

namespace attune::core {
namespace {

constexpr const char* kStyle =
    "body{font-family:sans-serif;font-size:11pt;color:#111;margin:2em}"
    "h1{font-size:16pt}h2{font-size:13pt;margin-top:1.5em}"
    "table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #999;padding:4px 6px;text-align:left}"
    "p.note{font-size:9pt;color:#333}";

std::string day_of(std::int64_t ms) { return base::to_rfc3339_ms(ms).substr(0, 10); }

std::string cell(std::string_view text) { return "<td>" + escape_html(text) + "</td>"; }

std::string measures_table(const std::vector<ReportMeasureResult>& results) {
  if (results.empty()) return "<p>No questionnaire results were shared with the therapist.</p>";
  std::string html =
      "<table><thead><tr><th>Date</th><th>Person</th><th>Questionnaire</th><th>Score</th>"
      "<th>Range</th><th>Note</th></tr></thead><tbody>";
  for (const auto& result : results) {
    html += "<tr>" + cell(day_of(result.at)) + cell(result.person) + cell(result.measure) +
            cell(std::to_string(result.total)) +
            cell(std::to_string(result.min_total) + "-" + std::to_string(result.max_total)) +
            cell(result.band.value_or("")) + "</tr>";
  }
  return html + "</tbody></table>";
}

std::string checkins_table(const std::vector<ReportCheckin>& checkins) {
  if (checkins.empty()) return "<p>No check-ins were shared with the therapist.</p>";
  std::string html = "<table><thead><tr><th>Date</th><th>Person</th><th>Kind</th>";
  for (auto score : kScores) html += "<th>" + escape_html(score_name(score)) + "</th>";
  html += "</tr></thead><tbody>";
  for (const auto& checkin : checkins) {
    html += "<tr>" + cell(day_of(checkin.at)) + cell(checkin.person) +
            cell(checkin_kind_name(checkin.kind));
    for (auto score : kScores) html += cell(std::to_string(checkin.scores.of(score)));
    html += "</tr>";
  }
  return html + "</tbody></table>";
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string render_progress_report_html(const ProgressReport& report) {
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">"
      "<title>Progress report</title><style>";
  html += kStyle;
  html += "</style></head><body><h1>Progress report: " + escape_html(report.relationship_name) +
          "</h1><p>Prepared " + escape_html(day_of(report.generated_at)) +
          ". It holds only what each partner chose to share with their therapist.</p>";
  html += "<h2>Questionnaires</h2>" + measures_table(report.measures);
  html += "<h2>Check-ins (0-10)</h2>" + checkins_table(report.checkins);
  if (!report.citations.empty()) {
    html += "<h2>Sources</h2>";
    for (const auto& citation : report.citations) {
      html += "<p class=\"note\">" + escape_html(citation) + "</p>";
    }
  }
  html +=
      "<p class=\"note\">Scores support a conversation; they are not a diagnosis. Cut-offs are "
      "those the sources state.</p></body></html>";
  return html;
}

}  // namespace attune::core
