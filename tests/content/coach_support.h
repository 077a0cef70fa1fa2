// The shipped coach vocabulary, loaded once for the coach's tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "content/coach_toml.h"
#include "content/toml_document.h"
#include "core/coach/coach_review.h"

namespace attune::content::test {

inline const core::CoachVocabulary& shipped_coach_vocabulary() {
  static const core::CoachVocabulary vocabulary = [] {
    const std::string file = ATTUNE_SOURCE_DIR "/content/coach.toml";
    auto table = read_toml_file(file);
    if (!table) throw std::runtime_error(table.error().message);
    auto loaded = coach_from_toml(*table, file);
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(*loaded);
  }();
  return vocabulary;
}

inline core::CoachReview review(std::string_view text) {
  return core::review_language(text, shipped_coach_vocabulary());
}

}  // namespace attune::content::test
