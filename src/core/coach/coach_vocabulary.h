// Everything the language coach knows about words, loaded from content/coach.toml: the
// phrasings it points out, the contexts that make the same words kind or negated, the
// descriptions of harm it never reframes, and the wording of its messages.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/coach/coach_kind.h"
#include "core/coach/coach_pattern.h"
#include "core/coach/coach_tokens.h"

namespace attune::core {

// Looks strings up by string_view without building a std::string.
struct CoachWordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view word) const {
    return std::hash<std::string_view>{}(word);
  }
};

// A list of words; an entry ending in * stands for every word starting with it.
class CoachWords {
 public:
  void add(std::string_view entry);
  bool contains(std::string_view word) const;
  bool empty() const { return exact_.empty() && prefixes_.empty(); }

 private:
  std::unordered_set<std::string, CoachWordHash, std::equal_to<>> exact_;
  std::vector<std::string> prefixes_;
};

// Which patterns can start at a word, so a review tries only those (see index_patterns).
struct CoachPatternRef {
  std::size_t rule = 0;  // index into rules; harm patterns have their own index
  std::size_t pattern = 0;
  auto operator<=>(const CoachPatternRef&) const = default;
};

struct CoachPatternIndex {
  std::unordered_map<std::string, std::vector<CoachPatternRef>, CoachWordHash, std::equal_to<>>
      by_first_word;
  std::vector<CoachPatternRef> any_first_word;  // patterns starting with _ or a prefix

  void add(const CoachPattern& pattern, CoachPatternRef ref);
  // Merges any_first_word into every word's list and sorts each; call after the last add.
  void finish();
  // The patterns that may start at `word`, in rule order, then pattern order.
  const std::vector<CoachPatternRef>& candidates(std::string_view word) const;
};

// When the words around a match make it kind rather than blaming.
enum class CoachSpare {
  kNever,       // always point it out
  kIfPositive,  // "you always make me laugh": the rest of the clause is warm
  kIfNegative,  // "you never judge me": it denies something hurtful
  kIfWords,     // "you should rest": the clause after it holds one of the rule's spare_words
};

struct CoachRule {
  CoachKind kind = CoachKind::kGeneralisation;
  std::vector<CoachPattern> patterns;
  CoachSpare spare = CoachSpare::kNever;
  // Sarcasm markers ("oh great") only count in a sentence that also holds a negative word
  // or a sarcasm cue.
  bool needs_negative_sentence = false;
  CoachWords unless_before;  // "if you need to stop": the word right before the match
  CoachWords unless_next;    // "you must be tired": the word right after it
  CoachWords spare_words;    // for CoachSpare::kIfWords
  // How the suggestion's observation is built: `lead` + the rest of the clause after the
  // match ("you never listen to me" → "you don't" + "listen to me"); lead_past when the next
  // word is in the past ("you never asked" → "you hadn't" + "asked"). No lead: the kind's
  // own observation.
  bool uses_rest = false;
  std::string lead;
  std::string lead_past;
  std::string request;  // replaces the kind's request when not empty
};

// The words of one kind's message and suggestion.
struct CoachKindText {
  std::string message;      // shown beside the flagged words
  std::string feeling;      // used when the sentence names no feeling of its own
  std::string need;         // "to feel heard"
  std::string request;      // may hold {rest}: the clause after the match
  std::string observation;  // when no observation can be built from the sentence
};

struct CoachVocabulary {
  CoachContractions contractions;
  std::vector<CoachRule> rules;  // tried in order; the first unspared match at a word wins
  std::vector<CoachPattern> harm;

  CoachWords negators;               // not, never, no …
  CoachWords negation_exempt_after;  // "said no" is not a negation
  CoachWords clause_words;           // but, though …: a negation does not reach past them
  CoachWords object_before;          // "I love you always": "you" is not the one acting
  CoachWords positive;               // warm words that spare kIfPositive
  CoachWords negative;               // hurtful words: spare kIfNegative, and make sarcasm
  CoachWords sarcasm_cues;           // "again", "as usual": with negative words, make sarcasm
  CoachWords appreciation;           // "I love that you always …"
  CoachWords feelings;               // a feeling the writer named, reused in the suggestion
  CoachWords past_markers;           // was, were, yesterday …: the suggestion says "I felt"
  CoachWords rest_skip;              // "that" in "it's your fault that …"
  CoachWords subjects;               // a rest used without a lead must start with one
  std::unordered_map<std::string, std::string> past_participles;  // gave → given
  std::size_t negation_window = 4;
  std::size_t context_window = 8;

  std::array<CoachKindText, kCoachKinds.size()> kind_text{};
  std::string template_present;  // {feeling} {observation} {need} {request}
  std::string template_past;
  std::string rest_fallback;  // for {rest} when nothing follows the match

  CoachPatternIndex rule_index;  // filled by index_patterns()
  CoachPatternIndex harm_index;

  // Builds the indexes; call once after filling rules and harm.
  void index_patterns();

  const CoachKindText& text_of(CoachKind kind) const {
    return kind_text[static_cast<std::size_t>(kind)];
  }
};

}  // namespace attune::core
