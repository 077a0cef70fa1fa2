#include "core/coach/coach_review.h"

#include <algorithm>

#include "core/coach/coach_context.h"
#include "core/coach/coach_suggestion.h"

namespace attune::core {
namespace {

bool describes_harm(const std::vector<CoachToken>& tokens, const CoachVocabulary& vocabulary,
                    const CoachContext& context) {
  for (std::size_t first = 0; first < tokens.size(); ++first) {
    for (const auto& ref : vocabulary.harm_index.candidates(tokens[first].word)) {
      if (match_coach_pattern(vocabulary.harm[ref.pattern], tokens, first) &&
          !context.negated_before(first)) {
        return true;
      }
    }
  }
  return false;
}

bool spared(const CoachRule& rule, const std::vector<CoachToken>& tokens,
            const CoachContext& context, std::size_t floor, std::size_t first, std::size_t end) {
  if (context.negated_before(first, floor) || context.object_before(first)) return true;
  if (first > 0 && tokens[first - 1].sentence == tokens[first].sentence &&
      rule.unless_before.contains(tokens[first - 1].word)) {
    return true;
  }
  if (end < tokens.size() && tokens[end].sentence == tokens[first].sentence &&
      rule.unless_next.contains(tokens[end].word)) {
    return true;
  }
  if (rule.needs_negative_sentence && !context.sarcasm_cue_in_sentence(first, end)) return true;
  switch (rule.spare) {
    case CoachSpare::kNever:
      return false;
    case CoachSpare::kIfPositive:
      return context.appreciated_before(first) ||
             context.polarity_after(end) == CoachPolarity::kPositive;
    case CoachSpare::kIfNegative:
      return context.appreciated_before(first) || context.negative_next(end) ||
             context.polarity_after(end) == CoachPolarity::kNegative;
    case CoachSpare::kIfWords:
      return context.appreciated_before(first) || context.clause_after_holds(end, rule.spare_words);
  }
  return false;
}

std::optional<CoachMatch> match_at(const std::vector<CoachToken>& tokens,
                                   const CoachVocabulary& vocabulary, const CoachContext& context,
                                   std::size_t floor, std::size_t first) {
  for (const auto& ref : vocabulary.rule_index.candidates(tokens[first].word)) {
    const CoachRule& rule = vocabulary.rules[ref.rule];
    const auto end = match_coach_pattern(rule.patterns[ref.pattern], tokens, first);
    if (end && !spared(rule, tokens, context, floor, first, *end)) {
      return CoachMatch{&rule, first, *end};
    }
  }
  return std::nullopt;
}

}  // namespace

CoachReview review_language(std::string_view text, const CoachVocabulary& vocabulary) {
  CoachReview review;
  const auto tokens = coach_tokens(text, vocabulary.contractions);
  const CoachContext context(tokens, vocabulary);
  if (describes_harm(tokens, vocabulary, context)) {
    review.describes_harm = true;
    return review;
  }
  std::optional<CoachMatch> first_match;
  std::size_t floor = 0;  // the end of the last flag
  for (std::size_t first = 0; first < tokens.size();) {
    auto match = match_at(tokens, vocabulary, context, floor, first);
    if (!match) {
      ++first;
      continue;
    }
    const CoachKind kind = match->rule->kind;
    review.flags.push_back(CoachFlag{kind, tokens[match->first].start, tokens[match->end - 1].end,
                                     vocabulary.text_of(kind).message});
    if (!first_match) first_match = match;
    first = floor = match->end;
    // A contraction's words share one span: never start the next flag inside this one.
    while (first < tokens.size() && tokens[first].start < review.flags.back().end) ++first;
  }
  if (first_match) review.suggestion = coach_suggestion(text, tokens, vocabulary, *first_match);
  return review;
}

}  // namespace attune::core
