// core::review_language over a 2,000-character debrief answer with the shipped vocabulary:
// a mix of kind sentences, negated uses and blaming ones, with accents and an emoji, so every
// rule and every context check runs (the common case: no harm, several flags).
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

#include "content/coach_toml.h"
#include "content/toml_document.h"
#include "core/coach/coach_review.h"
#include "core/text.h"

namespace attune::core {
namespace {

CoachVocabulary shipped_vocabulary() {
  const std::string file = ATTUNE_SOURCE_DIR "/content/coach.toml";
  auto table = content::read_toml_file(file);
  if (!table) throw std::runtime_error(table.error().message);
  auto vocabulary = content::coach_from_toml(*table, file);
  if (!vocabulary) throw std::runtime_error(vocabulary.error().message);
  return std::move(*vocabulary);
}

std::string two_thousand_characters() {
  const std::string sentences[] = {
      "I felt calm during the first part, and the café music helped. ",
      "You never listen to me when I talk about my day. ",
      "It wasn't your fault that the timer rang early. ",
      "You always make me laugh when I'm nervous 🙂. ",
      "Honestly, you obviously didn't care how I felt afterwards. ",
      "I should have said something sooner. ",
      "You should put your phone away when we start. ",
      "Oh great, you were late again. ",
      "I'd like us to try the slower version next week. ",
  };
  std::string text;
  for (std::size_t i = 0; char_count(text) < 2000; ++i) text += sentences[i % std::size(sentences)];
  while (char_count(text) > 2000 || !is_valid_utf8(text)) text.pop_back();
  return text;
}

void BM_CoachReview2000Chars(benchmark::State& state) {
  const CoachVocabulary vocabulary = shipped_vocabulary();
  const std::string text = two_thousand_characters();
  for (auto _ : state) benchmark::DoNotOptimize(review_language(text, vocabulary));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CoachReview2000Chars)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace attune::core
