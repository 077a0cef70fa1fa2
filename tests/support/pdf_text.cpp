#include "support/pdf_text.h"

#include <cstdio>

namespace attune::test {

std::string pdf_text(const std::string& path) {
  const std::string command = "pdftotext -layout '" + path + "' - 2>&1";
  std::string text;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
      text.append(buffer, got);
    ::pclose(pipe);
  }
  return text;
}

}  // namespace attune::test
