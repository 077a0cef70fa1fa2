// Prints an HTML page to PDF with headless Chromium: the progress report a clinic files.
// The page is written to a private temporary directory (0700) that is removed afterwards,
// with Chromium's profile, home and temp dir in it, none of the caller's open files and no
// background network services; the page's own Content-Security-Policy
// (core/progress_report) allows no script and no outside resource.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "base/error.h"

namespace attune::ops {

struct PdfOptions {
  std::string chromium = "/usr/bin/chromium";
  std::chrono::seconds timeout{90};
};

// The PDF's bytes; internal with Chromium's last output lines when it fails, takes longer
// than the timeout, or writes no PDF. The page and the PDF exist on disk only while Chromium
// runs. Safe to call from several threads (each call has its own directory and profile).
base::Result<std::string> render_html_to_pdf(std::string_view html, const PdfOptions& options = {});

// Writes the PDF to `out_path` (0600); errors as render_html_to_pdf, or internal when the
// file cannot be written.
base::Status print_html_to_pdf(const std::string& html, const std::string& out_path,
                               const PdfOptions& options = {});

// The browser to print with: `configured` when it is set and executable, otherwise the first
// of the usual Chromium and Chrome paths that is; nullopt when there is none.
std::optional<std::string> find_chromium(const std::string& configured);

}  // namespace attune::ops
