// A phrase the coach looks for, written as data: words separated by spaces, where
//   a|b   matches either word,   care*  any word starting with "care",
//   _     any one word,           word?  the step may be left out.
// A pattern matches words of one sentence in a row; punctuation in between is ignored.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "core/coach/coach_tokens.h"

namespace attune::core {

struct CoachPatternStep {
  struct Choice {
    std::string word;
    bool prefix = false;
  };
  std::vector<Choice> choices;  // empty: any word
  bool optional = false;

  bool accepts(std::string_view word) const;
};

struct CoachPattern {
  std::string source;
  std::vector<CoachPatternStep> steps;
};

// invalid_field (with a message that quotes the pattern) when it is empty, holds upper-case
// letters or characters other than letters, digits, apostrophes and the operators above, or
// has only optional steps.
base::Result<CoachPattern> compile_coach_pattern(std::string_view source);

// Where a match starting at tokens[first] ends (one past its last word), if it matches.
// Optional steps are taken when they can be, so the longest reading wins.
std::optional<std::size_t> match_coach_pattern(const CoachPattern& pattern,
                                               const std::vector<CoachToken>& tokens,
                                               std::size_t first);

}  // namespace attune::core
