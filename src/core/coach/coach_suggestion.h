// Builds the coach's one I-statement from a flagged sentence: what happened (observation),
// how it felt, what is needed and a request, in the vocabulary's own words.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/coach/coach_tokens.h"
#include "core/coach/coach_vocabulary.h"

namespace attune::core {

struct CoachMatch {
  const CoachRule* rule = nullptr;
  std::size_t first = 0;  // tokens[first, end) matched
  std::size_t end = 0;
};

std::string coach_suggestion(std::string_view text, const std::vector<CoachToken>& tokens,
                             const CoachVocabulary& vocabulary, const CoachMatch& match);

}  // namespace attune::core
