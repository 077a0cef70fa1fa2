// Splits a text into the words the language coach reads: lower-case, contractions spelled
// out ("you're" → "you are"), each word keeping its place in the text as sent.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace attune::core {

struct CoachToken {
  std::string word;  // ASCII letters lower-cased; other letters and emoji kept as they are
  // Offsets in Unicode code points (not bytes, not UTF-16 units): [start, end). The words
  // of one spelled-out contraction share the contraction's span.
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t byte_start = 0;
  std::size_t byte_end = 0;
  std::size_t sentence = 0;   // which sentence (. ! ? … or a line break ends one)
  bool breaks_after = false;  // a clause ends after this word (, ; : — or the sentence's end)
};

struct CoachContractions {
  std::unordered_map<std::string, std::string> words;  // "won't" → "will not"
  // Tried in order when a whole word is not listed: "n't" → "not" makes "didn't" "did not".
  std::vector<std::pair<std::string, std::string>> suffixes;
};

// Never splits a multi-byte character; bytes that are not UTF-8 count as one code point
// each and separate words.
std::vector<CoachToken> coach_tokens(std::string_view text, const CoachContractions& contractions);

}  // namespace attune::core
