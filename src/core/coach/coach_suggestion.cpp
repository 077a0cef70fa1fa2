#include "core/coach/coach_suggestion.h"

#include <initializer_list>
#include <utility>

#include "core/coach/coach_context.h"

namespace attune::core {
namespace {

using Fills = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// One pass over the template, so text put in (the writer's own words) is never read again
// as a placeholder.
std::string fill(std::string_view pattern, Fills fills) {
  std::string out;
  for (std::size_t at = 0; at < pattern.size();) {
    bool filled = false;
    for (const auto& [name, value] : fills) {
      if (pattern.substr(at).starts_with(name)) {
        out += value;
        at += name.size();
        filled = true;
        break;
      }
    }
    if (!filled) out += pattern[at++];
  }
  return out;
}

// The bytes of tokens[first, last) as the writer typed them, starting with `replaced_first`
// instead of the first word when it is given.
std::string slice(std::string_view text, const std::vector<CoachToken>& tokens, std::size_t first,
                  std::size_t last, const std::string* replaced_first) {
  if (first >= last) return {};
  const std::size_t to = tokens[last - 1].byte_end;
  if (replaced_first == nullptr) {
    const std::size_t from = tokens[first].byte_start;
    return std::string(text.substr(from, to - from));
  }
  std::size_t next = first + 1;
  while (next < last && tokens[next].byte_start < tokens[first].byte_end) ++next;
  if (next == last) return *replaced_first;
  const std::size_t from = tokens[next].byte_start;
  return *replaced_first + " " + std::string(text.substr(from, to - from));
}

bool looks_past(const CoachVocabulary& vocabulary, const std::string& word) {
  return vocabulary.past_participles.contains(word) || (word.size() > 4 && word.ends_with("ed"));
}

struct Observation {
  std::string text;
  std::string rest;
  bool past = false;
};

Observation observe(std::string_view text, const std::vector<CoachToken>& tokens,
                    const CoachVocabulary& vocabulary, const CoachMatch& match) {
  const CoachRule& rule = *match.rule;
  Observation observation;
  const auto [first, last] = CoachContext(tokens, vocabulary).rest_after(match.end);
  observation.rest = slice(text, tokens, first, last, nullptr);
  if (!rule.uses_rest || observation.rest.empty()) return observation;
  // "Thanks a lot for ruining it" leaves "for ruining it", which is no clause of its own.
  if (rule.lead.empty() && !vocabulary.subjects.contains(tokens[first].word)) return observation;
  std::string lead = rule.lead;
  std::string rest = observation.rest;
  if (!rule.lead_past.empty() && looks_past(vocabulary, tokens[first].word)) {
    const auto it = vocabulary.past_participles.find(tokens[first].word);
    const std::string participle =
        it == vocabulary.past_participles.end() ? tokens[first].word : it->second;
    lead = rule.lead_past;
    rest = slice(text, tokens, first, last, &participle);
    observation.past = true;
  }
  observation.text = lead.empty() ? rest : lead + " " + rest;
  return observation;
}

std::string feeling_in(const std::vector<CoachToken>& tokens, const CoachVocabulary& vocabulary,
                       std::size_t sentence) {
  for (const auto& token : tokens) {
    if (token.sentence == sentence && vocabulary.feelings.contains(token.word)) return token.word;
  }
  return {};
}

bool sentence_in_past(const std::vector<CoachToken>& tokens, const CoachVocabulary& vocabulary,
                      std::size_t sentence) {
  for (const auto& token : tokens) {
    if (token.sentence == sentence && vocabulary.past_markers.contains(token.word)) return true;
  }
  return false;
}

}  // namespace

std::string coach_suggestion(std::string_view text, const std::vector<CoachToken>& tokens,
                             const CoachVocabulary& vocabulary, const CoachMatch& match) {
  const CoachKindText& words = vocabulary.text_of(match.rule->kind);
  const std::size_t sentence = tokens[match.first].sentence;
  Observation observation = observe(text, tokens, vocabulary, match);
  const bool past = observation.past || sentence_in_past(tokens, vocabulary, sentence);
  std::string feeling = feeling_in(tokens, vocabulary, sentence);
  if (feeling.empty()) feeling = words.feeling;
  const std::string request =
      fill(match.rule->request.empty() ? words.request : match.rule->request,
           {{"{rest}", observation.rest.empty() ? vocabulary.rest_fallback : observation.rest}});
  return fill(past ? vocabulary.template_past : vocabulary.template_present,
              {{"{feeling}", feeling},
               {"{observation}", observation.text.empty() ? words.observation : observation.text},
               {"{need}", words.need},
               {"{request}", request}});
}

}  // namespace attune::core
