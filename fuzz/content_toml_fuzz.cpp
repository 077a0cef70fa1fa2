// A content file (content/*.toml) as the server reads it at start: the TOML parse, then each
// file's strict reader over the same table. A bad file must fail the start with an
// invalid_field error naming the problem, never crash or throw.
#include <cstdint>
#include <string>
#include <string_view>

#include "content/catalogue_toml.h"
#include "content/coach_toml.h"
#include "content/content_library.h"
#include "content/exercises_toml.h"
#include "content/programme_toml.h"
#include "content/resources_toml.h"
#include "content/safety_check_toml.h"
#include "content/toml_document.h"
#include "fuzz_check.h"

namespace {

// The shipped content: the exercises name its catalogue, the programme its exercises.
const attune::content::ContentLibrary& shipped() {
  static const auto library = [] {
    auto loaded = attune::content::load_content_library(ATTUNE_SOURCE_DIR "/content");
    FUZZ_CHECK(loaded.has_value());
    return std::move(*loaded);
  }();
  return library;
}

template <class T>
void check_refusal(const attune::base::Result<T>& read) {
  if (!read) FUZZ_CHECK(read.error().code == attune::base::ErrorCode::invalid_field);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& library = shipped();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string source = "fuzz.toml";
  auto table = attune::content::parse_toml_text(text, source);
  check_refusal(table);
  if (!table) return 0;
  check_refusal(attune::content::catalogue_from_toml(*table, source));
  check_refusal(attune::content::exercises_from_toml(*table, source, library.catalogue));
  check_refusal(attune::content::programme_from_toml(*table, source, library.exercises));
  check_refusal(attune::content::resources_from_toml(*table, source));
  check_refusal(attune::content::coach_from_toml(*table, source));
  check_refusal(attune::content::safety_check_from_toml(*table, source));
  return 0;
}
