// What the words around a match say about it: negated ("it wasn't your fault"), about the
// writer rather than the partner ("I love you always"), or warm ("you always make me laugh").
#pragma once

#include <cstddef>
#include <vector>

#include "core/coach/coach_tokens.h"
#include "core/coach/coach_vocabulary.h"

namespace attune::core {

enum class CoachPolarity { kNeutral, kPositive, kNegative, kMixed };

// The words of one review and the vocabulary that reads them. Cheap to copy.
class CoachContext {
 public:
  CoachContext(const std::vector<CoachToken>& tokens, const CoachVocabulary& vocabulary)
      : tokens_(tokens), vocabulary_(vocabulary) {}

  // A negator in the same clause shortly before tokens[first], not before `floor` (the end
  // of the previous flag: "you never listen 🙄" — that "never" negates nothing after it).
  bool negated_before(std::size_t first, std::size_t floor = 0) const;
  // tokens[first] is "you" as the object of the word before it.
  bool object_before(std::size_t first) const;
  // An appreciation word ("love", "thank") earlier in the sentence, not past a "but".
  bool appreciated_before(std::size_t first) const;
  // The warmth of the clause after a match ending at `end`; a negator flips what follows.
  CoachPolarity polarity_after(std::size_t end) const;
  // One of `words` in the clause after a match ending at `end`, not right after a negator.
  bool clause_after_holds(std::size_t end, const CoachWords& words) const;
  // The word right after a match ending at `end` (in the same clause) is a negative one.
  bool negative_next(std::size_t end) const;
  // A negative word or a sarcasm cue ("again") in the sentence outside [first, end).
  bool sarcasm_cue_in_sentence(std::size_t first, std::size_t end) const;

  // Index one past the last word of the clause that follows a match ending at `end`, and
  // the first word of it ("rest"); equal when nothing follows.
  std::pair<std::size_t, std::size_t> rest_after(std::size_t end) const;

 private:
  bool same_clause_back(std::size_t from, std::size_t to) const;
  bool negates(std::size_t at) const;

  const std::vector<CoachToken>& tokens_;
  const CoachVocabulary& vocabulary_;
};

}  // namespace attune::core
