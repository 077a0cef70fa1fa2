#include "core/coach/coach_context.h"

namespace attune::core {

// Walking back from `from` to `to` (to < from) stays inside one clause of one sentence.
bool CoachContext::same_clause_back(std::size_t from, std::size_t to) const {
  const CoachToken& later = tokens_[from];
  const CoachToken& earlier = tokens_[to];
  return earlier.sentence == later.sentence && !earlier.breaks_after &&
         !vocabulary_.clause_words.contains(earlier.word);
}

bool CoachContext::negates(std::size_t at) const {
  if (!vocabulary_.negators.contains(tokens_[at].word)) return false;
  return at == 0 || !vocabulary_.negation_exempt_after.contains(tokens_[at - 1].word);
}

bool CoachContext::negated_before(std::size_t first, std::size_t floor) const {
  for (std::size_t k = 1; k <= vocabulary_.negation_window && first - k + 1 > floor; ++k) {
    if (!same_clause_back(first, first - k)) return false;
    if (negates(first - k)) return true;
  }
  return false;
}

bool CoachContext::object_before(std::size_t first) const {
  if (first == 0 || tokens_[first].word != "you") return false;
  return same_clause_back(first, first - 1) &&
         vocabulary_.object_before.contains(tokens_[first - 1].word);
}

bool CoachContext::appreciated_before(std::size_t first) const {
  // "Thank you, you always notice": thanks reach across a comma, not past a "but".
  for (std::size_t k = 1; k <= vocabulary_.context_window && k <= first; ++k) {
    const CoachToken& earlier = tokens_[first - k];
    if (earlier.sentence != tokens_[first].sentence ||
        vocabulary_.clause_words.contains(earlier.word)) {
      return false;
    }
    if (vocabulary_.appreciation.contains(earlier.word)) return true;
  }
  return false;
}

CoachPolarity CoachContext::polarity_after(std::size_t end) const {
  if (end == 0 || end >= tokens_.size() || tokens_[end - 1].breaks_after) {
    return CoachPolarity::kNeutral;
  }
  bool positive = false, negative = false, flipped = false;
  const std::size_t sentence = tokens_[end - 1].sentence;
  for (std::size_t at = end; at < tokens_.size() && at < end + vocabulary_.context_window; ++at) {
    const CoachToken& token = tokens_[at];
    if (token.sentence != sentence || vocabulary_.clause_words.contains(token.word)) break;
    // A negator reaches to the end of its clause: "you obviously didn't want to be there".
    if (negates(at)) {
      flipped = !flipped;
      continue;
    }
    if (vocabulary_.positive.contains(token.word)) (flipped ? negative : positive) = true;
    if (vocabulary_.negative.contains(token.word)) (flipped ? positive : negative) = true;
    if (token.breaks_after) break;
  }
  if (positive && negative) return CoachPolarity::kMixed;
  if (positive) return CoachPolarity::kPositive;
  if (negative) return CoachPolarity::kNegative;
  return CoachPolarity::kNeutral;
}

bool CoachContext::clause_after_holds(std::size_t end, const CoachWords& words) const {
  const auto [first, last] = rest_after(end);
  for (std::size_t at = first; at < last; ++at) {
    if (words.contains(tokens_[at].word) && !(at > first && negates(at - 1))) return true;
  }
  return false;
}

bool CoachContext::negative_next(std::size_t end) const {
  if (end == 0 || end >= tokens_.size() || tokens_[end - 1].breaks_after) return false;
  return tokens_[end].sentence == tokens_[end - 1].sentence &&
         vocabulary_.negative.contains(tokens_[end].word);
}

bool CoachContext::sarcasm_cue_in_sentence(std::size_t first, std::size_t end) const {
  const std::size_t sentence = tokens_[first].sentence;
  const auto cue = [&](const std::string& word) {
    return vocabulary_.negative.contains(word) || vocabulary_.sarcasm_cues.contains(word);
  };
  for (std::size_t at = first; at > 0 && tokens_[at - 1].sentence == sentence; --at) {
    if (cue(tokens_[at - 1].word)) return true;
  }
  for (std::size_t at = end; at < tokens_.size() && tokens_[at].sentence == sentence; ++at) {
    if (cue(tokens_[at].word)) return true;
  }
  return false;
}

std::pair<std::size_t, std::size_t> CoachContext::rest_after(std::size_t end) const {
  if (end == 0 || end >= tokens_.size()) return {end, end};
  const std::size_t sentence = tokens_[end - 1].sentence;
  std::size_t first = end;
  // The rest of a spelled-out contraction ("shouldn't") belongs to the match.
  while (first < tokens_.size() && tokens_[first].start < tokens_[end - 1].end) ++first;
  // "Oh great, you're late again": a match that closes its own clause takes the next one.
  while (first < tokens_.size() && tokens_[first].sentence == sentence &&
         vocabulary_.rest_skip.contains(tokens_[first].word) && !tokens_[first].breaks_after) {
    ++first;
  }
  std::size_t last = first;
  while (last < tokens_.size() && tokens_[last].sentence == sentence &&
         !vocabulary_.clause_words.contains(tokens_[last].word)) {
    ++last;
    if (tokens_[last - 1].breaks_after) break;
  }
  return {first, last};
}

}  // namespace attune::core
