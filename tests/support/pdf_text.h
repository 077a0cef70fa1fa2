// A PDF's text as pdftotext (poppler-utils, installed by scripts/bootstrap) reads it, for tests
// that check what a printed report says.
#pragma once

#include <string>

namespace attune::test {

// The text of the PDF file at `path`, laid out as on the page; pdftotext's own complaint
// when it cannot read the file (or is not installed), so a failing check shows why.
std::string pdf_text(const std::string& path);

}  // namespace attune::test
