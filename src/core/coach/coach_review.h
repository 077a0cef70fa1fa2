// The language coach: points out blaming and contemptuous phrasing in a text and offers
// one gentler I-statement. It only suggests; nothing it says stops a text being sent. A
// text that describes harm, pressure or force is never reframed: the review says so, and
// the caller shows the safety resources instead.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/coach/coach_kind.h"
#include "core/coach/coach_vocabulary.h"

namespace attune::core {

struct CoachFlag {
  CoachKind kind = CoachKind::kGeneralisation;
  // Unicode code points into the text as sent: [start, end). Never inside a character.
  std::size_t start = 0;
  std::size_t end = 0;
  std::string message;
};

struct CoachReview {
  bool describes_harm = false;            // then flags is empty and there is no suggestion
  std::vector<CoachFlag> flags;           // in text order, never overlapping
  std::optional<std::string> suggestion;  // present exactly when flags is not empty
};

// `text` is valid UTF-8 (bytes that are not count as one code point each). Pure and
// thread-safe: the vocabulary is only read.
CoachReview review_language(std::string_view text, const CoachVocabulary& vocabulary);

}  // namespace attune::core
