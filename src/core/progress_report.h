// A printable progress report of shared data, as one self-contained HTML page (no scripts,
// no outside resources) that a browser prints to PDF. Every text from people is escaped.
// The caller decides what belongs in it: only entries shared with the therapist.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/checkin.h"

namespace attune::core {

struct ReportMeasureResult {
  std::string person;
  std::string measure;  // short name, e.g. "CSI-4"
  int total = 0;
  int min_total = 0;
  int max_total = 0;
  std::optional<std::string> band;  // the source's cut-off meaning, when below one
  std::int64_t at = 0;              // ms
};

struct ReportCheckin {
  std::string person;
  CheckinKind kind = CheckinKind::kDaily;
  CheckinScores scores;
  std::int64_t at = 0;  // ms
};

struct ProgressReport {
  std::string relationship_name;
  std::int64_t generated_at = 0;              // ms
  std::vector<ReportMeasureResult> measures;  // oldest first
  std::vector<ReportCheckin> checkins;        // oldest first
  std::vector<std::string> citations;         // of the measures shown
};

// "&<>\"'" become entities; everything else is kept.
std::string escape_html(std::string_view text);

std::string render_progress_report_html(const ProgressReport& report);

}  // namespace attune::core
