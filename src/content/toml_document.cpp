#include "content/toml_document.h"

#include <fstream>

#include "core/text.h"

namespace attune::content {
namespace {

base::Error file_error(const std::string& source, std::size_t line, std::string_view what) {
  std::string message = source;
  if (line > 0) message += ":" + std::to_string(line);
  message += ": ";
  message += what;
  return base::Error{base::ErrorCode::invalid_field, std::move(message)};
}

// The id of the nearest `id = "..."` line above `line_number`, so a message about a bad
// byte can point at the entry it sits in even though the document cannot be parsed.
std::string nearest_id_above(std::string_view text, std::size_t line_number) {
  std::string found;
  std::size_t line = 1;
  std::size_t start = 0;
  while (start < text.size() && line < line_number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string trimmed = core::trim(text.substr(start, end - start));
    if (trimmed.starts_with("id") && core::trim(trimmed.substr(2)).starts_with('=')) {
      const std::size_t open = trimmed.find('"');
      const std::size_t close = trimmed.find('"', open + 1);
      if (open != std::string::npos && close != std::string::npos) {
        found = trimmed.substr(open + 1, close - open - 1);
      }
    }
    start = end + 1;
    ++line;
  }
  return found;
}

// 1-based line of the first line that is not valid UTF-8, or 0 when the text is valid.
std::size_t first_invalid_utf8_line(std::string_view text) {
  std::size_t line = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!core::is_valid_utf8(text.substr(start, end - start))) return line;
    start = end + 1;
    ++line;
  }
  return 0;
}

}  // namespace

base::Result<toml::table> parse_toml_text(std::string_view text, const std::string& source) {
  if (text.size() > kMaxContentFileBytes) {
    return std::unexpected(file_error(source, 0, "file is larger than 1 MiB"));
  }
  if (const std::size_t bad_line = first_invalid_utf8_line(text); bad_line > 0) {
    std::string what = "invalid UTF-8";
    if (const std::string id = nearest_id_above(text, bad_line); !id.empty()) {
      what += " in or after the entry with id \"" + id + "\"";
    }
    return std::unexpected(file_error(source, bad_line, what));
  }
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& error) {
    return std::unexpected(file_error(source, error.source().begin.line,
                                      "TOML syntax error: " + std::string(error.description())));
  }
}

base::Result<toml::table> read_toml_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(file_error(path, 0, "cannot open the file for reading"));
  // One byte past the limit is enough to know the file is too large.
  std::string text(kMaxContentFileBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) return std::unexpected(file_error(path, 0, "cannot read the file"));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return parse_toml_text(text, path);
}

}  // namespace attune::content
