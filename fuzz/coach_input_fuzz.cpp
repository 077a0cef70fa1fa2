// What a person is writing, as the language coach reviews it with the shipped vocabulary:
// the flags must stay in order, inside the text and on character boundaries, and a text
// describing harm is never reframed.
#include <cstdint>
#include <string>
#include <string_view>

#include "content/content_library.h"
#include "core/coach/coach_review.h"
#include "core/text.h"
#include "fuzz_check.h"

namespace {

const attune::core::CoachVocabulary& vocabulary() {
  static const auto coach = [] {
    auto loaded = attune::content::load_content_library(ATTUNE_SOURCE_DIR "/content");
    FUZZ_CHECK(loaded.has_value());
    return std::move(loaded->coach);
  }();
  return coach;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The coach refuses invalid UTF-8 and more than 16 KiB before reviewing.
  if (size > 16 * 1024 || !attune::core::is_valid_utf8(text)) return 0;
  const auto review = attune::core::review_language(text, vocabulary());
  const auto length = attune::core::char_count(text);
  if (review.describes_harm) {
    FUZZ_CHECK(review.flags.empty() && !review.suggestion);
    return 0;
  }
  FUZZ_CHECK(review.flags.empty() == !review.suggestion.has_value());
  std::size_t previous_end = 0;
  for (const auto& flag : review.flags) {
    FUZZ_CHECK(flag.start < flag.end && flag.end <= length);
    FUZZ_CHECK(flag.start >= previous_end);
    FUZZ_CHECK(!flag.message.empty());
    previous_end = flag.end;
  }
  if (review.suggestion) FUZZ_CHECK(attune::core::is_valid_utf8(*review.suggestion));
  return 0;
}
