// Prints an HTML page to PDF with headless Chromium: the progress report a clinic files.
// The page is written to a private temporary directory (0700) that is removed afterwards,
// with Chromium's profile in it and no background network services; the page's own
// Content-Security-Policy (core/progress_report) allows no script and no outside resource.
#pragma once

#include <chrono>
#include <string>

#include "base/error.h"

namespace attune::ops {

struct PdfOptions {
  std::string chromium = "/usr/bin/chromium";
  std::chrono::seconds timeout{90};
};

// Writes `out_path` (0600); internal with Chromium's last output lines when it fails, takes
// longer than the timeout, or writes no PDF.
base::Status print_html_to_pdf(const std::string& html, const std::string& out_path,
                               const PdfOptions& options = {});

}  // namespace attune::ops
