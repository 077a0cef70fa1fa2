// Operator subcommands of measures and reports: `attune measures import FILE` loads the item
// wording a clinic holds; `attune report --relationship ID --out FILE.pdf` prints the
// relationship's progress report (only what partners shared with the therapist).
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/runtime.h"
#include "ops/pdf_report.h"

namespace attune::cli {

int run_measures_import(const Settings& settings, const std::string& file) {
  auto runtime = Runtime::open(settings);
  if (!runtime) {
    std::cerr << "attune: " << runtime.error().message << "\n";
    return 1;
  }
  auto& services = (*runtime)->services();
  auto texts = content::item_texts_from_file(file, services.measure_library);
  if (!texts) {
    std::cerr << "attune: " << texts.error().message << "\n";
    return 1;
  }
  std::cout << "imported the wording of " << services.measures.import_texts(*texts) << " items\n";
  return 0;
}

int run_report(const Settings& settings, const std::string& relationship_id,
               const std::string& out_path) {
  auto runtime = Runtime::open(settings);
  if (!runtime) {
    std::cerr << "attune: " << runtime.error().message << "\n";
    return 1;
  }
  auto html = (*runtime)->services().progress_reports.operator_report_html(relationship_id);
  if (!html) {
    std::cerr << "attune: there is no relationship with that id and active members\n";
    return 1;
  }
  auto chromium = ops::find_chromium(settings.chromium);
  if (!chromium) {
    std::cerr << "attune: no Chromium to print with; set chromium (ATTUNE_CHROMIUM)\n";
    return 1;
  }
  if (auto printed = ops::print_html_to_pdf(*html, out_path, {.chromium = *chromium}); !printed) {
    std::cerr << "attune: " << printed.error().message << "\n";
    return 1;
  }
  std::cout << "wrote " << out_path << "\n";
  return 0;
}

}  // namespace attune::cli
